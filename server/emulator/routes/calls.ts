import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { callListDocument, callResource } from '../documents/callDocuments';
import { requireScope } from './apiGuard';
import { methodNotAllowed, resourceNotFound } from '../http/errors';
import { parseCallListQuery, parseCallQuery } from '../query/callListQuery';
import type { Repositories } from '../repositories';
import { parseId, searchParamsOf, sendDocument } from './requestQuery';
import { listCallsRouteSchema, readCallRouteSchema, refusedCallWriteRouteSchema } from './schemas';

const READ_ONLY = ['GET', 'HEAD'] as const;
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** `calls` is read-only here (API.md "Calls"): what an admin needs to see a purpose's usage. */
export const callRoutes: FastifyPluginCallbackTypebox<{ repos: Repositories; apiBase: string }> = (
  app,
  { repos, apiBase },
  done,
) => {
  const readScope = requireScope(['calls', 'read']);

  app.get(
    '/calls',
    { schema: listCallsRouteSchema, onRequest: readScope },
    async (request, reply) => {
      const search = searchParamsOf(request);
      const query = parseCallListQuery(search);
      return sendDocument(
        reply,
        200,
        callListDocument(repos.calls.list(query), query, search, apiBase),
      );
    },
  );

  app.get(
    '/calls/:id',
    { schema: readCallRouteSchema, onRequest: readScope },
    async (request, reply) => {
      const fields = parseCallQuery(searchParamsOf(request));
      const id = parseId(request.params.id);
      const row = id === undefined ? undefined : repos.calls.findById(id);
      if (!row) {
        throw resourceNotFound(`There is no call with id ${JSON.stringify(request.params.id)}.`);
      }
      return sendDocument(reply, 200, { data: callResource(row, apiBase, fields) });
    },
  );

  // Refused in onRequest, before any body is parsed: no body can make a write look possible.
  for (const url of ['/calls', '/calls/:id']) {
    app.route({
      method: [...WRITE_METHODS],
      url,
      schema: refusedCallWriteRouteSchema,
      onRequest: (request, _reply, next) => next(methodNotAllowed(request.method, READ_ONLY)),
      handler: (request) => {
        throw methodNotAllowed(request.method, READ_ONLY);
      },
    });
  }
  done();
};
