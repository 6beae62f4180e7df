// GET /api/history/changes: the History page's data, newest change first, a page at a time
// (keyset: `olderThan` is the last change's `seq` from the page before), filtered by a purpose
// name or a person. Only for people who may change the list: an agent gets 403, whatever the UI
// shows. The data is the app server's own, so it answers in JSON:API's shape like the proxy.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { HistoryPageDocument } from '../../../shared/historyDocument';
import type { SessionCookieHelpers } from '../auth/currentSession';
import { sendError, unauthenticated } from '../errors';
import { describeChange } from './describe';
import type { HistoryStore } from './store';
import type { WriterCheck } from './writers';

const changesQuery = Type.Object(
  {
    olderThan: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    purpose: Type.Optional(Type.String({ maxLength: 255 })),
    person: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const historyRoutes: FastifyPluginCallbackTypebox<{
  store: HistoryStore;
  current: SessionCookieHelpers;
  mayWrite: WriterCheck;
}> = (app, { store, current, mayWrite }, done) => {
  app.get('/changes', { schema: { querystring: changesQuery } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    // Validation drops unknown parameters silently; a misspelt filter must not look like none.
    const unknown = [...new URLSearchParams(request.url.split('?')[1] ?? '').keys()].filter(
      (name) => !(name in changesQuery.properties),
    );
    if (unknown.length > 0) {
      return sendError(
        reply,
        400,
        'badRequest',
        'Bad request',
        `Unknown parameter ${unknown[0]}: use olderThan, limit, purpose or person.`,
      );
    }
    const session = await current.read(request);
    if (session === undefined) return unauthenticated(reply, 'Sign in to see the history.');
    if (!(await mayWrite(session))) {
      return sendError(
        reply,
        403,
        'forbidden',
        'Forbidden',
        'The history is for people who may change call purposes.',
      );
    }
    const { olderThan, limit, purpose, person } = request.query;
    // One more than asked: whether there is an older page, without counting.
    const found = await store.changes({
      olderThan,
      limit: limit + 1,
      purposeName: purpose?.trim(),
      userId: person,
    });
    const page = found.slice(0, limit);
    const last = page.at(-1);
    const document: HistoryPageDocument = {
      data: page.map((change) => ({
        type: 'historyChange',
        id: change.changeId,
        attributes: {
          seq: change.seq,
          description: describeChange(change),
          user: change.user,
          startedAt: new Date(change.startedAt).toISOString(),
          lastAt: new Date(change.lastAt).toISOString(),
          entries: change.entries.map((entry) => ({
            ...entry,
            at: new Date(entry.at).toISOString(),
          })),
        },
      })),
      meta: {
        olderThan: found.length > limit && last !== undefined ? last.seq : null,
        people: await store.people(),
      },
    };
    return document;
  });
  done();
};
