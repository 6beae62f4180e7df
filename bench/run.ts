// `npm run bench`: runs every bench/*.bench.ts in turn, each in its own process so that one
// benchmark's servers and browsers never skew the next. Figures only: nothing here asserts.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    failed += 1;
    console.log(`(${file} exited with ${result.status ?? result.signal})`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
