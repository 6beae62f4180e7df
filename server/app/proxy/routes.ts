// /api/v2/*: forwards the browser's request to the upstream API with the session's bearer token.
// The body travels as raw bytes (this context's only content-type parser keeps them as a
// Buffer), so the upstream sees exactly what the browser sent and answers 415 itself.
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config';
import type { SessionCookieHelpers } from '../auth/currentSession';
import { UpstreamUnavailableError, TokenGrantError } from '../auth/oauthClient';
import { SessionEndedError, type SessionService } from '../auth/sessions';
import { sendError, unauthenticated } from '../errors';
import { rewriteBodyLinks } from './links';
import { upstreamUrlFor } from './upstreamUrl';

export interface ProxyOptions {
  config: AppConfig;
  sessions: SessionService;
  current: SessionCookieHelpers;
}

/** Response headers the browser gets from the upstream; everything else stays behind. */
const PASSED_BACK = ['content-type', 'retry-after', 'www-authenticate'];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

export const proxyRoutes: FastifyPluginCallback<ProxyOptions> = (app, options, done) => {
  const { config, sessions, current } = options;
  const apiUrl = config.upstream.apiUrl;

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  async function forward(request: FastifyRequest, target: URL, token: string): Promise<Response> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      accept: request.headers.accept ?? 'application/vnd.api+json',
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
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new UpstreamUnavailableError(
        `${target.origin} unreachable (${cause ?? (error as Error).name})`,
      );
    }
  }

  async function relay(request: FastifyRequest, reply: FastifyReply, upstream: Response) {
    reply.code(upstream.status).header('cache-control', 'no-store');
    for (const name of PASSED_BACK) {
      const value = upstream.headers.get(name);
      if (value !== null) reply.header(name, value);
    }
    upstream.headers.forEach((value, name) => {
      if (name.startsWith('x-ratelimit-')) reply.header(name, value);
    });
    const bytes = Buffer.from(await upstream.arrayBuffer());
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

    try {
      let token = await sessions.accessToken(session);
      let upstream = await forward(request, target, token);
      if (upstream.status === 401) {
        // The token was revoked or expired early: refresh once (unless a concurrent request
        // already has) and try again.
        await upstream.arrayBuffer();
        token = await sessions.accessTokenAfterRejection(session, token);
        upstream = await forward(request, target, token);
        if (upstream.status === 401) {
          await upstream.arrayBuffer();
          await sessions.end(session);
          current.clear(reply);
          return unauthenticated(reply, 'The upstream no longer accepts this session.');
        }
      }
      return await relay(request, reply, upstream);
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
        return sendError(
          reply,
          502,
          'upstreamUnavailable',
          'Outreach is unavailable',
          `The app server could not reach ${new URL(apiUrl).origin}. Try again shortly.`,
        );
      }
      throw error;
    }
  }

  app.route({ method: METHODS, url: '/', handler: handle });
  app.route({ method: METHODS, url: '/*', handler: handle });
  done();
};
