// Logger options: tokens, cookies and OAuth codes never reach a log line.
import { LogController, type FastifyServerOptions } from 'fastify';
import type { AppConfig } from './config';

const CALLBACK = '/auth/callback';

/**
 * /auth/callback?code=...&state=...: the query is a credential until it has been used. Judged on
 * the decoded path, as the router reads it (`/%61uth/callback` is the same route); a path that
 * does not decode cannot be judged, so its query is hidden too.
 */
export function redactUrl(url: string | undefined): string | undefined {
  if (url === undefined) return url;
  const query = url.indexOf('?');
  if (query === -1) return url;
  const path = url.slice(0, query);
  let decoded: string | undefined;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = undefined;
  }
  if (decoded !== undefined && !decoded.includes(CALLBACK)) return url;
  return `${path}?[redacted]`;
}

export function loggerOptions(
  config: Pick<AppConfig, 'LOG_LEVEL' | 'logRequests'>,
): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  return {
    // Health checks are polled; logging each would drown everything else.
    logController: new LogController({
      disableRequestLogging: (request) =>
        !config.logRequests || request.url === '/healthz' || request.url === '/readyz',
    }),
    logger: {
      level: config.LOG_LEVEL,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          'headers.authorization',
          'headers.cookie',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req(request: { method: string; url?: string; host?: string; ip?: string }) {
          return { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip };
        },
      },
    },
  };
}
