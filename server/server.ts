// `npm start`: reads the environment (the only place the composed server does), builds the
// app (buildApp.ts) and listens. SIGTERM/SIGINT stop accepting connections, let requests in
// flight finish and close both SQLite databases; a second signal, or 10 s, forces the exit.
import closeWithGrace from 'close-with-grace';
import { buildApp } from './buildApp';
import { movableClock } from './clock';
import { formatConfigErrors, parseAppConfig, type AppConfig } from './app/config';
import { resolveSessionSecret } from './app/sessionSecret';
import { HistoryStoreUnavailableError } from './app/history/postgresHistoryStore';
import { SessionStoreUnavailableError } from './app/sessions/store';
import { parseEmulatorConfig } from './emulator/config';
import type { EmulatorOptions } from './emulator/plugin';

type Settings = { config: AppConfig; emulator: EmulatorOptions | undefined; testClock: boolean };

/** Both configs, or exits with one message naming every problem in either. */
function readSettings(env: NodeJS.ProcessEnv, dev: boolean): Settings {
  const app = parseAppConfig(env, { dev });
  // The embedded emulator's settings (EMULATOR_*) are only read, and checked, when it runs.
  const embedded = !app.ok || app.config.upstream.embedded;
  const emulator = embedded ? parseEmulatorConfig(env) : undefined;
  const errors = [
    ...(app.ok ? [] : app.errors),
    ...(emulator?.ok === false ? emulator.errors : []),
  ];
  if (!app.ok || errors.length > 0) {
    console.error(formatConfigErrors(errors));
    process.exit(1);
  }
  return {
    config: resolveSessionSecret(app.config),
    emulator: emulator?.ok === true ? emulator.config.options : undefined,
    testClock: emulator?.ok === true && emulator.config.testClock,
  };
}

function listenFailure(config: AppConfig, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EADDRINUSE'
    ? `Port ${config.PORT} on ${config.HOST} is in use: stop the other server or set PORT.`
    : `Could not listen on ${config.HOST}:${config.PORT}: ${(error as Error).message}`;
}

function readyLine(config: AppConfig): string {
  const upstream = config.upstream.embedded
    ? 'the embedded Outreach emulator'
    : new URL(config.upstream.apiUrl).origin;
  return config.dev
    ? `App server on http://${config.HOST}:${config.PORT} (dev, upstream ${upstream}); open ${config.publicUrl} (Vite)`
    : `Call purpose admin is ready (upstream: ${upstream}); open ${config.publicUrl}`;
}

const { config, emulator, testClock } = readSettings(process.env, process.argv.includes('--dev'));
// EMULATOR_TEST_CLOCK: the app server and its embedded emulator keep one time, which tests move.
const clock = testClock ? movableClock() : undefined;
const movable =
  clock === undefined ? {} : { clock, emulator: { ...emulator, movableClock: clock } };
const app = await buildApp(config, emulator === undefined ? {} : { emulator, ...movable }).catch(
  (error: unknown) => {
    if (error instanceof SessionStoreUnavailableError) {
      console.error(
        `The app server cannot start: its session store is unreachable. ${error.message} Start Redis, or correct REDIS_URL (unset it to keep sessions in SQLite).`,
      );
      process.exit(1);
    }
    if (error instanceof HistoryStoreUnavailableError) {
      console.error(
        `The app server cannot start: its history database is not available. ${error.message} Start PostgreSQL, or correct DATABASE_URL (unset it, and REDIS_URL, to keep the history in SQLite).`,
      );
      process.exit(1);
    }
    throw error;
  },
);

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err !== undefined) app.log.error({ err }, 'app server crashed');
  else app.log.info({ signal }, 'shutting down');
  await app.close();
});

try {
  await app.listen({ port: config.PORT, host: config.HOST });
} catch (error) {
  console.error(listenFailure(config, error));
  await app.close().catch(() => undefined);
  process.exit(1);
}
console.log(readyLine(config));
