import type { FastifyPluginAsync } from 'fastify';
import type { Clock } from '../../clock';
import { registerApiGuard } from './apiGuard';
import { resourceNotFound } from '../http/errors';
import { registerJsonApiParsers } from '../http/jsonApiParsers';
import type { Repositories } from '../repositories';
import { jsonApiErrorHandler } from '../../shared/jsonApiErrors';
import { callPurposeRoutes } from './callPurposes';
import { callRoutes } from './calls';
import { rootRoutes } from './root';
import { userRoutes } from './users';

export type ApiDeps = {
  repos: Repositories;
  /** Requests per user per hour. */
  rateLimit: number;
  /** This API's path as clients reach it, for the links documents carry. */
  apiBase: string;
  clock: Clock;
};

/** Everything under /api/v2: JSON:API bodies, the bearer/rate-limit guard, the resources. */
export const apiRoutes: FastifyPluginAsync<ApiDeps> = async (app, deps) => {
  registerJsonApiParsers(app);
  app.setErrorHandler(jsonApiErrorHandler('emulator'));
  await registerApiGuard(app, deps);
  // Registered here so that unknown /api/v2 paths also pass the guard and carry rate-limit headers.
  app.setNotFoundHandler((request) => {
    throw resourceNotFound(`No endpoint ${request.method} ${request.url.split('?')[0]}.`);
  });
  await app.register(rootRoutes);
  await app.register(callPurposeRoutes, {
    repos: deps.repos,
    apiBase: deps.apiBase,
    clock: deps.clock,
  });
  await app.register(callRoutes, { repos: deps.repos, apiBase: deps.apiBase });
  await app.register(userRoutes, { repos: deps.repos, apiBase: deps.apiBase });
};
