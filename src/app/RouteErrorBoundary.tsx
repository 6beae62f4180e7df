import type { ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { Link, useLocation } from 'react-router';
import { Button } from '../components/Button/Button';
import { StatusMessage } from '../components/StatusMessage/StatusMessage';
import { describeError } from '../lib/describeError';
import { paths } from '../lib/paths';
import styles from './RouteErrorBoundary.module.css';

/** Each route's last line of defence: a failed page says so and offers a way on. */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  // Going to another page clears the error, as a data router's error boundary does.
  return (
    <ErrorBoundary
      resetKeys={[useLocation().pathname]}
      fallbackRender={({ error }) => <RouteError error={error} />}
    >
      {children}
    </ErrorBoundary>
  );
}

function RouteError({ error }: { error: unknown }) {
  return (
    <div className={styles.boundary}>
      <StatusMessage
        tone="error"
        action={
          <Button variant="secondary" onClick={() => window.location.reload()}>
            Reload
          </Button>
        }
      >
        <p>
          <strong>This page could not be shown.</strong> {describeError(error)}
        </p>
        <p>
          <Link to={paths.callPurposes.list.href()}>Back to call purposes</Link>
        </p>
      </StatusMessage>
    </div>
  );
}
