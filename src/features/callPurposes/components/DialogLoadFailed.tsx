import { useEffect } from 'react';
import { useToast } from '../../../hooks/useToast';
import { describeError } from '../../../lib/describeError';

type DialogLoadFailedProps = { error: unknown; onClose: () => void };

/**
 * Stands in for a dialog whose code could not be fetched: it says so in a toast and closes, and
 * the list stays as it was. React keeps a failed lazy import failed, so only a reload retries.
 */
export function DialogLoadFailed({ error, onClose }: DialogLoadFailedProps) {
  const toast = useToast();
  useEffect(() => {
    toast.show(`The dialog could not be opened: ${describeError(error)}`, {
      tone: 'error',
      action: { label: 'Reload', onClick: () => window.location.reload() },
    });
    onClose();
  }, [toast, error, onClose]);
  return null;
}
