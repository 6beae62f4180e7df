// Who may see the history: people who may change the list. Scopes say what the token may do and
// Outreach's authorization meta what the person's role may (an agent writes nothing), exactly as
// the SPA decides whether to show writing controls; here it guards the data. Asked of Outreach
// once a minute per session at most.
import { grantsScope } from '../../../shared/scopes';
import type { SessionRecord } from '../sessions/store';

export type WriterCheck = (session: SessionRecord) => Promise<boolean>;

const REMEMBER_MS = 60_000;

type Meta = { meta?: { canWrite?: boolean; canDelete?: boolean } };

export function writerCheck({
  apiUrl,
  accessToken,
  now,
  timeoutMs,
}: {
  apiUrl: string;
  accessToken: (session: SessionRecord) => Promise<string>;
  now: () => number;
  timeoutMs: number;
}): WriterCheck {
  const remembered = new Map<string, { at: number; mayWrite: boolean }>();
  return async (session) => {
    if (!grantsScope(session.scopes, 'callPurposes', 'write')) return false;
    const known = remembered.get(session.idHash);
    if (known !== undefined && now() - known.at < REMEMBER_MS) return known.mayWrite;
    const response = await fetch(
      `${apiUrl}/callPurposes?provideAuthorizationMeta=true&page%5Bsize%5D=1000`,
      {
        headers: {
          authorization: `Bearer ${await accessToken(session)}`,
          accept: 'application/vnd.api+json',
        },
        signal: AbortSignal.timeout(timeoutMs),
      },
    );
    if (!response.ok) {
      await response.arrayBuffer();
      return false;
    }
    const { data = [] } = (await response.json()) as { data?: Meta[] };
    // An empty list says nothing about the role: the scope decides (as in the SPA).
    const mayWrite =
      data.length === 0 ||
      data.some((purpose) => purpose.meta?.canWrite || purpose.meta?.canDelete);
    for (const [id, entry] of remembered) {
      if (now() - entry.at >= REMEMBER_MS) remembered.delete(id);
    }
    remembered.set(session.idHash, { at: now(), mayWrite: mayWrite === true });
    return mayWrite === true;
  };
}
