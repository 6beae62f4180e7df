// /api/v2/*: forwards the browser's request to the upstream API with the session's bearer token.
// The body travels as raw bytes (this context's only content-type parser keeps them as a
// Buffer), so the upstream sees exactly what the browser sent and answers 415 itself.
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config';
import type { SessionCookieHelpers } from '../auth/currentSession';
import { isTimeout, UpstreamUnavailableError, TokenGrantError } from '../auth/oauthClient';
import { SessionEndedError, type SessionService } from '../auth/sessions';
import { sendError, unauthenticated, upstreamFailed } from '../errors';
import { CHANGE_ID_HEADER } from '../../../shared/changeId';
import {
  changeIdOf,
  purposeInDocument,
  purposeWriteOf,
  type HistoryRecorder,
} from '../history/recorder';
import type { PurposeValues } from '../history/store';
import { rewriteBodyLinks } from './links';
import { upstreamUrlFor } from './upstreamUrl';

export interface ProxyOptions {
  config: AppConfig;
  sessions: SessionService;
  current: SessionCookieHelpers;
  /** Records the call-purpose writes Outreach accepts. */
  history?: HistoryRecorder;
}

/** Response headers the browser gets from the upstream; everything else stays behind. */
const PASSED_BACK = ['content-type', 'retry-after', 'www-authenticate'];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The path below /api/v2, without the query. */
function apiPathOf(url: string): string {
  return (url.split('?')[0] ?? '').replace(/^\/api\/v2/, '');
}

function parsedOrUndefined(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

export const proxyRoutes: FastifyPluginCallback<ProxyOptions> = (app, options, done) => {
  const { config, sessions, current, history } = options;
  const apiUrl = config.upstream.apiUrl;

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  async function forward(request: FastifyRequest, target: URL, token: string): Promise<Response> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      // The upstream speaks JSON:API whatever the browser's Accept: a request the browser made
      // from index.html's preload header sends */*.
      accept: 'application/vnd.api+json',
      // The embedded emulator is on loopback: compressing there only for this process to undo
      // it costs more than the bytes it saves (the browser still gets a compressed answer).
      ...(config.upstream.embedded ? { 'accept-encoding': 'identity' } : {}),
    };
    const contentType = request.headers['content-type'];
    if (contentType !== undefined) headers['content-type'] = contentType;
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    const body =
      hasBody && Buffer.isBuffer(request.body) && request.body.length > 0
        ? new Uint8Array(request.body)
        : undefined;
    try {
      return await fetch(target, {
        method: request.method,
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(config.upstreamTimeoutMs),
      });
    } catch (error) {
      throw unreachable(target, error);
    }
  }

  /** The purpose's name and order now, or undefined when Outreach does not say. */
  async function readPurpose(id: number, token: string): Promise<PurposeValues | undefined> {
    const target = new URL(`${apiUrl}/callPurposes/${id}`);
    let response: Response;
    try {
      response = await fetch(target, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.api+json' },
        signal: AbortSignal.timeout(config.upstreamTimeoutMs),
      });
    } catch (error) {
      throw unreachable(target, error);
    }
    const body = await bodyOf(target, response);
    return response.ok ? purposeInDocument(parsedOrUndefined(body))?.values : undefined;
  }

  function unreachable(target: URL, error: unknown): UpstreamUnavailableError {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return new UpstreamUnavailableError(
      `${target.origin} unreachable (${cause ?? (error as Error).name})`,
      { timedOut: isTimeout(error) },
    );
  }

  /** The whole body, or the reason it never came (a cut connection, the time limit). */
  async function bodyOf(target: URL, upstream: Response): Promise<Buffer> {
    try {
      return Buffer.from(await upstream.arrayBuffer());
    } catch (error) {
      throw unreachable(target, error);
    }
  }

  async function relay(
    request: FastifyRequest,
    reply: FastifyReply,
    target: URL,
    upstream: Response,
    onAccepted?: (body: Buffer) => Promise<void>,
  ) {
    const bytes = await bodyOf(target, upstream);
    if (upstream.status >= 500) {
      // An HTML error page or a stack trace is not for the browser: say what failed, in JSON:API.
      throw new UpstreamUnavailableError(`${target.origin} answered ${upstream.status}`);
    }
    if (upstream.status >= 200 && upstream.status < 300) await onAccepted?.(bytes);
    reply.code(upstream.status).header('cache-control', 'no-store');
    for (const name of PASSED_BACK) {
      const value = upstream.headers.get(name);
      if (value !== null) reply.header(name, value);
    }
    upstream.headers.forEach((value, name) => {
      if (name.startsWith('x-ratelimit-')) reply.header(name, value);
    });
    if (request.method === 'HEAD' || upstream.status === 204 || upstream.status === 304) {
      return reply.send();
    }
    const type = upstream.headers.get('content-type') ?? '';
    const isJson = /^application\/(?:[\w.+-]+\+)?json\b/i.test(type);
    return reply.send(isJson ? rewriteBodyLinks(bytes, apiUrl) : bytes);
  }

  // Cross-origin writes never get here: the app server plugin refuses them in onRequest.
  async function handle(request: FastifyRequest, reply: FastifyReply) {
    const session = await current.read(request);
    if (session === undefined) return unauthenticated(reply, 'Sign in to use the API.');

    const target = upstreamUrlFor(apiUrl, request.url);
    if (target === undefined) {
      return sendError(reply, 400, 'badRequest', 'Bad request', 'The API path is not valid.');
    }
    const write =
      history === undefined ? undefined : purposeWriteOf(request.method, apiPathOf(request.url));
    const changeId = write === undefined ? undefined : changeIdOf(request);
    if (write !== undefined && changeId === undefined) {
      return sendError(
        reply,
        400,
        'badRequest',
        'Bad request',
        `The ${CHANGE_ID_HEADER} header must be a UUID; nothing was changed.`,
      );
    }

    try {
      let token = await sessions.accessToken(session);
      // What the purpose was before this write, as Outreach has it (the history's "before").
      const before =
        write?.purposeId === undefined ? undefined : await readPurpose(write.purposeId, token);
      const record =
        write === undefined || changeId === undefined || history === undefined
          ? undefined
          : (body: Buffer) =>
              history.record({
                changeId,
                user: session.user,
                write,
                before,
                answer: parsedOrUndefined(body),
              });
      let upstream = await forward(request, target, token);
      if (upstream.status === 401) {
        // The token was revoked or expired early: refresh once (unless a concurrent request
        // already has) and try again.
        await bodyOf(target, upstream);
        token = await sessions.accessTokenAfterRejection(session, token);
        upstream = await forward(request, target, token);
        if (upstream.status === 401) {
          await bodyOf(target, upstream);
          await sessions.end(session);
          current.clear(reply);
          return unauthenticated(reply, 'The upstream no longer accepts this session.');
        }
      }
      return await relay(request, reply, target, upstream, record);
    } catch (error) {
      if (error instanceof SessionEndedError) {
        current.clear(reply);
        return unauthenticated(reply, 'Your session has ended. Sign in again.');
      }
      if (error instanceof TokenGrantError) {
        // Only a 429 reaches here (other refusals end the session).
        if (error.retryAfter !== null) reply.header('retry-after', error.retryAfter);
        return sendError(
          reply,
          429,
          'rateLimitExceeded',
          'Too many requests',
          'The upstream limits how often a session may be refreshed; try again shortly.',
        );
      }
      if (error instanceof UpstreamUnavailableError) {
        request.log.warn({ reason: error.message }, 'upstream unavailable');
        return upstreamFailed(reply, error.timedOut);
      }
      throw error;
    }
  }

  app.route({ method: METHODS, url: '/', handler: handle });
  app.route({ method: METHODS, url: '/*', handler: handle });
  done();
};
