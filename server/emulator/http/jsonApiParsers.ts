/**
 * Body parsing for /api/v2: only `application/vnd.api+json` (JSON:API 1.0). Replaces Fastify's
 * default parsers inside the emulator's encapsulated context only.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { JSON_API_MEDIA_TYPE } from '../../shared/jsonApiErrors';
import { malformedJson, unsupportedMediaType } from './errors';

// JSON:API 1.0 forbids media type parameters; charset=utf-8 is tolerated because common HTTP
// clients add it and it changes nothing for JSON.
function hasForbiddenParameters(contentType: string): boolean {
  const params = contentType
    .split(';')
    .slice(1)
    .map((param) => param.trim().toLowerCase());
  return params.some(
    (param) => param !== '' && param !== 'charset=utf-8' && param !== 'charset="utf-8"',
  );
}

function isEmpty(body: string): boolean {
  return body.trim() === '';
}

export function registerJsonApiParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    JSON_API_MEDIA_TYPE,
    { parseAs: 'string' },
    (request: FastifyRequest, body: string | Buffer, done) => {
      const contentType = request.headers['content-type'] ?? '';
      if (hasForbiddenParameters(contentType)) {
        done(unsupportedMediaType(`Use "${JSON_API_MEDIA_TYPE}" without media type parameters.`));
        return;
      }
      const text = body.toString();
      // An empty body is "no body" (some clients send the header on every request, DELETE too).
      if (isEmpty(text)) {
        done(null, undefined);
        return;
      }
      try {
        done(null, JSON.parse(text));
      } catch {
        done(malformedJson());
      }
    },
  );
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    if (isEmpty(body.toString())) {
      done(null, undefined);
      return;
    }
    const contentType = request.headers['content-type'];
    done(
      unsupportedMediaType(
        `Request bodies must be "${JSON_API_MEDIA_TYPE}"${contentType ? `, not "${contentType}"` : ''}.`,
      ),
    );
  });
}
