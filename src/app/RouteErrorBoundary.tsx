import { Component, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { Button } from '../components/Button/Button';
import { StatusMessage } from '../components/StatusMessage/StatusMessage';
import { describeError } from '../lib/describeError';
import { paths } from '../lib/paths';
import styles from './RouteErrorBoundary.module.css';

type BoundaryProps = { children: ReactNode; resetKey: string };
type BoundaryState = { failed: boolean; error: unknown; resetKey: string };

/** Catches what its routes throw while rendering (a chunk that failed to load, say). */
class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: false, error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { failed: true, error };
  }

  // Going to another page clears the error, as a data router's error boundary does.
  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState) {
    return props.resetKey === state.resetKey
      ? null
      : { failed: false, error: null, resetKey: props.resetKey };
  }

  override render() {
    return this.state.failed ? <RouteError error={this.state.error} /> : this.props.children;
  }
}

/** Each route's last line of defence: a failed page says so and offers a way on. */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  return <ErrorBoundary resetKey={useLocation().pathname}>{children}</ErrorBoundary>;
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
