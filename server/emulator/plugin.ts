import type { FastifyPluginAsync } from 'fastify';
import { systemClock, type Clock, type MovableClock } from '../clock';
import { registerCompression } from '../shared/compression';
import { jsonApiErrorHandler } from '../shared/jsonApiErrors';
import { sqliteAnswers, type ReadinessChecks } from '../shared/health';
import { EMULATOR_DEFAULTS } from './config';
import { openEmulatorDatabase } from './db';
import { seedFreshDatabase } from './seed';
import { resourceNotFound } from './http/errors';
import { registerSecurityHeaders } from './http/securityHeaders';
import { oauthPlugin } from './oauth/plugin';
import { createRepositories } from './repositories';
import { apiRoutes } from './routes/api';
import { testClockRoutes } from './routes/testClock';

/** Everything the emulator is configured with; it never reads the environment itself. */
export type EmulatorOptions = {
  dataDir: string;
  tokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  rateLimit?: number;
  codeTtlSeconds?: number;
  /** Redirect URIs accepted besides the loopback `/auth/callback` rule, matched exactly. */
  redirectUris?: readonly string[];
  /** Every expiry, TTL and rate-limit window reads the time here (tests pass a test clock). */
  clock?: Clock;
  /** EMULATOR_TEST_CLOCK: the emulator's clock, which `POST /test/clock` moves (tests only). */
  movableClock?: MovableClock;
  /**
   * The path clients reach the emulator at, for the links it writes. Defaults to the prefix it
   * is registered under ('' standalone, '/emulator' inside the app server); set it when a
   * reverse proxy publishes the emulator at another path.
   */
  publicPrefix?: string;
  /**
   * A line every HTML page shows above its content (the consent page included): the app server
   * passes its public demo's "anyone can sign in as anyone".
   */
  pageNotice?: string;
  /** Where the emulator adds its own readiness check (its database answers). */
  readiness?: ReadinessChecks;
};

/**
 * The Outreach emulator as an encapsulated Fastify plugin (deliberately not wrapped in
 * fastify-plugin): its parsers, error and not-found handlers stay inside its prefix.
 * Standalone it is registered at '', inside the app server at '/emulator'.
 */
export const emulatorPlugin: FastifyPluginAsync<EmulatorOptions> = async (app, options) => {
  const clock = options.movableClock ?? options.clock ?? systemClock;
  // Seeding is the plugin's start: the database layer knows the schema, not the seeded data.
  const db = openEmulatorDatabase(options.dataDir, (fresh) =>
    seedFreshDatabase(fresh, new Date(clock.now())),
  );
  app.addHook('onClose', (_instance, done) => {
    db.close();
    done();
  });
  options.readiness?.add('emulatorDatabase', () => sqliteAnswers(db));
  const repos = createRepositories(db);
  // Expired OAuth rows are cleared at start and every minute by the OAuth plugin (housekeeping.ts).
  const apiBase = `${options.publicPrefix ?? app.prefix}/api/v2`;

  await registerSecurityHeaders(app);
  await registerCompression(app);
  app.setErrorHandler(jsonApiErrorHandler('emulator'));
  app.setNotFoundHandler((request) => {
    throw resourceNotFound(`No endpoint ${request.method} ${request.url.split('?')[0]}.`);
  });
  if (options.movableClock) await app.register(testClockRoutes, { clock: options.movableClock });
  await app.register(apiRoutes, {
    prefix: '/api/v2',
    repos,
    rateLimit: options.rateLimit ?? EMULATOR_DEFAULTS.rateLimit,
    apiBase,
    clock,
  });
  await app.register(oauthPlugin, {
    prefix: '/oauth',
    repos,
    clock,
    settings: {
      tokenTtlSeconds: options.tokenTtlSeconds ?? EMULATOR_DEFAULTS.tokenTtlSeconds,
      refreshTokenTtlSeconds:
        options.refreshTokenTtlSeconds ?? EMULATOR_DEFAULTS.refreshTokenTtlSeconds,
      codeTtlSeconds: options.codeTtlSeconds ?? EMULATOR_DEFAULTS.codeTtlSeconds,
      redirectUris: [...(options.redirectUris ?? [])],
      pageNotice: options.pageNotice,
    },
  });
};
