// Where the history of changes made through this tool lives. Two implementations with one
// contract (`historyStores.test.ts` runs against both): SQLite in DATA_DIR beside the sessions
// (one app server), PostgreSQL with DATABASE_URL (any number of app servers).
//
// A change is one gesture (a move with the PATCHes it took, an Add several batch, a Sort A–Z, an
// Undo), named by the SPA with a UUID; its entries are the writes Outreach accepted, each with the
// purpose's values before and after.

export interface HistoryUser {
  id: string;
  name: string;
  email: string | null;
}

export interface PurposeValues {
  name: string;
  order: number;
}

export type HistoryAction = 'created' | 'updated' | 'deleted';

export interface NewHistoryEntry {
  /** The gesture's id; a write made by someone else under the same id starts a change of its own. */
  changeId: string;
  /** Epoch milliseconds. */
  at: number;
  user: HistoryUser;
  action: HistoryAction;
  purposeId: number;
  /** Null for a created purpose. */
  before: PurposeValues | null;
  /** Null for a deleted purpose. */
  after: PurposeValues | null;
}

export interface HistoryEntry extends Omit<NewHistoryEntry, 'changeId' | 'user'> {
  id: number;
}

export interface HistoryChange {
  /** Increases with every new change: newest first is highest first, and the page's cursor. */
  seq: number;
  changeId: string;
  user: HistoryUser;
  startedAt: number;
  lastAt: number;
  /** In the order they were recorded. */
  entries: HistoryEntry[];
}

export interface HistoryQuery {
  /** Only changes with a lower `seq` (the last one of the page before). */
  olderThan?: number;
  limit: number;
  /** Changes where a purpose had a name containing this (case-insensitive), before or after. */
  purposeName?: string;
  userId?: string;
}

export interface HistoryStore {
  readonly kind: 'sqlite' | 'postgres';
  record(entry: NewHistoryEntry): Promise<void>;
  /** Newest first. */
  changes(query: HistoryQuery): Promise<HistoryChange[]>;
  /** Everyone who has made a change, for the filter by person. */
  people(): Promise<HistoryUser[]>;
  /** Removes the changes whose last entry is older than `at`; how many went. */
  deleteOlderThan(at: number): Promise<number>;
  check(): Promise<void>;
  close(): Promise<void>;
}

/** `%` and `_` mean themselves in a name filter: escaped for LIKE with `\`. */
export function likeContaining(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** The row shapes both stores read back (snake_case, as the tables have them). */
export interface ChangeRow {
  seq: number | string;
  change_id: string;
  user_id: string;
  user_name: string;
  user_email: string | null;
  started_at: number | string;
  last_at: number | string;
}

export interface EntryRow {
  id: number | string;
  change_seq: number | string;
  at: number | string;
  action: HistoryAction;
  purpose_id: number;
  before_name: string | null;
  before_order: number | null;
  after_name: string | null;
  after_order: number | null;
}

function values(name: string | null, order: number | null): PurposeValues | null {
  return name === null || order === null ? null : { name, order };
}

/** Changes and their entries as rows → the store's answer (bigints arrive as strings from pg). */
export function assembleChanges(changes: ChangeRow[], entries: EntryRow[]): HistoryChange[] {
  const bySeq = new Map<number, HistoryChange>();
  const result = changes.map((row) => {
    const change: HistoryChange = {
      seq: Number(row.seq),
      changeId: row.change_id,
      user: { id: row.user_id, name: row.user_name, email: row.user_email },
      startedAt: Number(row.started_at),
      lastAt: Number(row.last_at),
      entries: [],
    };
    bySeq.set(change.seq, change);
    return change;
  });
  for (const row of entries) {
    bySeq.get(Number(row.change_seq))?.entries.push({
      id: Number(row.id),
      at: Number(row.at),
      action: row.action,
      purposeId: row.purpose_id,
      before: values(row.before_name, row.before_order),
      after: values(row.after_name, row.after_order),
    });
  }
  return result;
}
