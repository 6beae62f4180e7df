// Proxied GET /api/v2/callPurposes through the app server, by session store: one app server on
// SQLite, one on Redis, and two on Redis with autocannon spreading its connections over both
// (round-robin, as a load balancer without sticky sessions would). All against the same
// emulator process, signed in as one user. Figures only, no assertions.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import {
  browser,
  CookieJar,
  freePort,
  signIn,
  startProcess,
  tempDir,
} from '../server/app/test/harness';
import { startTestPostgres } from '../server/app/test/postgresServer';
import { startTestRedis } from '../server/app/test/redisServer';
import { SEEDED_CLIENT } from '../server/shared/seededClient';
import { startEmulatorProcess } from '../server/emulator/test/emulatorProcess';

const DURATION_SECONDS = Number(process.env.BENCH_DURATION_SECONDS ?? 10);
const CONNECTIONS = 10;
const PATH = '/api/v2/callPurposes';
const SECRET = randomBytes(48).toString('base64url');

/** Everything started, stopped in reverse at the end. */
const stoppers: { stop: () => Promise<unknown> }[] = [];
const dirs: string[] = [];

function dir(name: string): string {
  const path = tempDir(name);
  dirs.push(path);
  return path;
}

const redis = await startTestRedis();
// App servers on Redis keep their history in PostgreSQL (DATABASE_URL is required with REDIS_URL).
const postgres = await startTestPostgres();
try {
  const emulator = await startEmulatorProcess(dir('bench-emulator'), {
    EMULATOR_RATE_LIMIT: '1000000000',
  });
  stoppers.push(emulator);
  const emulatorUrl = emulator.url;

  async function appServer(publicUrl: string, port: number, env: Record<string, string> = {}) {
    const app = await startProcess(
      'server/server.ts',
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dir('bench-app'),
        PUBLIC_URL: publicUrl,
        OUTREACH_API_URL: `${emulatorUrl}/api/v2`,
        OUTREACH_OAUTH_URL: `${emulatorUrl}/oauth`,
        OUTREACH_CLIENT_ID: SEEDED_CLIENT.clientId,
        OUTREACH_CLIENT_SECRET: SEEDED_CLIENT.clientSecret,
        SESSION_SECRET: SECRET,
        ...env,
      },
      /ready .*open http/,
    );
    stoppers.push(app);
    return app;
  }

  async function cookieFor(url: string): Promise<string> {
    const jar = new CookieJar();
    await signIn(browser(url, jar), { as: 'Alex Morgan' });
    return jar.header();
  }

  async function measure(label: string, urls: string[], cookie: string) {
    const result = await autocannon({
      // autocannon spreads connections over several targets; its type definitions know only one.
      url: urls.map((url) => `${url}${PATH}`) as unknown as string,
      headers: { cookie, accept: 'application/vnd.api+json' },
      connections: CONNECTIONS,
      duration: DURATION_SECONDS,
    });
    console.log(
      `${label.padEnd(36)} ${Math.round(result.requests.average).toString().padStart(6)} req/s` +
        `   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms` +
        `   (${result.requests.total} requests, ${result.non2xx} non-2xx, ${result.errors} errors)`,
    );
  }

  console.log(
    `proxied GET ${PATH} (8 purposes), ${CONNECTIONS} connections, ${DURATION_SECONDS} s each, ${os.cpus().length} cores`,
  );

  const sqlitePort = await freePort();
  const sqliteUrl = `http://127.0.0.1:${sqlitePort}`;
  const onSqlite = await appServer(sqliteUrl, sqlitePort);
  await measure('one app server, sessions in SQLite', [sqliteUrl], await cookieFor(sqliteUrl));
  await onSqlite.stop();

  const [portA, portB] = [await freePort(), await freePort()];
  const [urlA, urlB] = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`];
  const onRedis = { REDIS_URL: redis.url, DATABASE_URL: postgres.url };
  await appServer(urlA, portA, onRedis);
  const cookie = await cookieFor(urlA);
  await measure('one app server, sessions in Redis', [urlA], cookie);
  await appServer(urlA, portB, onRedis);
  await measure('two app servers on Redis, round-robin', [urlA, urlB], cookie);
} finally {
  for (const each of stoppers.reverse()) await each.stop();
  await redis.stop();
  await postgres.stop();
  for (const path of dirs) rmSync(path, { recursive: true, force: true });
}
