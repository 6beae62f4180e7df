// `npm start`: composes the app server with (when no OUTREACH_API_URL is set) the embedded
// Outreach emulator at /emulator, and listens. Everything else lives in the plugins.
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatConfigErrors, parseAppConfig, type AppConfig } from './app/config';
import { errorDocument } from './app/errors';
import { loggerOptions } from './app/logger';
import { appServerPlugin } from './app/plugin';
import { resolveSessionSecret } from './app/sessionSecret';
import { SessionStoreUnavailableError } from './app/sessions/store';
import { EmulatorConfigError, readEmulatorConfig } from './emulator/config';
import { emulatorPlugin, type EmulatorOptions } from './emulator/plugin';

export interface BuildOptions {
  /** Overrides for the embedded emulator (tests shorten token lifetimes with these). */
  emulator?: Partial<EmulatorOptions>;
}

export async function buildServer(
  config: AppConfig,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    ...loggerOptions(config),
    forceCloseConnections: 'idle',
    // Requests the router rejects before any plugin runs (a malformed URL) still get JSON:API.
    frameworkErrors: (error, _request, reply) => {
      void (reply as FastifyReply)
        .code(400)
        .type('application/vnd.api+json')
        .send(errorDocument(400, 'badRequest', 'Bad request', error.message));
    },
  });

  if (config.upstream.embedded) {
    const fromEnv = readEmulatorConfig(process.env);
    const emulator: EmulatorOptions = {
      tokenTtlSeconds: fromEnv.tokenTtlSeconds,
      refreshTokenTtlSeconds: fromEnv.refreshTokenTtlSeconds,
      rateLimit: fromEnv.rateLimit,
      codeTtlSeconds: fromEnv.codeTtlSeconds,
      // The embedded emulator always accepts this app's own callback, even on a public host
      // that the loopback rule would not cover.
      redirectUris: [`${config.publicUrl}/auth/callback`],
      ...options.emulator,
      dataDir: options.emulator?.dataDir ?? config.dataDir,
    };
    await app.register(emulatorPlugin, { prefix: '/emulator', ...emulator });
  }
  await app.register(appServerPlugin, { config });
  app.get(
    '/healthz',
    {
      schema: {
        response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } } },
      },
    },
    async () => ({ ok: true }),
  );
  return app;
}

async function start(): Promise<void> {
  const dev = process.argv.includes('--dev');
  const parsed = parseAppConfig(process.env, { dev });
  const errors = parsed.ok ? [] : [...parsed.errors];
  if ((process.env.OUTREACH_API_URL ?? '').trim() === '') {
    // The embedded emulator's settings (EMULATOR_*) belong in the same one message.
    try {
      readEmulatorConfig(process.env);
    } catch (error) {
      if (!(error instanceof EmulatorConfigError)) throw error;
      errors.push(`${error.message}.`);
    }
  }
  if (!parsed.ok || errors.length > 0) {
    console.error(formatConfigErrors(errors));
    process.exit(1);
  }
  const config = resolveSessionSecret(parsed.config);
  let app: FastifyInstance;
  try {
    app = await buildServer(config);
  } catch (error) {
    if (!(error instanceof SessionStoreUnavailableError)) throw error;
    console.error(
      `The app server cannot start: its session store is unreachable. ${error.message} Start Redis, or correct REDIS_URL (unset it to keep sessions in SQLite).`,
    );
    process.exit(1);
  }

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      console.error('Shutdown took longer than 10 s; exiting anyway.');
      process.exit(1);
    }, 10_000);
    force.unref();
    // close() runs every onClose hook, which closes both SQLite databases cleanly.
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Error while shutting down:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE'
        ? `Port ${config.port} on ${config.host} is in use: stop the other server or set PORT.`
        : `Could not listen on ${config.host}:${config.port}: ${(error as Error).message}`,
    );
    await app.close().catch(() => undefined);
    process.exit(1);
  }

  const upstream = config.upstream.embedded
    ? 'the embedded Outreach emulator'
    : new URL(config.upstream.apiUrl).origin;
  console.log(
    config.dev
      ? `App server on http://${config.host}:${config.port} (dev, upstream ${upstream}); open ${config.publicUrl} (Vite)`
      : `Call purpose admin is ready (upstream: ${upstream}); open ${config.publicUrl}`,
  );
}

const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === fileURLToPath(import.meta.url)) {
  void start();
}
