/** The consent page: plain, accessible HTML with no script; the emulator has no passwords. */
import { createHash } from 'node:crypto';
import type { UserRow } from '../repositories/users';
import { GRANT_FIELD, SCOPE_CHOICE_FIELD } from './grantedScopes';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.45;
    --bg: #f4f5f7; --card: #fff; --text: #1c1e21; --muted: #5b6270; --border: #d5d9e0;
    --accent: #3b4fd8; --accent-text: #fff; }
  @media (prefers-color-scheme: dark) {
    :root { --bg: #16181d; --card: #20232a; --text: #eceef2; --muted: #a8afbd; --border: #3a3f4b;
      --accent: #8fa0ff; --accent-text: #10121a; }
  }
  body { margin: 0; display: grid; place-items: center; min-height: 100vh; background: var(--bg);
    color: var(--text); }
  main { box-sizing: border-box; width: min(28rem, 100% - 2rem); margin: 1rem; padding: 1.75rem;
    background: var(--card); border: 1px solid var(--border); border-radius: .75rem; }
  h1 { font-size: 1.4rem; margin: 0 0 1rem; }
  .note { color: var(--muted); font-size: .9rem; }
  fieldset { border: 1px solid var(--border); border-radius: .5rem; padding: .5rem 1rem; margin: 0 0 1rem; }
  legend { font-weight: 600; padding: 0 .25rem; }
  label { display: flex; gap: .6rem; align-items: center; padding: .45rem 0; cursor: pointer; }
  .actions { display: flex; gap: .75rem; margin-top: 1.25rem; }
  button { font: inherit; font-weight: 600; padding: .55rem 1.4rem; border-radius: .4rem;
    cursor: pointer; border: 1px solid var(--border); background: var(--card); color: var(--text); }
  button[value="approve"] { background: var(--accent); border-color: var(--accent);
    color: var(--accent-text); }
  button:focus-visible, input:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
  body:has(> .notice) { grid-template-rows: auto 1fr; }
  .notice { justify-self: stretch; margin: 0; padding: .6rem 1rem; text-align: center;
    font-weight: 700; background: #7a3e00; color: #fff; }
`;

/** Lets the Content-Security-Policy allow exactly this stylesheet, and no other inline style. */
export const PAGE_STYLE_SOURCE = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** `notice`: a line above every page (a public demo says anyone can sign in as anyone). */
function page(title: string, body: string, notice: string | undefined): string {
  const banner =
    notice === undefined ? '' : `<p class="notice" role="note">${escapeHtml(notice)}</p>\n`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${banner}<main>
${body}
</main>
</body>
</html>
`;
}

export type ConsentRequest = {
  clientId: string;
  clientName: string;
  redirectUri: string;
  scopes: readonly string[];
  state?: string;
  codeChallenge?: string;
};

export function consentPage(
  request: ConsentRequest,
  users: readonly UserRow[],
  notice?: string,
): string {
  const hidden: [string, string | undefined][] = [
    ['client_id', request.clientId],
    ['redirect_uri', request.redirectUri],
    ['response_type', 'code'],
    ['scope', request.scopes.join(' ')],
    ['state', request.state],
    ['code_challenge', request.codeChallenge],
    ['code_challenge_method', request.codeChallenge === undefined ? undefined : 'S256'],
  ];
  const hiddenInputs = hidden
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('\n');
  const radios = users
    .map(
      (user, index) =>
        `<label><input type="radio" name="user_id" value="${user.id}"${index === 0 ? ' checked' : ''}> ` +
        `${escapeHtml(`${user.firstName} ${user.lastName} (${user.role})`)}</label>`,
    )
    .join('\n');
  const scopeBoxes = request.scopes
    .map(
      (scope) =>
        `<label><input type="checkbox" name="${GRANT_FIELD}" value="${escapeHtml(scope)}" checked> ` +
        `<code>${escapeHtml(scope)}</code></label>`,
    )
    .join('\n');
  return page(
    'Sign in to the Outreach emulator',
    `<h1>Sign in to the Outreach emulator</h1>
<p class="note">A local stand-in for Outreach: pick a demo user, no password needed.</p>
<form method="post" action="authorize">
${hiddenInputs}
<input type="hidden" name="${SCOPE_CHOICE_FIELD}" value="shown">
<fieldset>
<legend><strong>${escapeHtml(request.clientName)}</strong> asks for access to</legend>
${scopeBoxes}
</fieldset>
<fieldset>
<legend>Continue as</legend>
${radios}
</fieldset>
<div class="actions">
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button>
</div>
</form>`,
    notice,
  );
}

export function authorizeErrorPage(description: string, notice?: string): string {
  return page(
    'Sign-in request rejected',
    `<h1>Sign-in request rejected</h1>
<p>${escapeHtml(description)}</p>
<p>The application that sent you here is misconfigured; it was not told about this error.</p>`,
    notice,
  );
}
