// Gzip sizes of the JavaScript the first page loads (dist/index.html's module script and the
// modulepreloads it lists) and of all JavaScript in dist, after a fresh `vite build`. The form
// routes are lazy chunks, so they count in the total but not in the first page. KB = 1,000
// bytes, as Vite reports. Then the first page's bytes on the wire, brotli beside gzip, as the
// app server sends them. Figures only.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measureFirstPage, type WireBytes } from './firstPageOnTheWire';

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

// What actually travels: the app server serving this build, asked as Chromium asks (brotli
// first) and as a gzip-only client would.
const BROTLI = 'gzip, deflate, br, zstd';
const GZIP_ONLY = 'gzip, deflate';
const IDENTITY = 'identity';
const wire = await measureFirstPage(DIST, [BROTLI, GZIP_ONLY, IDENTITY]);
const column = (encoding: string) => wire.get(encoding) ?? [];
const sum = (rows: readonly WireBytes[]) => rows.reduce((total, row) => total + row.bytes, 0);
console.log('The first page on the wire (index.html and what it names), from the app server:');
console.log(
  `  ${'file'.padEnd(44)} ${'brotli'.padStart(10)} ${'gzip'.padStart(10)} ${'none'.padStart(10)}`,
);
column(BROTLI).forEach((row, index) => {
  const cell = (encoding: string) => {
    const match = column(encoding)[index];
    return `${kb((match?.bytes ?? 0) / 1000)} ${match?.encoding === 'identity' ? ' ' : '*'}`.padStart(
      10,
    );
  };
  console.log(`  ${row.path.padEnd(44)} ${cell(BROTLI)} ${cell(GZIP_ONLY)} ${cell(IDENTITY)}`);
});
console.log(
  `  ${'total'.padEnd(44)} ${kb(sum(column(BROTLI)) / 1000).padStart(10)}  ${kb(sum(column(GZIP_ONLY)) / 1000).padStart(9)}  ${kb(sum(column(IDENTITY)) / 1000).padStart(9)}   (* = sent compressed)`,
);
