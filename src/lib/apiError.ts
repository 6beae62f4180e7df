// The one error type every request to our own origin throws: HTTP status plus the JSON:API
// `errors[]` array, so callers can tell a missing scope from a missing permission.
export type ApiErrorObject = {
  id?: string;
  title?: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
};

/** The error id of a request the browser could not send because it is offline. */
export const OFFLINE_ERROR_ID = 'offline';

export class ApiError extends Error {
  readonly status: number;
  readonly errors: ApiErrorObject[];
  readonly retryAfterSeconds: number | null;

  constructor(status: number, errors: ApiErrorObject[], retryAfterSeconds: number | null = null) {
    super(summarize(status, errors));
    this.name = 'ApiError';
    this.status = status;
    this.errors = errors;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** True when any error object carries this id, e.g. `unauthorizedOauthScope`. */
  hasErrorId(id: string): boolean {
    return this.errors.some((error) => error.id === id);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function summarize(status: number, errors: ApiErrorObject[]): string {
  const first = errors[0];
  const text = first?.detail ?? first?.title;
  if (text) return text;
  if (status === 0) return 'The server could not be reached.';
  return `The request failed (HTTP ${status}).`;
}
