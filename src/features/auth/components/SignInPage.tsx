import { useSearchParams } from 'react-router';
import { SIGN_IN_ERRORS, type SignInError } from '../../../../shared/signInErrors';
import { Button } from '../../../components/Button/Button';
import { StatusMessage } from '../../../components/StatusMessage/StatusMessage';
import { outreachLoginUrl } from '../signInUrls';
import styles from './SignInPage.module.css';

/** A sentence for each reason the server gives (the type makes sure none is missing). */
const SENTENCES: Record<SignInError, string> = {
  access_denied: 'Sign-in was cancelled in Outreach. You can try again.',
  invalid_state: 'That sign-in attempt had expired or came from elsewhere. Please try again.',
  sign_in_failed: 'Outreach did not complete the sign-in. Please try again.',
  upstream_unavailable: 'Outreach could not be reached. Please try again in a moment.',
  rate_limited: 'Outreach is receiving too many sign-ins. Wait a minute, then try again.',
  storage_unavailable: 'Sign-in storage is unavailable right now. Please try again in a moment.',
};
// A Map, not the object: `?error=__proto__` or `?error=toString` must not find anything.
// Unknown codes get one fixed sentence; the page never repeats text from its URL.
const SIGN_IN_SENTENCES = new Map<string, string>(
  SIGN_IN_ERRORS.map((code) => [code, SENTENCES[code]]),
);
const UNKNOWN_SIGN_IN_ERROR = 'Sign-in did not complete. Please try again.';

function signInErrorMessage(code: string | null): string | null {
  if (code === null) return null;
  return SIGN_IN_SENTENCES.get(code) ?? UNKNOWN_SIGN_IN_ERROR;
}

export function SignInPage() {
  const [params] = useSearchParams();
  const returnTo = params.get('returnTo');
  const error = params.get('error');
  const errorMessage = signInErrorMessage(error);

  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <h1 className={styles.title}>Call purposes</h1>
        <p className={styles.lead}>
          Manage the call purposes your team picks from when logging calls in Outreach.
        </p>
        {errorMessage && <StatusMessage tone="error">{errorMessage}</StatusMessage>}
        {returnTo && !errorMessage && (
          <StatusMessage tone="info">Please sign in to continue.</StatusMessage>
        )}
        <Button
          variant="primary"
          className={styles.button}
          onClick={() => window.location.assign(outreachLoginUrl(returnTo))}
        >
          Sign in with Outreach
        </Button>
      </div>
    </main>
  );
}
