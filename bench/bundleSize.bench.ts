// Gzip sizes of the JavaScript dist/index.html names (its module script and modulepreloads) and
// of all JavaScript in dist, after a fresh `vite build`, with a source-map report of which
// package or module each chunk's bytes come from. What a browser really fetches before the list
// shows, per role, is measured from the network by firstPage.bench.ts. KB = 1,000 bytes, as Vite
// reports. Figures only.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bytesPerSource, packageOf } from './support/sourceMapBytes';

const DIST = 'dist';

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
if (build.status !== 0) throw new Error('vite build failed');

const gzipKb = (file: string) => gzipSync(readFileSync(join(DIST, file))).length / 1000;
const kb = (value: number) => `${value.toFixed(1)} KB`;

const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const firstPage = [
  ...html.matchAll(/<script[^>]*type="module"[^>]*src="\/([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+\.js)"/g),
].map((match) => match[1] as string);

const allJs = readdirSync(join(DIST, 'assets'))
  .filter((file) => file.endsWith('.js'))
  .map((file) => `assets/${file}`);

console.log('JavaScript index.html names (gzip):');
for (const file of firstPage) console.log(`  ${file.padEnd(44)} ${kb(gzipKb(file))}`);
const firstPageTotal = firstPage.reduce((sum, file) => sum + gzipKb(file), 0);
console.log(`  total${' '.repeat(40)}${kb(firstPageTotal)}  (aim: at most 105 KB)`);

console.log('All JavaScript in dist (gzip):');
for (const file of allJs.filter((name) => !firstPage.includes(name))) {
  console.log(`  ${file.padEnd(44)} ${kb(gzipKb(file))}  (loaded on demand)`);
}
const allTotal = allJs.reduce((sum, file) => sum + gzipKb(file), 0);
console.log(`  total${' '.repeat(40)}${kb(allTotal)}  (${allJs.length} files)`);

console.log('Where the bytes come from (source maps; gzip shared out by raw bytes, an estimate):');
for (const file of allJs) {
  const perSource = bytesPerSource(join(DIST, file));
  const perPackage = new Map<string, number>();
  for (const [source, bytes] of perSource) {
    perPackage.set(packageOf(source), (perPackage.get(packageOf(source)) ?? 0) + bytes);
  }
  const raw = [...perPackage.values()].reduce((sum, bytes) => sum + bytes, 0);
  const gzip = gzipKb(file);
  const parts = [...perPackage]
    .sort((a, b) => b[1] - a[1])
    .filter(([, bytes]) => (gzip * bytes) / raw >= 0.3)
    .map(([name, bytes]) => `${name} ${((gzip * bytes) / raw).toFixed(1)}`);
  console.log(`  ${file} (${kb(gzip)}): ${parts.join(', ')}`);
}
