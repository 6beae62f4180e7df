// History in the app server's SQLite file (DATA_DIR/app.sqlite, beside the sessions): the
// default, for one app server. Writes are synchronous and small (one row, sometimes two).
import { randomUUID } from 'node:crypto';
import { openAppDatabase, settle } from '../db/database';
import {
  assembleChanges,
  likeContaining,
  type ChangeRow,
  type EntryRow,
  type HistoryStore,
  type HistoryUser,
} from './store';

export function createSqliteHistoryStore({ dataDir }: { dataDir: string }): HistoryStore {
  const db = openAppDatabase(dataDir);
  // A change id taken by someone else's gesture is not joined: the write starts its own change.
  const upsertChange = db.prepare<
    [string, string, string, string | null, number, number],
    { seq: number; user_id: string }
  >(
    `INSERT INTO history_changes (change_id, user_id, user_name, user_email, started_at, last_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (change_id) DO UPDATE SET last_at = max(last_at, excluded.last_at)
       WHERE user_id = excluded.user_id
     RETURNING seq, user_id`,
  );
  const insertEntry = db.prepare(
    `INSERT INTO history_entries
       (change_seq, at, action, purpose_id, before_name, before_order, after_name, after_order)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const record = db.transaction((entry: Parameters<HistoryStore['record']>[0]) => {
    const { user } = entry;
    const change = (changeId: string) =>
      upsertChange.get(changeId, user.id, user.name, user.email, entry.at, entry.at);
    // RETURNING yields no row when the conflict's WHERE refused the update (someone else's id).
    const seq = (change(entry.changeId) ?? change(randomUUID()))?.seq;
    insertEntry.run(
      seq,
      entry.at,
      entry.action,
      entry.purposeId,
      entry.before?.name ?? null,
      entry.before?.order ?? null,
      entry.after?.name ?? null,
      entry.after?.order ?? null,
    );
  });
  const deleteOlder = db.transaction((at: number) => {
    db.prepare(
      `DELETE FROM history_entries
       WHERE change_seq IN (SELECT seq FROM history_changes WHERE last_at < ?)`,
    ).run(at);
    return db.prepare('DELETE FROM history_changes WHERE last_at < ?').run(at).changes;
  });

  return {
    kind: 'sqlite',
    record: (entry) => settle(() => record(entry)),
    changes: ({ olderThan, limit, purposeName, userId }) =>
      settle(() => {
        const where: string[] = [];
        const params: (string | number)[] = [];
        if (olderThan !== undefined) {
          where.push('c.seq < ?');
          params.push(olderThan);
        }
        if (userId !== undefined) {
          where.push('c.user_id = ?');
          params.push(userId);
        }
        if (purposeName !== undefined && purposeName !== '') {
          const like = likeContaining(purposeName);
          where.push(
            `EXISTS (SELECT 1 FROM history_entries e WHERE e.change_seq = c.seq
             AND (lower(e.before_name) LIKE ? ESCAPE '\\' OR lower(e.after_name) LIKE ? ESCAPE '\\'))`,
          );
          params.push(like, like);
        }
        const changes = db
          .prepare<(string | number)[], ChangeRow>(
            `SELECT * FROM history_changes c
           ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
           ORDER BY c.seq DESC LIMIT ?`,
          )
          .all(...params, limit);
        if (changes.length === 0) return [];
        const seqs = changes.map((change) => Number(change.seq));
        const entries = db
          .prepare<number[], EntryRow>(
            `SELECT * FROM history_entries WHERE change_seq IN (${seqs.map(() => '?').join(', ')})
           ORDER BY id`,
          )
          .all(...seqs);
        return assembleChanges(changes, entries);
      }),
    people: () =>
      settle(() => {
        const rows = db
          .prepare<[], { user_id: string; user_name: string; user_email: string | null }>(
            // The name and email each person made their latest change under.
            `SELECT user_id, user_name, user_email FROM history_changes
           WHERE seq IN (SELECT max(seq) FROM history_changes GROUP BY user_id)
           ORDER BY user_name`,
          )
          .all();
        return rows.map((row): HistoryUser => ({
          id: row.user_id,
          name: row.user_name,
          email: row.user_email,
        }));
      }),
    deleteOlderThan: (at) => settle(() => deleteOlder(at)),
    check: () => settle(() => void db.prepare('SELECT 1').get()),
    close: () => settle(() => void db.close()),
  };
}
