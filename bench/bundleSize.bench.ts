// Gzip sizes of the JavaScript the first page loads (dist/index.html's module script and the
// modulepreloads it lists) and of all JavaScript in dist, after a fresh `vite build`. The form
// routes are lazy chunks, so they count in the total but not in the first page. KB = 1,000
// bytes, as Vite reports. Figures only.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

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

console.log('JavaScript the first page loads (gzip):');
for (const file of firstPage) console.log(`  ${file.padEnd(44)} ${kb(gzipKb(file))}`);
const firstPageTotal = firstPage.reduce((sum, file) => sum + gzipKb(file), 0);
console.log(`  total${' '.repeat(40)}${kb(firstPageTotal)}  (aim: under 130 KB)`);

console.log('All JavaScript in dist (gzip):');
for (const file of allJs.filter((name) => !firstPage.includes(name))) {
  console.log(`  ${file.padEnd(44)} ${kb(gzipKb(file))}  (loaded on demand)`);
}
const allTotal = allJs.reduce((sum, file) => sum + gzipKb(file), 0);
console.log(`  total${' '.repeat(40)}${kb(allTotal)}  (${allJs.length} files)`);
