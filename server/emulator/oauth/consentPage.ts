/** The consent page: plain, accessible HTML with no script; the emulator has no passwords. */
import type { UserRow } from '../repositories/users';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 0; display: grid; place-items: center; min-height: 100vh; }
  main { max-width: 28rem; padding: 1.5rem; }
  fieldset { border: 1px solid currentColor; border-radius: .5rem; padding: 1rem; }
  label { display: block; padding: .4rem 0; }
  .actions { display: flex; gap: .75rem; margin-top: 1rem; }
  button { font: inherit; padding: .5rem 1.25rem; border-radius: .4rem; cursor: pointer; }
  button:focus-visible, input:focus-visible { outline: 3px solid #1a5fd0; outline-offset: 2px; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
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

export function consentPage(request: ConsentRequest, users: readonly UserRow[]): string {
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
  const scopeItems = request.scopes
    .map((scope) => `<li><code>${escapeHtml(scope)}</code></li>`)
    .join('');
  return page(
    'Sign in to the Outreach emulator',
    `<h1>Sign in to the Outreach emulator</h1>
<p><strong>${escapeHtml(request.clientName)}</strong> asks for access to:</p>
<ul>${scopeItems}</ul>
<form method="post" action="authorize">
${hiddenInputs}
<fieldset>
<legend>Continue as</legend>
${radios}
</fieldset>
<div class="actions">
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button>
</div>
</form>`,
  );
}

export function authorizeErrorPage(description: string): string {
  return page(
    'Sign-in request rejected',
    `<h1>Sign-in request rejected</h1>
<p>${escapeHtml(description)}</p>
<p>The application that sent you here is misconfigured; it was not told about this error.</p>`,
  );
}
