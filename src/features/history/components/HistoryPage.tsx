// /call-purposes/history: who changed which purpose, when, newest first. Each change says what
// happened in one sentence and opens (a native <details>, keyboard- and screen-reader-friendly)
// to its writes. Filters by a purpose's name and by person; "Show older" pages back.
import { useDeferredValue, useId, useState } from 'react';
import { Link } from 'react-router';
import type { HistoryChangeDocument } from '../../../../shared/historyDocument';
import { Button } from '../../../components/Button/Button';
import { StatusMessage } from '../../../components/StatusMessage/StatusMessage';
import { ApiError } from '../../../lib/apiError';
import { formatDateTime } from '../../../lib/formatDateTime';
import { paths } from '../../../lib/paths';
import { useHistory } from '../api/getHistory';
import { describeEntry, timeAgo } from '../describeEntry';
import styles from './HistoryPage.module.css';

export function HistoryPage() {
  const [purpose, setPurpose] = useState('');
  const [person, setPerson] = useState('');
  // Typing stays quick; the request follows the text once React has a moment.
  const filters = { purpose: useDeferredValue(purpose), person };
  const history = useHistory(filters);
  const nameId = useId();
  const personId = useId();
  const changes = history.data?.pages.flatMap((page) => page.data) ?? [];
  const people = history.data?.pages[0]?.meta.people ?? [];
  const filtered = filters.purpose.trim() !== '' || person !== '';

  return (
    <div className={styles.page}>
      <p>
        <Link to={paths.callPurposes.list.href()}>← Call purposes</Link>
      </p>
      <h1 className={styles.title}>History</h1>
      <p className={styles.intro}>
        Changes made through this app: who added, renamed, moved or deleted which call purpose, and
        when. Changes made in Outreach itself are not here.
      </p>
      <form className={styles.filters} role="search" onSubmit={(event) => event.preventDefault()}>
        <div className={styles.field}>
          <label htmlFor={nameId}>Purpose name</label>
          <input
            id={nameId}
            type="search"
            value={purpose}
            onChange={(event) => setPurpose(event.target.value)}
            autoComplete="off"
          />
        </div>
        <div className={styles.field}>
          <label htmlFor={personId}>Person</label>
          <select id={personId} value={person} onChange={(event) => setPerson(event.target.value)}>
            <option value="">Everyone</option>
            {people.map((someone) => (
              <option key={someone.id} value={someone.id}>
                {someone.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      {history.isPending ? (
        <p role="status">Loading the history…</p>
      ) : history.isError ? (
        <StatusMessage tone="error">{failureText(history.error)}</StatusMessage>
      ) : changes.length === 0 ? (
        <StatusMessage tone="info">
          {filtered
            ? 'No change matches these filters.'
            : 'Nothing has been changed through this app yet. From now on every purpose added, renamed, moved or deleted here is listed, with who did it and when.'}
        </StatusMessage>
      ) : (
        <>
          <ol className={styles.changes} aria-label="Changes, newest first">
            {changes.map((change) => (
              <ChangeItem key={change.attributes.seq} change={change} now={history.dataUpdatedAt} />
            ))}
          </ol>
          {history.hasNextPage && (
            <Button busy={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
              Show older
            </Button>
          )}
        </>
      )}
    </div>
  );
}

/** `now`: when the page was loaded, which "3 minutes ago" counts from. */
function ChangeItem({ change, now }: { change: HistoryChangeDocument; now: number }) {
  const { description, user, lastAt, entries } = change.attributes;
  return (
    <li className={styles.change}>
      <p className={styles.description}>{description}</p>
      <p className={styles.meta}>
        {user.name} ·{' '}
        <time dateTime={lastAt} title={formatDateTime(lastAt)}>
          {timeAgo(lastAt, now)}
        </time>{' '}
        <span className={styles.exact}>({formatDateTime(lastAt)})</span>
      </p>
      <details className={styles.entries}>
        <summary>
          {entries.length === 1 ? '1 write' : `${entries.length.toLocaleString('en-US')} writes`}
        </summary>
        <ul>
          {entries.map((entry) => (
            <li key={entry.id}>{describeEntry(entry)}</li>
          ))}
        </ul>
      </details>
    </li>
  );
}

function failureText(error: Error): string {
  if (error instanceof ApiError && error.status === 403) {
    return 'The history is for people who may change call purposes. Ask an admin if you need it.';
  }
  return `Couldn't load the history. ${error.message}`;
}
