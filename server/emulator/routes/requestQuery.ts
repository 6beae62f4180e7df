import type { FastifyReply, FastifyRequest } from 'fastify';
import { JSON_API_MEDIA_TYPE } from '../../shared/jsonApiErrors';

/** The raw query string as URLSearchParams: keeps `page[size]` keys and repeated keys as sent. */
export function searchParamsOf(request: FastifyRequest): URLSearchParams {
  const index = request.url.indexOf('?');
  return new URLSearchParams(index === -1 ? '' : request.url.slice(index + 1));
}

/** Path ids are positive integers; anything else names no resource (404, not 400). */
export function parseId(text: string): number | undefined {
  if (!/^[1-9]\d{0,15}$/.test(text)) return undefined;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : undefined;
}

export function sendDocument(reply: FastifyReply, status: number, document: unknown): FastifyReply {
  return reply.status(status).type(JSON_API_MEDIA_TYPE).send(document);
}
