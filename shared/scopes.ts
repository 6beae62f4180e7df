/**
 * OAuth scopes are `<resource>.<level>`. `all` implies read, write and delete; the others are
 * not additive (write grants no read), exactly as Outreach documents them.
 */
export const SCOPE_RESOURCES = ['callPurposes', 'calls', 'users'] as const;
export const SCOPE_LEVELS = ['read', 'write', 'delete', 'all'] as const;
export type ScopeResource = (typeof SCOPE_RESOURCES)[number];
export type ScopeLevel = Exclude<(typeof SCOPE_LEVELS)[number], 'all'>;

export function isKnownScope(scope: string): boolean {
  const [resource, level, ...rest] = scope.split('.');
  return (
    rest.length === 0 &&
    (SCOPE_RESOURCES as readonly string[]).includes(resource ?? '') &&
    (SCOPE_LEVELS as readonly string[]).includes(level ?? '')
  );
}

/** Parses a space-separated scope list (RFC 6749 §3.3); undefined when empty or any is unknown. */
export function parseScopeList(text: string): string[] | undefined {
  const scopes = text.split(' ').filter((scope) => scope !== '');
  if (scopes.length === 0 || !scopes.every(isKnownScope)) return undefined;
  return [...new Set(scopes)];
}

export function grantsScope(
  scopes: readonly string[],
  resource: ScopeResource,
  level: ScopeLevel,
): boolean {
  return scopes.includes(`${resource}.${level}`) || scopes.includes(`${resource}.all`);
}
