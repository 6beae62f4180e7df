import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { principalOf } from './apiGuard';
import { parseNoQuery } from '../query/listQuery';
import { searchParamsOf, sendDocument } from './requestQuery';
import { apiRootRouteSchema } from './schemas';

/** `GET /api/v2`: who the token belongs to and what it may do; any valid token, no scope. */
export const rootRoutes: FastifyPluginCallbackTypebox = (app, _options, done) => {
  app.get('/', { schema: apiRootRouteSchema }, async (request, reply) => {
    parseNoQuery(searchParamsOf(request));
    const { user, scopes } = principalOf(request);
    return sendDocument(reply, 200, {
      meta: {
        user: {
          id: user.id,
          email: user.email,
          firstName: user.firstName,
          lastName: user.lastName,
        },
        scopes,
      },
    });
  });
  done();
};
