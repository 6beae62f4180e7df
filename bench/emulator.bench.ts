// The emulator on loopback under autocannon: listing 50 purposes and PATCHing a name.
// Figures only, no assertions. The server runs as a child process (as `npm run emulator`
// would) so that it and the load generator each get a core of their own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { mintToken } from '../server/emulator/cli/token';
import { startEmulatorProcess } from '../server/emulator/test/emulatorProcess';

const JSON_API = 'application/vnd.api+json';
const DURATION_SECONDS = Number(process.env.BENCH_DURATION_SECONDS ?? 10);
const CONNECTIONS = 10;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-bench-'));
const minted = mintToken(dataDir, 'admin', 'callPurposes.all', 3600);
if ('error' in minted) throw new Error(minted.error);
const auth = { authorization: `Bearer ${minted.token}` };

const { child: server, url: baseUrl } = await startEmulatorProcess(dataDir, {
  EMULATOR_RATE_LIMIT: '1000000000',
});

try {
  // Top the seeded 8 purposes up to 50, so the list returns a full page of 50.
  for (let i = 9; i <= 50; i++) {
    const response = await fetch(`${baseUrl}/api/v2/callPurposes`, {
      method: 'POST',
      headers: { ...auth, 'content-type': JSON_API },
      body: JSON.stringify({
        data: { type: 'callPurpose', attributes: { name: `Bench purpose ${i}` } },
      }),
    });
    if (response.status !== 201) throw new Error(`seeding failed with ${response.status}`);
  }

  const report = (label: string, result: autocannon.Result) => {
    console.log(
      `${label.padEnd(34)} ${Math.round(result.requests.average).toString().padStart(6)} req/s` +
        `   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms` +
        `   (${result.requests.total} requests, ${result.non2xx} non-2xx, ${result.errors} errors)`,
    );
  };

  console.log(
    `emulator on loopback, ${CONNECTIONS} connections, ${DURATION_SECONDS} s each, ${os.cpus().length} cores`,
  );
  const list = await autocannon({
    url: `${baseUrl}/api/v2/callPurposes?page[size]=50`,
    headers: auth,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
  });
  report('GET  /callPurposes?page[size]=50', list);

  let n = 0;
  const patch = await autocannon({
    url: `${baseUrl}/api/v2/callPurposes/5`,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    requests: [
      {
        method: 'PATCH',
        headers: { ...auth, 'content-type': JSON_API },
        // A different name each time, so every request is a real write.
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            data: { type: 'callPurpose', id: 5, attributes: { name: `Pricing ${(n += 1)}` } },
          }),
        }),
      },
    ],
  });
  report('PATCH /callPurposes/5 (name)', patch);
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
