import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Clock } from '../../clock';
import { parseCreateDocument, parseUpdateDocument } from '../domain/callPurposeInput';
import { roleMayCreate, roleMayDelete, roleMayUpdate } from '../domain/permissions';
import {
  listDocument,
  singleDocument,
  type DocumentContext,
} from '../documents/callPurposeDocuments';
import { principalOf, requireScope } from './apiGuard';
import { forbidden, resourceNotFound } from '../http/errors';
import { parseDocumentQuery, parseListQuery, parseNoQuery } from '../query/listQuery';
import type { Repositories } from '../repositories';
import type { CallPurposeRow } from '../repositories/callPurposes';
import type { UserRow } from '../repositories/users';
import { parseId, searchParamsOf, sendDocument } from './requestQuery';
import {
  createCallPurposeRouteSchema,
  deleteCallPurposeRouteSchema,
  listCallPurposesRouteSchema,
  readCallPurposeRouteSchema,
  updateCallPurposeRouteSchema,
} from './schemas';

function notFound(id: string) {
  return resourceNotFound(`There is no callPurpose with id ${JSON.stringify(id)}.`);
}

function assertMayUpdate(user: UserRow, row: CallPurposeRow): void {
  if (!roleMayUpdate(user, row)) {
    throw forbidden(
      row.locked
        ? `callPurpose ${row.id} is a locked system default; only an admin may change it.`
        : `Your role (${user.role}) may not change call purposes.`,
    );
  }
}

function assertMayDelete(user: UserRow, row: CallPurposeRow): void {
  if (!roleMayDelete(user, row)) {
    throw forbidden(
      user.role === 'manager'
        ? row.locked
          ? `callPurpose ${row.id} is a locked system default; only an admin may delete it.`
          : 'Managers may delete only the call purposes they created.'
        : `Your role (${user.role}) may not delete call purposes.`,
    );
  }
}

export const callPurposeRoutes: FastifyPluginCallbackTypebox<{
  repos: Repositories;
  apiBase: string;
  clock: Clock;
}> = (app, { repos, apiBase, clock }, done) => {
  const contextOf = (request: FastifyRequest): DocumentContext => ({
    principal: principalOf(request),
    users: repos.users,
    apiBase,
  });

  app.get(
    '/callPurposes',
    { schema: listCallPurposesRouteSchema, onRequest: requireScope(['callPurposes', 'read']) },
    async (request, reply) => {
      const search = searchParamsOf(request);
      const query = parseListQuery(search);
      const page = repos.callPurposes.list(query);
      return sendDocument(reply, 200, listDocument(page, query, search, contextOf(request)));
    },
  );

  app.post(
    '/callPurposes',
    { schema: createCallPurposeRouteSchema, onRequest: requireScope(['callPurposes', 'write']) },
    async (request, reply) => {
      const principal = principalOf(request);
      const options = parseDocumentQuery(searchParamsOf(request));
      if (!roleMayCreate(principal.user)) {
        throw forbidden(`Your role (${principal.user.role}) may not create call purposes.`);
      }
      const input = parseCreateDocument(request.body);
      const row = repos.callPurposes.create({
        ...input,
        creatorId: principal.user.id,
        now: new Date(clock.now()).toISOString(),
      });
      reply.header('location', `${apiBase}/callPurposes/${row.id}`);
      return sendDocument(reply, 201, singleDocument(row, options, contextOf(request)));
    },
  );

  app.get(
    '/callPurposes/:id',
    { schema: readCallPurposeRouteSchema, onRequest: requireScope(['callPurposes', 'read']) },
    async (request, reply) => {
      const options = parseDocumentQuery(searchParamsOf(request));
      const id = parseId(request.params.id);
      const row = id === undefined ? undefined : repos.callPurposes.findById(id);
      if (!row) throw notFound(request.params.id);
      return sendDocument(reply, 200, singleDocument(row, options, contextOf(request)));
    },
  );

  app.patch(
    '/callPurposes/:id',
    { schema: updateCallPurposeRouteSchema, onRequest: requireScope(['callPurposes', 'write']) },
    async (request, reply) => {
      const principal = principalOf(request);
      const options = parseDocumentQuery(searchParamsOf(request));
      const id = parseId(request.params.id);
      const existing = id === undefined ? undefined : repos.callPurposes.findById(id);
      if (id === undefined || !existing) throw notFound(request.params.id);
      // Permission before validation: a user who may not edit learns that first.
      assertMayUpdate(principal.user, existing);
      const changes = parseUpdateDocument(request.body, id);
      const row = repos.callPurposes.update(
        id,
        changes,
        new Date(clock.now()).toISOString(),
        (current) => assertMayUpdate(principal.user, current),
      );
      if (!row) throw notFound(request.params.id);
      return sendDocument(reply, 200, singleDocument(row, options, contextOf(request)));
    },
  );

  app.delete(
    '/callPurposes/:id',
    { schema: deleteCallPurposeRouteSchema, onRequest: requireScope(['callPurposes', 'delete']) },
    async (request, reply) => {
      const principal = principalOf(request);
      parseNoQuery(searchParamsOf(request));
      const id = parseId(request.params.id);
      const deleted =
        id !== undefined &&
        repos.callPurposes.delete(id, (row) => assertMayDelete(principal.user, row));
      if (!deleted) throw notFound(request.params.id);
      return reply.status(204).send(null);
    },
  );
  done();
};
