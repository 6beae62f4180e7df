import { isApiError } from '../../../lib/apiError';

export const GONE_MESSAGE =
  'This call purpose no longer exists: someone may have deleted it. Close this form to see the current list.';

/** A 404 while editing means the purpose was deleted meanwhile; say exactly that. */
export function rethrowNotFoundAsGone(error: unknown): never {
  if (isApiError(error) && error.status === 404) throw new Error(GONE_MESSAGE);
  throw error;
}
