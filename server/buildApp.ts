// Builds the whole server `npm start` runs, without listening (server.ts listens; tests build it
// the same way): the app server plugin, the embedded Outreach emulator at /emulator when no
// OUTREACH_API_URL is set, and the liveness and readiness probes.
import Fastify, { type FastifyInstance } from 'fastify';
import { PUBLIC_DEMO_NOTICE } from '../shared/publicDemo';
import type { Clock } from './clock';
import { EMULATOR_MOUNT, type AppConfig } from './app/config';
import { loggerOptions } from './app/logger';
import { appServerPlugin } from './app/plugin';
import { bareErrorSecurityHeaders, registerSecurityHeaders } from './app/securityHeaders';
import { emulatorPlugin, type EmulatorOptions } from './emulator/plugin';
import { registerHealthRoutes, ReadinessChecks } from './shared/health';
import { frameworkErrorHandler } from './shared/jsonApiErrors';
import { timeoutServerOptions, type ServerTimeouts } from './shared/timeouts';

export interface BuildOptions {
  /** The embedded emulator's settings (EMULATOR_*; tests shorten token lifetimes with these). */
  emulator?: Partial<EmulatorOptions>;
  /** Tests shorten these to watch a slow client being cut off without waiting long. */
  timeouts?: Partial<ServerTimeouts>;
  /** One clock for the app server and the embedded emulator (tests move it); the real one by default. */
  clock?: Clock;
}

export async function buildApp(
  config: AppConfig,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    ...loggerOptions(config),
    ...timeoutServerOptions(options.timeouts),
    // On close, idle keep-alive connections end at once; requests in flight finish first.
    forceCloseConnections: 'idle',
    frameworkErrors: (error, request, reply) => {
      reply.headers(bareErrorSecurityHeaders(config.publicUrl));
      frameworkErrorHandler(error, request, reply);
    },
  });
  const readiness = new ReadinessChecks();

  if (config.upstream.embedded) {
    await app.register(emulatorPlugin, {
      ...(options.clock === undefined ? {} : { clock: options.clock }),
      ...options.emulator,
      prefix: EMULATOR_MOUNT,
      dataDir: options.emulator?.dataDir ?? config.DATA_DIR,
      // The embedded emulator always accepts this app's own callback, even on a public host
      // that the loopback rule would not cover.
      redirectUris: [
        ...(options.emulator?.redirectUris ?? []),
        `${config.publicUrl}/auth/callback`,
      ],
      ...(config.publicDemo ? { pageNotice: PUBLIC_DEMO_NOTICE } : {}),
      readiness,
    });
  }
  await app.register(appServerPlugin, { config, readiness, clock: options.clock });
  // The probes in their own context, with the same security headers as every other answer.
  await app.register(async (probes) => {
    await registerSecurityHeaders(probes, config.publicUrl);
    registerHealthRoutes(probes, readiness);
  });
  return app;
}
