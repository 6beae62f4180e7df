import type { Blocker } from 'react-router';
import { Button } from '../../../components/Button/Button';
import { Dialog } from '../../../components/Dialog/Dialog';
import styles from './CallPurposeForm.module.css';

/** Shown while React Router holds a navigation back because the form has unsaved changes. */
export function UnsavedChangesDialog({ blocker }: { blocker: Blocker }) {
  if (blocker.state !== 'blocked') return null;
  return (
    <Dialog title="Discard unsaved changes?" role="alertdialog" onClose={() => blocker.reset()}>
      <p>Your changes to this call purpose have not been saved.</p>
      <div className={styles.dialogButtons}>
        <Button onClick={() => blocker.reset()}>Keep editing</Button>
        <Button variant="danger" onClick={() => blocker.proceed()}>
          Discard changes
        </Button>
      </div>
    </Dialog>
  );
}
