import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { userResource } from '../documents/resources';
import { requireScope } from './apiGuard';
import { resourceNotFound } from '../http/errors';
import { parseUserQuery } from '../query/listQuery';
import type { Repositories } from '../repositories';
import { parseId, searchParamsOf, sendDocument } from './requestQuery';
import { readUserRouteSchema } from './schemas';

export const userRoutes: FastifyPluginCallbackTypebox<{ repos: Repositories; apiBase: string }> = (
  app,
  { repos, apiBase },
  done,
) => {
  app.get(
    '/users/:id',
    {
      schema: readUserRouteSchema,
      // users.read is Outreach's scope for this resource. A token that may read call purposes
      // may read users too: `include=creator` already shows it the same attributes, and the
      // app signs in with callPurposes.all only. Write- or delete-only tokens may not.
      onRequest: requireScope(['users', 'read'], ['callPurposes', 'read']),
    },
    async (request, reply) => {
      const fields = parseUserQuery(searchParamsOf(request));
      const id = parseId(request.params.id);
      const user = id === undefined ? undefined : repos.users.findById(id);
      if (!user)
        throw resourceNotFound(`There is no user with id ${JSON.stringify(request.params.id)}.`);
      return sendDocument(reply, 200, { data: userResource(user, apiBase, fields) });
    },
  );
  done();
};
