// What the app server's /api/v2 proxy adds to the list: the same GET of the list's first page
// (the SPA's own URL) through the app server with a session cookie, and straight to the embedded
// emulator with a bearer token for the same user, interleaved in one run so both share the
// machine's noise. Median and p99 of each, and the proxy's time as a multiple of the emulator's,
// for 50 and 1,000 purposes. Figures only: nothing here asserts.
import { cpus, loadavg } from 'node:os';
import { callPurposeListPath } from '../shared/firstPageRequests';
import { startAppServer } from '../e2e/support/appServerProcess';
import { OutreachApi, tokenFor } from '../e2e/support/outreachApi';
import { seedUpTo } from '../e2e/support/seedPurposes';
import { USERS } from '../e2e/support/signIn';
import { browser, signIn } from '../server/app/test/harness';
import { BENCH_PORT_BASE, buildIfMissing, median, quantile } from './support/browserBench';

const SIZES = [50, 1000];
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARMUP = 20;

async function timed(request: () => Promise<Response>): Promise<number> {
  const start = performance.now();
  const response = await request();
  // The whole body, as the browser would read it before parsing.
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`answered ${response.status}`);
  return performance.now() - start;
}

const figure = (values: number[]) =>
  `median ${median(values).toFixed(1)} ms, p99 ${quantile(values, 0.99).toFixed(1)} ms`;

buildIfMissing();
console.log(
  `proxy cost: GET ${callPurposeListPath()}, ${RUNS} requests each way, one at a time` +
    ` (machine load average at start: ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores)`,
);
const app = await startAppServer({
  port: BENCH_PORT_BASE + 40,
  dataDir: 'test-results/bench-data/proxyCost',
  // Thousands of requests in a minute: the emulator's hourly limit would answer 429 otherwise.
  env: { EMULATOR_RATE_LIMIT: '1000000000' },
});
try {
  const token = tokenFor('admin', app.dataDir);
  const api = new OutreachApi(`${app.url}/emulator/api/v2`, token);
  const client = browser(app.url);
  await signIn(client, { as: USERS.admin.name });
  const path = callPurposeListPath();
  const viaApp = () => client.fetch(path);
  const direct = () =>
    fetch(`${app.url}/emulator${path}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.api+json' },
    });

  for (const size of SIZES) {
    await seedUpTo(api, size, 'Proxy bench');
    for (let i = 0; i < WARMUP; i++) await Promise.all([timed(viaApp), timed(direct)]);
    const emulator: number[] = [];
    const proxied: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Alternate which goes first, so neither always meets a warmer cache.
      if (i % 2 === 0) {
        emulator.push(await timed(direct));
        proxied.push(await timed(viaApp));
      } else {
        proxied.push(await timed(viaApp));
        emulator.push(await timed(direct));
      }
    }
    const ratio = median(proxied) / median(emulator);
    console.log(`${String(size).padStart(5)} purposes  emulator directly: ${figure(emulator)}`);
    console.log(
      `${' '.repeat(16)}through /api/v2:   ${figure(proxied)}  (${ratio.toFixed(2)}× the emulator's median)`,
    );
  }
} finally {
  await app.stop();
}
