// The app server (backend-for-frontend) as one Fastify plugin: the session store (SQLite, or
// Redis with REDIS_URL), /auth, the /api/v2 proxy, and the built SPA. `server/buildApp.ts`
// composes it with the emulator.
import fastifyCookie from '@fastify/cookie';
import type { FastifyPluginAsync } from 'fastify';
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
import { proxyRoutes } from './proxy/routes';
import { createRedisSessionStore } from './sessions/redisSessionStore';
import { createSqliteSessionStore } from './sessions/sqliteSessionStore';
import { SessionStoreUnavailableError, type SessionStore } from './sessions/store';
import { tokenCipher } from './sessions/tokenCipher';
import { registerSpa } from './spa';

export interface AppServerOptions {
  config: AppConfig;
  /** Where the app server adds its readiness checks (its session store, a real upstream). */
  readiness?: ReadinessChecks;
  /** The clock every session decision reads (tests move it). */
  now?: () => number;
}

/** The configured store; a Redis that cannot be reached rejects with a clear reason. */
export async function openSessionStore(
  config: AppConfig,
  now: () => number,
  log?: Parameters<typeof createRedisSessionStore>[0]['log'],
): Promise<SessionStore> {
  const cipher = tokenCipher(config.sessionSecret, config.sessionSecretPrevious);
  return config.redisUrl === undefined
    ? createSqliteSessionStore({ dataDir: config.dataDir, cipher, now })
    : createRedisSessionStore({ url: config.redisUrl, cipher, now, log });
}

export const appServerPlugin: FastifyPluginAsync<AppServerOptions> = async (
  app,
  { config, readiness, now = Date.now },
) => {
  const store = await openSessionStore(config, now, app.log);
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
  const sessions = createSessionService({ config, store, oauth, now });
  const cookies = authCookies(config);
  const current = sessionCookieHelpers(cookies, sessions);
  const pendingLogins = pendingLoginSealer(
    pendingLoginCipher(config.sessionSecret, config.sessionSecretPrevious),
  );

  await app.register(fastifyCookie, { secret: config.sessionSecret });
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
    pendingLogins,
    oauth,
    sessions,
    cookies,
    current,
    now,
  });
  await app.register(proxyRoutes, { prefix: '/api/v2', config, sessions, current });
  await registerSpa(app, config);
};
