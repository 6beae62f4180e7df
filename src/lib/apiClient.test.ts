import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiFetch, retryAfter } from './apiClient';
import { ApiError } from './apiError';

afterEach(() => {
  vi.unstubAllGlobals();
});

function respondWith(response: Response) {
  const fetchMock = vi.fn(() => Promise.resolve(response));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('apiFetch', () => {
  it('sends JSON:API bodies same-origin and parses the answer', async () => {
    const fetchMock = respondWith(new Response('{"data":[]}', { status: 200 }));
    await expect(apiFetch('/api/v2/x', { method: 'POST', body: { a: 1 } })).resolves.toEqual({
      data: [],
    });
    const [path, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/api/v2/x');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"a":1}');
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/vnd.api+json' });
  });

  it('answers undefined for 204', async () => {
    respondWith(new Response(null, { status: 204 }));
    await expect(apiFetch('/api/v2/x', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('throws ApiError with the errors array and Retry-After', async () => {
    const body = JSON.stringify({ errors: [{ id: 'rateLimitExceeded', title: 'Slow down' }] });
    respondWith(new Response(body, { status: 429, headers: { 'Retry-After': '12' } }));
    const error = await apiFetch('/api/v2/x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 12, message: 'Slow down' });
  });

  it('turns a network failure into ApiError status 0', async () => {
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(apiFetch('/api/v2/x')).rejects.toMatchObject({ status: 0 });
  });

  it('survives an error body that is not JSON', async () => {
    respondWith(new Response('<html>Bad gateway</html>', { status: 502 }));
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
