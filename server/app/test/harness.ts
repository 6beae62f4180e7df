// Helpers for the app server's integration tests: real servers on real ports, a cookie jar, and
// a driver for the OAuth dance that clicks through the emulator's consent page like a person.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `cpa-${prefix}-`));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A dist/ with an index.html and one hashed asset, as `vite build` leaves it. */
export function fakeDist(): string {
  const dir = tempDir('dist');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>Call purposes</title><div id="root"></div>',
  );
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("app");');
  return dir;
}

export class CookieJar {
  private readonly cookies = new Map<string, string>();
  /** Raw Set-Cookie headers seen, newest last, for attribute checks. */
  readonly seen: string[] = [];

  capture(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      this.seen.push(header);
      const [pair = ''] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = /max-age=0|expires=thu, 01 jan 1970/i.test(header);
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** fetch that never follows redirects and keeps cookies for `base`'s origin. */
export function browser(base: string, jar = new CookieJar()) {
  return {
    jar,
    async fetch(path: string, init: RequestInit = {}): Promise<Response> {
      const url = new URL(path, base);
      const headers = new Headers(init.headers);
      if (url.origin === new URL(base).origin && jar.header() !== '') {
        headers.set('cookie', jar.header());
      }
      const response = await fetch(url, { ...init, headers, redirect: 'manual' });
      if (url.origin === new URL(base).origin) jar.capture(response);
      return response;
    },
  };
}

export type Browser = ReturnType<typeof browser>;

export interface SignInOptions {
  /** Label text on the consent page, e.g. "Maria Chen". */
  as?: string;
  returnTo?: string;
  decision?: 'approve' | 'deny';
}

/** /auth/login → consent page → Approve/Deny → /auth/callback; returns the final redirect. */
export async function signIn(client: Browser, options: SignInOptions = {}) {
  const query =
    options.returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(options.returnTo)}`;
  const login = await client.fetch(`/auth/login${query}`);
  if (login.status !== 302) throw new Error(`/auth/login answered ${login.status}`);
  const authorizeUrl = new URL(login.headers.get('location') ?? '');

  const consent = await fetch(authorizeUrl, { redirect: 'manual' });
  const html = await consent.text();
  if (consent.status !== 200) throw new Error(`consent page answered ${consent.status}: ${html}`);
  const form = parseConsentForm(html);
  const userId = form.users.find((user) => user.label.startsWith(options.as ?? 'Alex Morgan'))?.id;
  if (userId === undefined) throw new Error(`no user "${options.as}" on the consent page`);

  const decided = await fetch(new URL(form.action, authorizeUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams([
      ...Object.entries(form.hidden),
      // A browser sends every checked box: all requested scopes stay granted.
      ...form.grants.map((scope): [string, string] => ['grant', scope]),
      ['user_id', userId],
      ['decision', options.decision ?? 'approve'],
    ]),
    redirect: 'manual',
  });
  const callbackUrl = decided.headers.get('location');
  if (callbackUrl === null)
    throw new Error(`consent answered ${decided.status} without a redirect`);

  const callback = await client.fetch(callbackUrl);
  return {
    authorizeUrl,
    callbackUrl: new URL(callbackUrl),
    status: callback.status,
    location: callback.headers.get('location'),
  };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function parseConsentForm(html: string) {
  const action = /<form[^>]*action="([^"]*)"/i.exec(html)?.[1];
  if (action === undefined) throw new Error('no form on the consent page');
  const hidden: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    hidden[match[1] as string] = decodeEntities(match[2] as string);
  }
  const users = [
    ...html.matchAll(
      /<label><input type="radio" name="user_id" value="([^"]+)"[^>]*>([^<]+)<\/label>/g,
    ),
  ].map((match) => ({
    id: match[1] as string,
    label: decodeEntities((match[2] as string).trim()),
  }));
  const grants = [
    ...html.matchAll(/<input type="checkbox" name="grant" value="([^"]+)" checked>/g),
  ].map((match) => decodeEntities(match[1] as string));
  return { action: decodeEntities(action), hidden, users, grants };
}

/** Starts `node --import tsx <script>` and resolves once `ready` matches its output. */
export async function startProcess(
  script: string,
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ child: ChildProcess; output: () => string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} did not start:\n${output}`)),
      30_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}:\n${output}`));
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      return exited;
    },
  };
}
