import { Link } from 'react-router';
import { StatusMessage } from '../components/StatusMessage/StatusMessage';
import { paths } from '../lib/paths';

export function NotFoundPage() {
  return (
    <StatusMessage tone="info">
      <p>
        There is no page here. <Link to={paths.callPurposes.list.href()}>Go to call purposes</Link>.
      </p>
    </StatusMessage>
  );
}
