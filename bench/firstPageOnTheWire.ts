// The first page's bytes on the wire: index.html, every script, stylesheet, preload and icon it
// names and the chunks those scripts import statically, fetched from the real app server over
// HTTP the way a browser asks for them, counting the body bytes as sent (compressed or not).
// Figures only.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildApp } from '../server/buildApp';
import { parseAppConfig } from '../server/app/config';
import { resolveSessionSecret } from '../server/app/sessionSecret';
import { freePort } from '../server/app/test/harness';
import { firstPageScripts } from './support/firstPageScripts';

/** The files index.html makes a browser fetch before anything else, and the chunks they import. */
export function firstPageFiles(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const named = [
    ...html.matchAll(/<script[^>]*\bsrc="\/([^"]+)"/g),
    ...html.matchAll(/<link[^>]*\bhref="\/([^"]+)"/g),
  ].map((match) => `/${match[1] as string}`);
  const imported = firstPageScripts(dist).map((file) => `/${file}`);
  return ['/', ...new Set([...named, ...imported])];
}

export type WireBytes = { path: string; encoding: string; bytes: number };

function fetchRaw(url: string, acceptEncoding: string): Promise<WireBytes> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () =>
        resolve({
          path: new URL(url).pathname,
          encoding: String(res.headers['content-encoding'] ?? 'identity'),
          bytes,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Starts the app server on `dist`, fetches the first page with each Accept-Encoding, stops. */
export async function measureFirstPage(
  dist: string,
  acceptEncodings: readonly string[],
): Promise<Map<string, WireBytes[]>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cpa-bench-'));
  const port = await freePort();
  const parsed = parseAppConfig(
    { PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent' },
    { distDir: resolve(dist) },
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const app = await buildApp(resolveSessionSecret(parsed.config));
  try {
    await app.listen({ port, host: '127.0.0.1' });
    const results = new Map<string, WireBytes[]>();
    for (const acceptEncoding of acceptEncodings) {
      const fetched: WireBytes[] = [];
      for (const path of firstPageFiles(dist)) {
        fetched.push(await fetchRaw(`http://127.0.0.1:${port}${path}`, acceptEncoding));
      }
      results.set(acceptEncoding, fetched);
    }
    return results;
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
