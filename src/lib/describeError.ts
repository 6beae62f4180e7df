import { isApiError, OFFLINE_ERROR_ID, type ApiError } from './apiError';

/**
 * A sentence or two a person can act on, for any error a request can end with: the one wording
 * of each failure, whether it stands alone (a form, a page) or follows a purpose's name in a
 * list of failed writes. The server's own explanation wins where it gave one.
 */
export function describeError(error: unknown): string {
  if (!isApiError(error)) {
    return error instanceof Error && error.message
      ? sentence(error.message)
      : 'Something went wrong.';
  }
  switch (error.status) {
    case 0:
      return error.hasErrorId(OFFLINE_ERROR_ID)
        ? 'No connection: you are offline. Nothing was sent; try again once you are back online.'
        : 'Cannot reach the server. Check your connection and try again.';
    case 401:
      return 'Your session has ended. Please sign in again.';
    case 403:
      return describeForbidden(error);
    case 404:
      return 'It no longer exists: someone may have deleted it.';
    case 429:
      return `Too many requests. ${describeRetryAfter(error.retryAfterSeconds)}`;
    default:
      if (error.hasErrorId('sessionStoreUnavailable')) {
        return 'Sign-in storage is unavailable right now.';
      }
      if (error.hasErrorId('upstreamUnavailable') || error.hasErrorId('upstreamTimeout')) {
        return 'Outreach is unreachable right now. Try again in a moment.';
      }
      if (error.status >= 500) {
        return `The server had a problem (HTTP ${error.status}). Try again in a moment.`;
      }
      return sentence(error.message);
  }
}

function describeForbidden(error: ApiError): string {
  if (error.hasErrorId('unauthorizedOauthScope')) {
    return "Your sign-in doesn't allow this. Sign out and sign in again, allowing everything the app asks for; if it still fails, your Outreach admin can allow it in the Outreach app's settings.";
  }
  const detail = error.errors[0]?.detail;
  if (detail) return sentence(detail);
  if (error.hasErrorId('unauthorizedRequest')) {
    return 'Your Outreach user is not allowed to do this to this call purpose.';
  }
  return 'You are not allowed to do this.';
}

export function describeRetryAfter(seconds: number | null): string {
  if (seconds === null) return 'Try again in a little while.';
  if (seconds <= 1) return 'Try again in a second.';
  if (seconds < 120) return `Try again in ${seconds} seconds.`;
  return `Try again in ${Math.ceil(seconds / 60)} minutes.`;
}

/** Ends with a full stop unless it already ends a sentence, so messages can follow each other. */
function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return 'The request failed.';
  return /[.!?]$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Worth offering a "Retry" button: the same request may well succeed later. */
export function isRetryable(error: unknown): boolean {
  if (!isApiError(error)) return false;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}
