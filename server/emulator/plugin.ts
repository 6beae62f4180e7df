import type { FastifyPluginAsync } from 'fastify';
import { readEmulatorConfig } from './config';
import { openEmulatorDatabase } from './db';
import { resourceNotFound } from './http/errors';
import { jsonApiErrorHandler } from './http/errorHandler';
import { FixedWindowRateLimiter } from './http/rateLimiter';
import { oauthPlugin } from './oauth/plugin';
import { createRepositories } from './repositories';
import { apiRoutes } from './routes/api';

export type EmulatorOptions = {
  dataDir: string;
  tokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  rateLimit?: number;
  codeTtlSeconds?: number;
  /** Redirect URIs accepted besides the loopback rule and EMULATOR_REDIRECT_URIS. */
  redirectUris?: readonly string[];
};

/**
 * The Outreach emulator as an encapsulated Fastify plugin (deliberately not wrapped in
 * fastify-plugin): its parsers, error and not-found handlers stay inside its prefix.
 * Standalone it is registered at '', inside the app server at '/emulator'.
 */
export const emulatorPlugin: FastifyPluginAsync<EmulatorOptions> = async (app, options) => {
  const defaults = readEmulatorConfig(process.env);
  const db = openEmulatorDatabase(options.dataDir);
  app.addHook('onClose', (_instance, done) => {
    db.close();
    done();
  });
  const repos = createRepositories(db);
  // Expired access tokens are dead weight; clear them whenever the emulator starts.
  repos.transaction(() => repos.oauth.deleteExpiredAccessTokens(Date.now()));
  const limiter = new FixedWindowRateLimiter(options.rateLimit ?? defaults.rateLimit);

  app.setErrorHandler(jsonApiErrorHandler);
  app.setNotFoundHandler((request) => {
    throw resourceNotFound(`No endpoint ${request.method} ${request.url.split('?')[0]}.`);
  });
  await app.register(apiRoutes, { prefix: '/api/v2', repos, limiter });
  await app.register(oauthPlugin, {
    prefix: '/oauth',
    repos,
    settings: {
      tokenTtlSeconds: options.tokenTtlSeconds ?? defaults.tokenTtlSeconds,
      refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? defaults.refreshTokenTtlSeconds,
      codeTtlSeconds: options.codeTtlSeconds ?? defaults.codeTtlSeconds,
      redirectUris: [...defaults.redirectUris, ...(options.redirectUris ?? [])],
    },
  });
};
