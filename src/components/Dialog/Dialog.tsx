import { useEffect, useId, useRef, type ReactNode } from 'react';
import styles from './Dialog.module.css';
import { IsolatedText } from '../IsolatedText/IsolatedText';

type DialogProps = {
  title: string;
  /** Escape, the close button and the backdrop all end up here. */
  onClose: () => void;
  role?: 'dialog' | 'alertdialog';
  children: ReactNode;
};

/**
 * A modal on the native <dialog>: the browser traps focus, makes the page behind inert and
 * handles Escape. Focus returns to whatever had it before the dialog opened.
 */
export function Dialog({ title, onClose, role = 'dialog', children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  // A click that lands on the dialog element itself, not its panel, is on the backdrop.
  useEffect(() => {
    const dialog = ref.current;
    const closeOnBackdrop = (event: MouseEvent) => {
      if (event.target === dialog) onClose();
    };
    dialog?.addEventListener('click', closeOnBackdrop);
    return () => dialog?.removeEventListener('click', closeOnBackdrop);
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    return () => {
      dialog.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      className={styles.dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className={styles.panel}>
        <h2 id={titleId} className={styles.title}>
          <IsolatedText text={title} />
        </h2>
        {children}
        {/* Last in the DOM so that opening focuses the dialog's first real control. */}
        <button type="button" className={styles.close} aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
    </dialog>
  );
}
