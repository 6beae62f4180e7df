import { Button } from '../../../components/Button/Button';
import { Dialog } from '../../../components/Dialog/Dialog';
import { useDeleteCallPurpose } from '../api/deleteCallPurpose';
import type { CallPurpose } from '../types';
import styles from './DeleteCallPurposeDialog.module.css';

type DeleteCallPurposeDialogProps = {
  purpose: CallPurpose;
  onClose: () => void;
  onConfirmed: () => void;
};

/** Confirms by name; the row leaves at once and comes back with the reason if the server says no. */
export function DeleteCallPurposeDialog({
  purpose,
  onClose,
  onConfirmed,
}: DeleteCallPurposeDialogProps) {
  const deletion = useDeleteCallPurpose();

  const confirm = () => {
    deletion.mutate(purpose);
    onClose();
    onConfirmed();
  };

  return (
    <Dialog title="Delete call purpose?" role="alertdialog" onClose={onClose}>
      <p className={styles.text}>
        “<strong>{purpose.name}</strong>” will be removed for everyone in your Outreach org. This
        cannot be undone.
      </p>
      <div className={styles.buttons}>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="danger" onClick={confirm}>
          Delete
        </Button>
      </div>
    </Dialog>
  );
}
