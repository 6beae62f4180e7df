import { Link } from 'react-router';
import { StatusMessage } from '../components/StatusMessage/StatusMessage';

export function NotFoundPage() {
  return (
    <StatusMessage tone="info">
      <p>
        There is no page here. <Link to="/call-purposes">Go to call purposes</Link>.
      </p>
    </StatusMessage>
  );
}
