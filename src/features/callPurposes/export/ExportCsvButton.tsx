import { Button } from '../../../components/Button/Button';
import { downloadFile } from '../../../lib/downloadFile';
import type { CallPurpose } from '../types';
import { csvFileName, purposesToCsv } from './purposesCsv';

/** Downloads the list as shown; for everyone who can see it, read-only users included. */
export function ExportCsvButton({ purposes }: { purposes: readonly CallPurpose[] | undefined }) {
  return (
    <Button
      disabled={purposes === undefined}
      onClick={() => {
        if (!purposes) return;
        // The byte-order mark tells spreadsheet apps the file is UTF-8, so accents survive.
        downloadFile(csvFileName(new Date()), `\uFEFF${purposesToCsv(purposes)}`, 'text/csv');
      }}
    >
      Export CSV
    </Button>
  );
}
