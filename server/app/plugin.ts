// The app server (backend-for-frontend) as one Fastify plugin: sessions in SQLite, /auth, the
// /api/v2 proxy, and the built SPA. `server/buildApp.ts` composes it with the emulator.
import fastifyCookie from '@fastify/cookie';
import type { FastifyPluginAsync } from 'fastify';
import { systemClock, type Clock } from '../clock';
import { registerCompression } from '../shared/compression';
import { answersHttp, sqliteAnswers, type ReadinessChecks } from '../shared/health';
import { jsonApiErrorHandler } from '../shared/jsonApiErrors';
import { authCookies } from './auth/cookies';
import { sessionCookieHelpers } from './auth/currentSession';
import { createOAuthClient } from './auth/oauthClient';
import { authRoutes } from './auth/routes';
import { createSessionService } from './auth/sessions';
import type { AppConfig } from './config';
import { openAppDatabase } from './db/database';
import { createSessionRepository } from './db/sessionRepository';
import { refuseCrossOriginWrites } from './origin';
import { registerSecurityHeaders } from './securityHeaders';
import { proxyRoutes } from './proxy/routes';
import { registerSpa } from './spa';

export interface AppServerOptions {
  config: AppConfig;
  /** Session, sign-in and refresh-ahead decisions read the time here (tests pass a test clock). */
  clock?: Clock;
  /** Where the app server adds its readiness checks (its database, a real upstream). */
  readiness?: ReadinessChecks;
}

export const appServerPlugin: FastifyPluginAsync<AppServerOptions> = async (
  app,
  { config, readiness, clock = systemClock },
) => {
  const db = openAppDatabase(config.dataDir);
  app.addHook('onClose', (_instance, done) => {
    db.close();
    done();
  });
  readiness?.add('sessionDatabase', () => sqliteAnswers(db));
  // The embedded emulator adds its own check; a real upstream is asked over the network.
  if (!config.upstream.embedded) {
    readiness?.add('upstream', answersHttp(config.upstream.apiUrl, config.readinessTimeoutMs));
  }

  const repo = createSessionRepository(db, clock);
  const oauth = createOAuthClient(
    config.upstream,
    `${config.publicUrl}/auth/callback`,
    config.upstreamTimeoutMs,
  );
  const sessions = createSessionService(config, repo, oauth, clock.now);
  const cookies = authCookies(config);
  const current = sessionCookieHelpers(cookies, sessions);

  // First, so that every answer below (refusals and 404s included) carries them.
  await registerSecurityHeaders(app, config.publicUrl);
  await registerCompression(app);
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  app.setErrorHandler(jsonApiErrorHandler('app server'));
  app.addHook('onRequest', refuseCrossOriginWrites(config.publicUrl));

  await app.register(authRoutes, {
    prefix: '/auth',
    config,
    clock,
    repo,
    oauth,
    sessions,
    cookies,
    current,
  });
  await app.register(proxyRoutes, { prefix: '/api/v2', config, sessions, current });
  await registerSpa(app, config);
};
