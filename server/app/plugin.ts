// The app server (backend-for-frontend) as one Fastify plugin: the session store (SQLite, or
// Redis with REDIS_URL), /auth, the /api/v2 proxy, and the built SPA. `server/buildApp.ts`
// composes it with the emulator.
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { systemClock, type Clock } from '../clock';
import { registerCompression } from '../shared/compression';
import { answersHttp, type ReadinessChecks } from '../shared/health';
import { jsonApiErrorHandler } from '../shared/jsonApiErrors';
import { authCookies } from './auth/cookies';
import { sessionCookieHelpers } from './auth/currentSession';
import { createOAuthClient } from './auth/oauthClient';
import { pendingLoginCipher, pendingLoginSealer } from './auth/pendingLogin';
import { authRoutes } from './auth/routes';
import { createSessionService } from './auth/sessions';
import type { AppConfig } from './config';
import { sessionStoreUnavailable } from './errors';
import { refuseCrossOriginWrites } from './origin';
import { registerSecurityHeaders } from './securityHeaders';
import { proxyRoutes } from './proxy/routes';
import { createRedisSessionStore } from './sessions/redisSessionStore';
import { createSqliteSessionStore } from './sessions/sqliteSessionStore';
import { SessionStoreUnavailableError, type SessionStore } from './sessions/store';
import { tokenCipher } from './sessions/tokenCipher';
import { registerSpa } from './spa';
import { firstPagePreloads } from './firstPagePreloads';
import { createPostgresHistoryStore } from './history/postgresHistoryStore';
import { historyRecorder } from './history/recorder';
import { startHistoryRetention } from './history/retention';
import { historyRoutes } from './history/routes';
import { createSqliteHistoryStore } from './history/sqliteHistoryStore';
import { writerCheck } from './history/writers';

export interface AppServerOptions {
  config: AppConfig;
  /** Session, sign-in and refresh-ahead decisions read the time here (tests pass a test clock). */
  clock?: Clock;
  /** Where the app server adds its readiness checks (its session store, a real upstream). */
  readiness?: ReadinessChecks;
}

/** The configured store; a Redis that cannot be reached rejects with a clear reason. */
export async function openSessionStore(
  config: AppConfig,
  now: () => number,
  log?: Parameters<typeof createRedisSessionStore>[0]['log'],
): Promise<SessionStore> {
  const cipher = tokenCipher(config.SESSION_SECRET, config.SESSION_SECRET_PREVIOUS);
  return config.REDIS_URL === undefined
    ? createSqliteSessionStore({ dataDir: config.DATA_DIR, cipher, now })
    : createRedisSessionStore({ url: config.REDIS_URL, cipher, now, log });
}

/**
 * The history of changes: in app.sqlite, or in PostgreSQL with DATABASE_URL; what is past
 * retention deleted daily; entries that could not be stored counted on /readyz.
 */
async function openHistory(
  app: FastifyInstance,
  config: AppConfig,
  clock: Clock,
  readiness: ReadinessChecks | undefined,
) {
  const store =
    config.DATABASE_URL === undefined
      ? createSqliteHistoryStore({ dataDir: config.DATA_DIR })
      : await createPostgresHistoryStore({ databaseUrl: config.DATABASE_URL, log: app.log });
  const retention = startHistoryRetention(store, {
    clock,
    days: config.HISTORY_RETENTION_DAYS,
    log: app.log,
  });
  app.addHook('onClose', async () => {
    retention.stop();
    await store.close();
  });
  const recorder = historyRecorder(store, {
    now: clock.now,
    log: app.log,
    onWrite: () => void retention.runIfDue(),
  });
  readiness?.count('historyEntriesNotRecorded', () => recorder.failures());
  return { store, recorder };
}

export const appServerPlugin: FastifyPluginAsync<AppServerOptions> = async (
  app,
  { config, readiness, clock = systemClock },
) => {
  const store = await openSessionStore(config, clock.now, app.log);
  app.addHook('onClose', async () => {
    await store.close();
  });
  // Ready while the session store answers: a load balancer stops sending traffic to an instance
  // whose Redis is away, and resumes by itself when it is back.
  readiness?.add('sessionStore', () => store.check().then(() => true));
  // The embedded emulator adds its own check; a real upstream is asked over the network.
  if (!config.upstream.embedded) {
    readiness?.add('upstream', answersHttp(config.upstream.apiUrl, config.readinessTimeoutMs));
  }

  const oauth = createOAuthClient(
    config.upstream,
    `${config.publicUrl}/auth/callback`,
    config.upstreamTimeoutMs,
  );
  const sessions = createSessionService({ config, store, oauth, now: clock.now });
  const cookies = authCookies(config);
  const current = sessionCookieHelpers(cookies, sessions);
  const pendingLogins = pendingLoginSealer(
    pendingLoginCipher(config.SESSION_SECRET, config.SESSION_SECRET_PREVIOUS),
  );

  // First, so that every answer below (refusals and 404s included) carries them.
  await registerSecurityHeaders(app, config.publicUrl);
  await registerCompression(app);
  // Cookies are signed with SESSION_SECRET and still accepted under SESSION_SECRET_PREVIOUS, so a
  // rotation signs nobody out (the store's tokens and sign-ins in progress rotate the same way).
  const cookieSecrets = [config.SESSION_SECRET, config.SESSION_SECRET_PREVIOUS];
  await app.register(fastifyCookie, {
    secret: cookieSecrets.filter((secret): secret is string => secret !== undefined),
  });
  const handleError = jsonApiErrorHandler('app server');
  app.setErrorHandler((error: Error, request, reply) => {
    if (error instanceof SessionStoreUnavailableError) {
      request.log.warn({ reason: error.message }, 'session store unavailable');
      return sessionStoreUnavailable(reply);
    }
    return handleError(error, request, reply);
  });
  app.addHook('onRequest', refuseCrossOriginWrites(config.publicUrl));

  await app.register(authRoutes, {
    prefix: '/auth',
    config,
    clock,
    pendingLogins,
    oauth,
    sessions,
    cookies,
    current,
  });
  const history = await openHistory(app, config, clock, readiness);
  await app.register(proxyRoutes, {
    prefix: '/api/v2',
    config,
    sessions,
    current,
    history: history.recorder,
  });
  await app.register(historyRoutes, {
    prefix: '/api/history',
    store: history.store,
    current,
    mayWrite: writerCheck({
      apiUrl: config.upstream.apiUrl,
      accessToken: (session) => sessions.accessToken(session),
      now: clock.now,
      timeoutMs: config.upstreamTimeoutMs,
    }),
  });
  await registerSpa(app, config, firstPagePreloads(current));
};
