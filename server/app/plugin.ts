// The app server (backend-for-frontend) as one Fastify plugin: the session store (SQLite, or
// Redis with REDIS_URL), /auth, the /api/v2 proxy, and the built SPA. `server/main.ts` composes
// it with the emulator and listens.
import fastifyCookie from '@fastify/cookie';
import type { FastifyPluginAsync } from 'fastify';
import { authCookies } from './auth/cookies';
import { sessionCookieHelpers } from './auth/currentSession';
import { createOAuthClient } from './auth/oauthClient';
import { pendingLoginCipher, pendingLoginSealer } from './auth/pendingLogin';
import { authRoutes } from './auth/routes';
import { createSessionService } from './auth/sessions';
import type { AppConfig } from './config';
import { handleError, sessionStoreUnavailable } from './errors';
import { refuseCrossOriginWrites } from './origin';
import { proxyRoutes } from './proxy/routes';
import { createRedisSessionStore } from './sessions/redisSessionStore';
import { createSqliteSessionStore } from './sessions/sqliteSessionStore';
import { SessionStoreUnavailableError, type SessionStore } from './sessions/store';
import { tokenCipher } from './sessions/tokenCipher';
import { registerSpa } from './spa';

export interface AppServerOptions {
  config: AppConfig;
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
  { config, now = Date.now },
) => {
  const store = await openSessionStore(config, now, app.log);
  app.addHook('onClose', async () => {
    await store.close();
  });

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
  app.setErrorHandler(handleError);
  app.addHook('onRequest', refuseCrossOriginWrites(config.publicUrl));

  // Ready to serve when the session store answers (a load balancer stops sending traffic to an
  // instance whose Redis is away, and resumes by itself when it is back).
  app.get('/readyz', async (request, reply) => {
    try {
      await store.check();
    } catch (error) {
      if (!(error instanceof SessionStoreUnavailableError)) throw error;
      request.log.warn({ reason: error.message }, 'not ready: session store unavailable');
      return sessionStoreUnavailable(reply);
    }
    return reply.header('cache-control', 'no-store').send({ ok: true, sessions: store.kind });
  });

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
