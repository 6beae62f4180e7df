import { Button } from '../../../components/Button/Button';
import { Dialog } from '../../../components/Dialog/Dialog';
import { useCallUsage } from '../api/getCallUsage';
import { useDeleteCallPurpose } from '../api/deleteCallPurpose';
import type { CallPurpose } from '../types';
import { usageText } from '../usageText';
import styles from './DeleteCallPurposeDialog.module.css';

type DeleteCallPurposeDialogProps = {
  purpose: CallPurpose;
  /** The token may read logged calls: the dialog says how many use the purpose. */
  mayReadCalls: boolean;
  onClose: () => void;
  onConfirmed: () => void;
};

/**
 * Confirms by name and says what the delete would orphan: the logged calls that use the
 * purpose, counted when the dialog opens. The row leaves at once and comes back with the reason
 * if the server says no.
 */
export function DeleteCallPurposeDialog({
  purpose,
  mayReadCalls,
  onClose,
  onConfirmed,
}: DeleteCallPurposeDialogProps) {
  const deletion = useDeleteCallPurpose();
  const usage = useCallUsage(purpose.id, mayReadCalls);

  const confirm = () => {
    deletion.mutate(purpose);
    onClose();
    onConfirmed();
  };

  return (
    <Dialog title="Delete call purpose?" role="alertdialog" onClose={onClose}>
      <p className={styles.text}>
        “
        <strong>
          <bdi>{purpose.name}</bdi>
        </strong>
        ” will be removed for everyone in your Outreach org. This cannot be undone.
      </p>
      <div
        className={styles.usage}
        data-tone={usage.data !== undefined && usage.data > 0 ? 'warning' : undefined}
        role="status"
        aria-live="polite"
      >
        <UsageNote usage={usage} mayReadCalls={mayReadCalls} />
      </div>
      <div className={styles.buttons}>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="danger" onClick={confirm}>
          Delete
        </Button>
      </div>
    </Dialog>
  );
}

function UsageNote({
  usage,
  mayReadCalls,
}: {
  usage: ReturnType<typeof useCallUsage>;
  mayReadCalls: boolean;
}) {
  if (!mayReadCalls) {
    return (
      <p>
        Usage unknown: this sign-in may not count the logged calls that use it. To see usage counts,
        your Outreach admin can allow usage counts in the Outreach app&apos;s settings, then you
        sign in again.
      </p>
    );
  }
  if (usage.isError) {
    return <p>Usage unknown: the logged calls that use it could not be counted.</p>;
  }
  if (usage.data === undefined) return <p className={styles.muted}>Counting logged calls…</p>;
  const { usage: sentence, consequence } = usageText(usage.data);
  return (
    <p>
      <strong>{sentence}</strong> {consequence}
    </p>
  );
}
