// @vitest-environment jsdom
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { mswServer, withMswServer } from '../testing/mswServer';
import { apiFetch, retryAfter } from './apiClient';
import { ApiError } from './apiError';

withMswServer();

/** Answers every request to /api/v2/x with `response`, and records what was asked. */
function respondWith(response: () => Response) {
  const requests: Request[] = [];
  mswServer.use(
    http.all('/api/v2/x', ({ request }) => {
      requests.push(request.clone());
      return response();
    }),
  );
  return requests;
}

describe('apiFetch', () => {
  it('sends JSON:API bodies same-origin and parses the answer', async () => {
    const requests = respondWith(() => HttpResponse.json({ data: [] }));
    await expect(apiFetch('/api/v2/x', { method: 'POST', body: { a: 1 } })).resolves.toEqual({
      data: [],
    });
    const [request] = requests;
    expect(new URL(request?.url ?? '').pathname).toBe('/api/v2/x');
    expect(request?.method).toBe('POST');
    expect(request?.credentials).toBe('same-origin');
    expect(await request?.text()).toBe('{"a":1}');
    expect(request?.headers.get('content-type')).toBe('application/vnd.api+json');
  });

  it('answers undefined for 204', async () => {
    respondWith(() => new HttpResponse(null, { status: 204 }));
    await expect(apiFetch('/api/v2/x', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('throws ApiError with the errors array and Retry-After', async () => {
    const body = { errors: [{ id: 'rateLimitExceeded', title: 'Slow down' }] };
    respondWith(() => HttpResponse.json(body, { status: 429, headers: { 'Retry-After': '12' } }));
    const error = await apiFetch('/api/v2/x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 12, message: 'Slow down' });
  });

  it('turns a network failure into ApiError status 0', async () => {
    respondWith(() => HttpResponse.error());
    await expect(apiFetch('/api/v2/x')).rejects.toMatchObject({ status: 0 });
  });

  it('survives an error body that is not JSON', async () => {
    respondWith(() => HttpResponse.text('<html>Bad gateway</html>', { status: 502 }));
    await expect(apiFetch('/api/v2/x')).rejects.toMatchObject({ status: 502, errors: [] });
  });
});

describe('retryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfter(new Headers({ 'Retry-After': '5' }), now)).toBe(5);
    const date = new Headers({ 'Retry-After': 'Thu, 01 Jan 2026 00:01:00 GMT' });
    expect(retryAfter(date, now)).toBe(60);
    expect(retryAfter(new Headers(), now)).toBeNull();
  });
});
