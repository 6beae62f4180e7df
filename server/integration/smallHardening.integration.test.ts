// Issue 17, point 8, the small ones, over real HTTP against the composed server on a fresh
// DATA_DIR: security headers on the probes and on the 400 for a URL that does not parse, source
// maps built hidden and never served, a sign-in code kept out of the log however the path is
// spelled, and the data directory and app.sqlite readable by their owner only.
import { statSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import viteConfig from '../../vite.config';
import { redactUrl } from '../app/logger';
import { fakeDist, tempDir } from '../app/test/harness';
import { startComposed, type ComposedServer } from './composedServer';

let server: ComposedServer;
let base: string;
let parent: string;

beforeAll(async () => {
  parent = tempDir('small');
  const distDir = fakeDist();
  writeFileSync(join(distDir, 'assets', 'index-abc123.js.map'), '{"version":3,"sources":[]}');
  // DATA_DIR two levels below a directory that exists: the server makes it.
  const dataDir = join(parent, 'data', 'nested');
  server = await startComposed({ env: { HOST: '127.0.0.1' }, dataDir, distDir });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server?.stop();
  rmSync(parent, { recursive: true, force: true });
});

/** A raw request line, as a client that does not normalise its URL sends it. */
function rawGet(path: string): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${base}/`, { path }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

describe('security headers everywhere', () => {
  it.each(['/healthz', '/readyz'])('on %s', async (path) => {
    const response = await fetch(`${base}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('on the 400 for a URL that does not parse', async () => {
    const response = await rawGet('/api/v2/callPurposes/%E0%A4%A');
    expect(response.status).toBe(400);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBeDefined();
  });
});

describe('source maps', () => {
  it('are built hidden: the bundle names no map for a browser to fetch', () => {
    expect(viteConfig.build?.sourcemap).toBe('hidden');
  });

  it('are not served', async () => {
    expect((await fetch(`${base}/assets/index-abc123.js`)).status).toBe(200);
    const map = await fetch(`${base}/assets/index-abc123.js.map`);
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain('"sources"');
  });
});

describe('the request log', () => {
  it.each([
    '/auth/callback?code=secret-code&state=s',
    '/%61uth/callback?code=secret-code&state=s',
    '/auth/%63allback?code=secret-code',
    '/auth%2Fcallback?code=secret-code',
    '/auth/callback/?code=secret-code',
    '/%E0%A4%A/auth/callback?code=secret-code',
  ])('keeps the code out of %s', (url) => {
    const logged = redactUrl(url) ?? '';
    expect(logged).not.toContain('secret-code');
    expect(logged.endsWith('?[redacted]')).toBe(true);
  });

  it('still shows the query of other paths', () => {
    expect(redactUrl('/api/v2/callPurposes?sort=order')).toBe('/api/v2/callPurposes?sort=order');
  });
});

describe('files at rest', () => {
  it('creates the data directory 0700 and app.sqlite 0600', () => {
    expect(statSync(server.dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(parent, 'data')).mode & 0o777).toBe(0o700);
    expect(statSync(join(server.dataDir, 'app.sqlite')).mode & 0o777).toBe(0o600);
  });
});
