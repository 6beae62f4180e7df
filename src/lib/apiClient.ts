import { ApiError, OFFLINE_ERROR_ID, type ApiErrorObject } from './apiError';

const JSON_API = 'application/vnd.api+json';

export type ApiFetchInit = { method?: string; body?: unknown; signal?: AbortSignal };

/**
 * The one HTTP client of the SPA. Every path is same-origin (`/api/v2/...`, `/auth/...`): the
 * app server holds the tokens, the browser only sends its session cookie.
 */
export async function apiFetch<T>(path: string, init: ApiFetchInit = {}): Promise<T> {
  const method = init.method ?? 'GET';
  // Offline, a write fails at once and is never held back to be sent later: the person decides
  // again once they are back online (a queued write could land after they discarded it).
  if (method !== 'GET') assertOnline();
  const headers: Record<string, string> = { Accept: JSON_API };
  if (init.body !== undefined) headers['Content-Type'] = JSON_API;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
      signal: init.signal,
    });
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    if (isOffline()) throw offlineError();
    throw new ApiError(0, [{ id: 'networkError', title: 'The server could not be reached.' }]);
  }

  if (response.status === 204) return undefined as T;
  const body = await readJson(response);
  if (!response.ok) {
    throw new ApiError(response.status, errorsOf(body), retryAfter(response.headers));
  }
  return body as T;
}

/**
 * Throws the offline error while the browser is offline. For a read a write is waiting on: the
 * list's query would wait for the network (or retry for seconds), and the write go out later.
 */
export function assertOnline(): void {
  if (isOffline()) throw offlineError();
}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

function offlineError(): ApiError {
  return new ApiError(0, [{ id: OFFLINE_ERROR_ID, title: 'No connection: nothing was sent.' }]);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function errorsOf(body: unknown): ApiErrorObject[] {
  if (typeof body === 'object' && body !== null && 'errors' in body && Array.isArray(body.errors)) {
    return body.errors as ApiErrorObject[];
  }
  return [];
}

/** `Retry-After` is either delay-seconds or an HTTP date. */
export function retryAfter(headers: Headers, now = Date.now()): number | null {
  const value = headers.get('Retry-After');
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}
