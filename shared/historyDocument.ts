// What GET /api/history/changes answers: the app server writes it, the History page reads it.

export interface HistoryPersonDocument {
  id: string;
  name: string;
  email: string | null;
}

export interface HistoryEntryDocument {
  id: number;
  /** ISO 8601. */
  at: string;
  action: 'created' | 'updated' | 'deleted';
  purposeId: number;
  before: { name: string; order: number } | null;
  after: { name: string; order: number } | null;
}

export interface HistoryChangeDocument {
  type: 'historyChange';
  /** The gesture's change id. */
  id: string;
  attributes: {
    /** The keyset cursor: pass the last one's as `olderThan` for the next page. */
    seq: number;
    description: string;
    user: HistoryPersonDocument;
    startedAt: string;
    lastAt: string;
    entries: HistoryEntryDocument[];
  };
}

export interface HistoryPageDocument {
  data: HistoryChangeDocument[];
  meta: {
    /** `olderThan` for the next page; null on the last. */
    olderThan: number | null;
    /** Everyone who has made a change, for the filter by person. */
    people: HistoryPersonDocument[];
  };
}
