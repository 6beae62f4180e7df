import { Button } from '../../../components/Button/Button';
import { Dialog } from '../../../components/Dialog/Dialog';
import type { HeldNavigation } from '../../../hooks/useUnsavedChangesPrompt';
import styles from './CallPurposeForm.module.css';

/** Shown while a navigation is held back because the form has unsaved changes. */
export function UnsavedChangesDialog({ held }: { held: HeldNavigation | null }) {
  if (held === null) return null;
  return (
    <Dialog title="Discard unsaved changes?" role="alertdialog" onClose={held.reset}>
      <p>Your changes to this call purpose have not been saved.</p>
      <div className={styles.dialogButtons}>
        <Button onClick={held.reset}>Keep editing</Button>
        <Button variant="danger" onClick={held.proceed}>
          Discard changes
        </Button>
      </div>
    </Dialog>
  );
}
