// Gzip -9 sizes of the JavaScript the first page loads before the list can show (index.html's
// scripts and every chunk they import statically; see support/firstPageScripts.ts) and of all
// JavaScript in dist, after a fresh `vite build`. What only some users need (the reorder code,
// the writers' dialogs, the sign-in page) is in lazy chunks: counted in the total, not in the
// first page. KB = 1,000 bytes. Then the first page's bytes on the wire, brotli beside gzip, as
// the app server sends them, and a source-map report of which package each chunk's bytes come
// from. What a browser really fetches before the list shows, per role, is measured from the
// network by firstPage.bench.ts. Figures only.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measureFirstPage, type WireBytes } from './firstPageOnTheWire';
import { firstPageScripts } from './support/firstPageScripts';
import { bytesPerSource, packageOf } from './support/sourceMapBytes';

const DIST = 'dist';

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
if (build.status !== 0) throw new Error('vite build failed');

const gzipKb = (file: string) =>
  gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length / 1000;
const kb = (value: number) => `${value.toFixed(1)} KB`;

const firstPage = firstPageScripts(DIST);

const allJs = readdirSync(join(DIST, 'assets'))
  .filter((file) => file.endsWith('.js'))
  .map((file) => `assets/${file}`);

console.log('JavaScript before the list can show (index.html and its static imports, gzip -9):');
for (const file of firstPage) console.log(`  ${file.padEnd(44)} ${kb(gzipKb(file))}`);
const firstPageTotal = firstPage.reduce((sum, file) => sum + gzipKb(file), 0);
console.log(`  total${' '.repeat(40)}${kb(firstPageTotal)}  (aim: at most 125 KB)`);

console.log('All JavaScript in dist (gzip -9):');
for (const file of allJs.filter((name) => !firstPage.includes(name))) {
  console.log(`  ${file.padEnd(44)} ${kb(gzipKb(file))}  (loaded on demand)`);
}
const allTotal = allJs.reduce((sum, file) => sum + gzipKb(file), 0);
console.log(`  total${' '.repeat(40)}${kb(allTotal)}  (${allJs.length} files)`);

console.log('Where the bytes come from (source maps; gzip shared out by raw bytes, an estimate):');
const firstPagePackages = new Map<string, number>();
for (const file of allJs) {
  const perSource = bytesPerSource(join(DIST, file));
  const perPackage = new Map<string, number>();
  for (const [source, bytes] of perSource) {
    perPackage.set(packageOf(source), (perPackage.get(packageOf(source)) ?? 0) + bytes);
  }
  const raw = [...perPackage.values()].reduce((sum, bytes) => sum + bytes, 0);
  const gzip = gzipKb(file);
  const shares = [...perPackage]
    .map(([name, bytes]): [string, number] => [name, (gzip * bytes) / raw])
    .sort((a, b) => b[1] - a[1]);
  if (firstPage.includes(file)) {
    for (const [name, kbShare] of shares) {
      firstPagePackages.set(name, (firstPagePackages.get(name) ?? 0) + kbShare);
    }
  }
  const parts = shares
    .filter(([, kbShare]) => kbShare >= 0.3)
    .map(([name, kbShare]) => `${name} ${kbShare.toFixed(1)}`);
  console.log(`  ${file} (${kb(gzip)}): ${parts.join(', ')}`);
}
console.log(
  `  the first page (${kb(firstPageTotal)}): ${[...firstPagePackages]
    .sort((a, b) => b[1] - a[1])
    .filter(([, kbShare]) => kbShare >= 0.3)
    .map(([name, kbShare]) => `${name} ${kbShare.toFixed(1)}`)
    .join(', ')}`,
);

// What actually travels: the app server serving this build, asked as Chromium asks (brotli
// first) and as a gzip-only client would.
const BROTLI = 'gzip, deflate, br, zstd';
const GZIP_ONLY = 'gzip, deflate';
const IDENTITY = 'identity';
const wire = await measureFirstPage(DIST, [BROTLI, GZIP_ONLY, IDENTITY]);
const column = (encoding: string) => wire.get(encoding) ?? [];
const sum = (rows: readonly WireBytes[]) => rows.reduce((total, row) => total + row.bytes, 0);
console.log(
  'The first page on the wire (index.html, what it names and what that imports), from the app server:',
);
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
