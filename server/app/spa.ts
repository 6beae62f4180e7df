// Serves the built SPA: hashed assets cached for a year, index.html revalidated every time, the
// brotli or gzip copy the browser accepts, and
// deep links (/call-purposes/3/edit) answered with index.html so the client router takes over.
// Every path has one owner: the embedded emulator everything under /emulator (its own not-found
// handler), the proxy /api/v2, /auth its routes; unknown /api and /auth paths get a JSON 404,
// and only the rest falls back to the SPA.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './config';
import { sendError } from './errors';

const IMMUTABLE = 'public, max-age=31536000, immutable';

function isApiPath(url: string): boolean {
  return /^\/(?:api|auth)(?:[/?#]|$)/.test(url);
}

function wantsHtml(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  return (request.headers.accept ?? '').includes('text/html');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function htmlMessage(reply: FastifyReply, status: number, title: string, body: string) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
        `<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;line-height:1.5">` +
        `<h1>${title}</h1>${body}</body></html>`,
    );
}

/** Registers static serving (when there is a build) and the not-found handler that ends it. */
export async function registerSpa(
  app: FastifyInstance,
  config: Pick<AppConfig, 'distDir' | 'dev' | 'publicUrl'>,
  /** The `Link` header index.html gets for this request (what its first page will fetch). */
  preloadsFor?: (request: FastifyRequest) => Promise<string | undefined>,
): Promise<void> {
  const distDir = config.distDir;
  const built = distDir !== null && existsSync(join(distDir, 'index.html'));

  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      prefix: '/',
      index: ['index.html'],
      // One route per built file rather than a catch-all GET /*: a catch-all would claim every
      // GET, /emulator/... included, and hand misses to this plugin's not-found handler instead
      // of the one the path's owner registered.
      wildcard: false,
      // Source maps stay on the server: they would hand anyone the readable source.
      allowedPath: (pathName) => !pathName.endsWith('.map'),
      cacheControl: false,
      // No validators, so index.html is never answered 304: its `Link` header depends on who
      // asks (a stored copy revalidated after signing out would keep preloading the session).
      // Hashed assets are immutable for a year and never revalidate anyway.
      etag: false,
      lastModified: false,
      // The build writes .br and .gz copies (scripts/precompress.ts); the one Accept-Encoding
      // allows is sent, so caches must key on it.
      preCompressed: true,
      setHeaders(res, path) {
        const assets = `${join(distDir, 'assets')}/`;
        res.setHeader('cache-control', path.startsWith(assets) ? IMMUTABLE : 'no-cache');
        res.setHeader('vary', 'accept-encoding');
      },
    });
    if (preloadsFor !== undefined) {
      app.addHook('onSend', async (request, reply, payload) => {
        const type = reply.getHeader('content-type');
        if (typeof type !== 'string' || !type.startsWith('text/html')) return payload;
        if (isApiPath(request.url)) return payload;
        const links = await preloadsFor(request);
        if (links !== undefined) reply.header('link', links);
        return payload;
      });
    }
  } else if (distDir !== null) {
    app.log.warn(
      `No built SPA in ${distDir}: run "npm run build" (npm start does) to serve the app; /api and /auth work meanwhile.`,
    );
  }

  app.setNotFoundHandler((request, reply) => {
    if (isApiPath(request.url)) {
      return sendError(
        reply,
        404,
        'notFound',
        'Not found',
        `No route ${request.method} ${request.url.split('?')[0]}.`,
      );
    }
    if (!wantsHtml(request)) {
      return sendError(reply, 404, 'notFound', 'Not found');
    }
    if (built) return reply.sendFile('index.html');
    if (config.dev) {
      return htmlMessage(
        reply,
        404,
        'Open the Vite dev server',
        `<p>In development the app is served by Vite: open <a href="${escapeHtml(config.publicUrl)}">${escapeHtml(config.publicUrl)}</a>.</p>`,
      );
    }
    return htmlMessage(
      reply,
      503,
      'The app is not built',
      `<p>There is no <code>index.html</code> in <code>${escapeHtml(distDir ?? 'dist')}</code>. Run <code>npm run build</code>, or start with <code>npm start</code>, which builds first.</p>`,
    );
  });
}
