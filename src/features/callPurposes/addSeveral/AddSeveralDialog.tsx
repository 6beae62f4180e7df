import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type ChangeEvent } from 'react';
import { Button } from '../../../components/Button/Button';
import { Dialog } from '../../../components/Dialog/Dialog';
import { assertOnline } from '../../../lib/apiClient';
import { describeError } from '../../../lib/describeError';
import { createCallPurpose } from '../api/createCallPurpose';
import { callPurposesQueryOptions, useCallPurposes } from '../api/getCallPurposes';
import { classifyNames, namesFromFile, namesToAdd } from './classifyNames';
import { createMany, CREATE_CONCURRENCY, type CreateResult, type NewPurpose } from './createMany';
import { addButtonLabel, lineStatusText } from './lineStatusText';
import { ordersAfter } from './ordersAfter';
import styles from './AddSeveralDialog.module.css';

type Progress = { done: number; total: number };

/**
 * Paste (or read from a file) many names, see what becomes of each line, and create the new
 * ones at the end of the list in pasted order, a few requests at a time. Failures stay listed
 * with their reason and one Retry.
 */
export function AddSeveralDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const existing = useCallPurposes().data;
  const [text, setText] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [results, setResults] = useState<CreateResult[] | null>(null);
  const ids = { text: useId(), tally: useId() };

  const lines = useMemo(() => classifyNames(text, existing ?? []), [text, existing]);
  const toAdd = namesToAdd(lines);
  const skipped = lines.length - toAdd.length;

  const batch = useMutation({
    mutationFn: async ({ items, retry }: { items: NewPurpose[]; retry: boolean }) => {
      setProgress({ done: 0, total: items.length });
      // A request that timed out may still have landed: a retry looks its name up first. Offline
      // that read would wait for the network and the creates go out after it: say so now.
      if (retry) assertOnline();
      const alreadyThere = retry
        ? (await queryClient.fetchQuery({ ...callPurposesQueryOptions(), staleTime: 0 })).map(
            (purpose) => purpose.name,
          )
        : [];
      return createMany({
        items,
        alreadyThere,
        // Without explicit orders only one at a time keeps the pasted order.
        concurrency: items.every((item) => item.order !== undefined) ? CREATE_CONCURRENCY : 1,
        create: (item) =>
          createCallPurpose(
            item.order === undefined ? { name: item.name } : { name: item.name, order: item.order },
          ),
        onSettled: () =>
          setProgress((current) => current && { ...current, done: current.done + 1 }),
      });
    },
    onSuccess: (outcomes) =>
      setResults((earlier) => {
        const byName = new Map(outcomes.map((outcome) => [outcome.name, outcome]));
        return earlier ? earlier.map((result) => byName.get(result.name) ?? result) : outcomes;
      }),
    // While this mutation is pending the live list takes the refetch as the user's own doing.
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: callPurposesQueryOptions().queryKey }),
  });

  const start = () => {
    const orders = ordersAfter(existing ?? [], toAdd.length);
    batch.mutate({
      items: toAdd.map((name, index) => ({ name, order: orders?.[index] })),
      retry: false,
    });
  };

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileError(null);
    try {
      setText(namesFromFile(file.name, await file.text()).join('\n'));
    } catch {
      setFileError(`Could not read “${file.name}”. Choose a .txt or .csv file.`);
    }
  };

  const failed = results?.filter((result) => result.status === 'failed') ?? [];
  const added = (results?.length ?? 0) - failed.length;
  const close = () => {
    if (!batch.isPending) onClose();
  };

  return (
    <Dialog title="Add several call purposes" onClose={close}>
      {progress === null ? (
        <form
          className={styles.form}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (toAdd.length > 0) start();
          }}
        >
          <label htmlFor={ids.text} className={styles.label}>
            Names, one per line
          </label>
          <textarea
            id={ids.text}
            className={styles.textarea}
            value={text}
            rows={8}
            spellCheck={false}
            aria-describedby={ids.tally}
            onChange={(event) => setText(event.target.value)}
          />
          <label className={styles.file}>
            Read names from a file (.txt, or .csv with a name column)
            <input
              type="file"
              accept=".txt,.csv,text/plain,text/csv"
              onChange={(event) => void readFile(event)}
            />
          </label>
          {fileError && (
            <p role="alert" className={styles.error}>
              {fileError}
            </p>
          )}
          <p id={ids.tally} className={styles.tally}>
            {toAdd.length} to add{skipped > 0 && `, ${skipped} skipped`}
          </p>
          {lines.length > 0 && (
            <ol aria-label="Preview" className={styles.preview}>
              {lines.map((line) => (
                <li key={line.line} data-status={line.status}>
                  {line.name === '' ? (
                    <span className={styles.blank}>(blank)</span>
                  ) : (
                    <bdi>{line.name}</bdi>
                  )}{' '}
                  <span className={styles.verdict}>— {lineStatusText(line)}</span>
                </li>
              ))}
            </ol>
          )}
          <div className={styles.buttons}>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={toAdd.length === 0}>
              {addButtonLabel(toAdd.length)}
            </Button>
          </div>
        </form>
      ) : (
        <div className={styles.form}>
          <div
            role="progressbar"
            aria-label="Adding call purposes"
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.done}
            aria-valuetext={`${progress.done} of ${progress.total} sent`}
            className={styles.progress}
          >
            <div
              className={styles.bar}
              style={{ inlineSize: `${(100 * progress.done) / Math.max(progress.total, 1)}%` }}
            />
          </div>
          {batch.isError && (
            <p role="alert" className={styles.error}>
              Stopped: {describeError(batch.error)}
            </p>
          )}
          <p role="status">
            {batch.isPending || !results
              ? `Adding ${progress.done} of ${progress.total}…`
              : `Added ${added} of ${results.length} call purposes.`}
          </p>
          {!batch.isPending && failed.length > 0 && (
            <ul aria-label="Not added" className={styles.failures}>
              {failed.map((result) => (
                <li key={result.name}>
                  “<bdi>{result.name}</bdi>”:{' '}
                  {result.status === 'failed' && describeError(result.error)}
                </li>
              ))}
            </ul>
          )}
          <div className={styles.buttons}>
            {!batch.isPending && failed.length > 0 && (
              <Button
                onClick={() =>
                  batch.mutate({
                    items: failed.map(({ name, order }) => ({ name, order })),
                    retry: true,
                  })
                }
              >
                Retry
              </Button>
            )}
            <Button variant="primary" busy={batch.isPending} onClick={close}>
              Done
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
