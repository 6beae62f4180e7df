import { Button } from '../../../components/Button/Button';
import { useToast } from '../../../hooks/useToast';
import { describeError } from '../../../lib/describeError';
import type { CallPurpose } from '../types';

/**
 * Downloads the list as shown; for everyone who can see it, read-only users included. The CSV
 * code is fetched on the first click, so the list never waits for it.
 */
export function ExportCsvButton({ purposes }: { purposes: readonly CallPurpose[] | undefined }) {
  const toast = useToast();
  return (
    <Button
      disabled={purposes === undefined}
      onClick={() => {
        if (!purposes) return;
        import('./exportCsv')
          .then(({ exportCsv }) => exportCsv(purposes))
          .catch((error: unknown) =>
            toast.show(`Could not export: ${describeError(error)}`, { tone: 'error' }),
          );
      }}
    >
      Export CSV
    </Button>
  );
}
