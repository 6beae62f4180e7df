import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { Button } from '../components/Button/Button';
import { StatusMessage } from '../components/StatusMessage/StatusMessage';
import { describeError } from '../lib/describeError';
import { paths } from '../lib/paths';
import styles from './RouteErrorBoundary.module.css';

/** Each route's last line of defence: a failed page says so and offers a way on. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : describeError(error);

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
          <strong>This page could not be shown.</strong> {message}
        </p>
        <p>
          <Link to={paths.callPurposes.list.href()}>Back to call purposes</Link>
        </p>
      </StatusMessage>
    </div>
  );
}
