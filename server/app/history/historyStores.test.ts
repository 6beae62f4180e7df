// One contract, two stores: SQLite in a temporary DATA_DIR, and a real PostgreSQL started for
// this file (a new cluster on a free port in a temporary directory; never one already running).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test/harness';
import { startTestPostgres, type TestPostgres } from '../test/postgresServer';
import { createPostgresHistoryStore } from './postgresHistoryStore';
import { createSqliteHistoryStore } from './sqliteHistoryStore';
import type { HistoryStore, NewHistoryEntry } from './store';

let postgres: TestPostgres;
let databases = 0;

/** A fresh database on the test cluster, so every test starts from an empty history. */
async function freshDatabaseUrl(): Promise<string> {
  const name = `history_${++databases}`;
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return postgres.url.replace(/\/postgres$/, `/${name}`);
}

beforeAll(async () => {
  postgres = await startTestPostgres();
}, 60_000);

afterAll(async () => {
  await postgres?.stop();
});

const ALEX = { id: '1', name: 'Alex Morgan', email: 'alex@example.com' };
const SAM = { id: '2', name: 'Sam Patel', email: null };
const CHANGE = ['c1', 'c2', 'c3', 'c4'].map(
  (n) => `00000000-0000-4000-8000-0000000000${n.slice(1).padStart(2, '0')}`,
);

function entry(overrides: Partial<NewHistoryEntry> = {}): NewHistoryEntry {
  return {
    changeId: CHANGE[0] as string,
    at: 1_000,
    user: ALEX,
    action: 'updated',
    purposeId: 5,
    before: { name: 'Demo', order: 4000 },
    after: { name: 'Demo', order: 1500 },
    ...overrides,
  };
}

const stores: [string, () => Promise<HistoryStore>][] = [
  ['SQLite', () => Promise.resolve(createSqliteHistoryStore({ dataDir: tempDir('history') }))],
  ['PostgreSQL', async () => createPostgresHistoryStore({ databaseUrl: await freshDatabaseUrl() })],
];

describe.each(stores)('the %s history store', (_kind, open) => {
  async function withStore(test: (store: HistoryStore) => Promise<void>) {
    const store = await open();
    try {
      await test(store);
    } finally {
      await store.close();
    }
  }

  it('groups entries by change, newest change first, entries in the order recorded', () =>
    withStore(async (store) => {
      await store.record(entry({ at: 1_000 }));
      await store.record(
        entry({
          at: 1_001,
          purposeId: 6,
          before: { name: 'Follow Up', order: 1000 },
          after: { name: 'Follow Up', order: 1200 },
        }),
      );
      await store.record(
        entry({
          changeId: CHANGE[1],
          at: 2_000,
          user: SAM,
          action: 'deleted',
          purposeId: 7,
          before: { name: 'Pricing Discussion', order: 7000 },
          after: null,
        }),
      );
      await store.record(
        entry({
          changeId: CHANGE[2],
          at: 3_000,
          action: 'created',
          purposeId: 9,
          before: null,
          after: { name: 'Check-in', order: 9000 },
        }),
      );

      const changes = await store.changes({ limit: 10 });
      expect(
        changes.map((change) => [change.changeId, change.user.name, change.entries.length]),
      ).toEqual([
        [CHANGE[2], 'Alex Morgan', 1],
        [CHANGE[1], 'Sam Patel', 1],
        [CHANGE[0], 'Alex Morgan', 2],
      ]);
      const [created, deleted, moved] = changes;
      expect(created?.entries[0]).toMatchObject({
        action: 'created',
        purposeId: 9,
        before: null,
        after: { name: 'Check-in', order: 9000 },
      });
      expect(deleted?.entries[0]).toMatchObject({
        action: 'deleted',
        before: { name: 'Pricing Discussion', order: 7000 },
        after: null,
      });
      expect(deleted?.user).toEqual(SAM);
      expect(moved).toMatchObject({ startedAt: 1_000, lastAt: 1_001 });
      expect(moved?.entries.map((e) => [e.purposeId, e.before?.order, e.after?.order])).toEqual([
        [5, 4000, 1500],
        [6, 1000, 1200],
      ]);
    }));

  it("never joins someone else's change: the same id from another person starts a change of its own", () =>
    withStore(async (store) => {
      await store.record(entry());
      await store.record(entry({ user: SAM, at: 1_500, purposeId: 8 }));
      const changes = await store.changes({ limit: 10 });
      expect(changes).toHaveLength(2);
      expect(changes[0]?.user).toEqual(SAM);
      expect(changes[0]?.changeId).not.toBe(CHANGE[0]);
      expect(changes[1]?.entries).toHaveLength(1);
    }));

  it('keeps one change for writes of one gesture recorded at the same time', () =>
    withStore(async (store) => {
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store.record(
            entry({
              action: 'created',
              purposeId: 100 + i,
              before: null,
              after: { name: `Batch ${i}`, order: i },
            }),
          ),
        ),
      );
      const changes = await store.changes({ limit: 10 });
      expect(changes).toHaveLength(1);
      expect(changes[0]?.entries.map((e) => e.purposeId).sort()).toEqual([
        100, 101, 102, 103, 104, 105, 106, 107,
      ]);
    }));

  it('pages by the last change seen, newest first, with nothing repeated or skipped', () =>
    withStore(async (store) => {
      for (let i = 0; i < 25; i++) {
        await store.record(
          entry({ changeId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, at: i }),
        );
      }
      const seen: number[] = [];
      let olderThan: number | undefined;
      for (;;) {
        const page = await store.changes({ limit: 10, olderThan });
        seen.push(...page.map((change) => change.startedAt));
        if (page.length < 10) break;
        olderThan = page.at(-1)?.seq;
      }
      expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => 24 - i));
    }));

  it('filters by a name the purpose had, before or after, ignoring case; % and _ are letters', () =>
    withStore(async (store) => {
      await store.record(
        entry({
          changeId: CHANGE[0],
          before: { name: 'Demo', order: 1 },
          after: { name: 'Product Demo', order: 1 },
        }),
      );
      await store.record(
        entry({
          changeId: CHANGE[1],
          purposeId: 6,
          before: { name: 'Follow Up', order: 2 },
          after: null,
          action: 'deleted',
        }),
      );
      await store.record(
        entry({
          changeId: CHANGE[2],
          purposeId: 7,
          before: null,
          after: { name: '100% fit', order: 3 },
          action: 'created',
        }),
      );
      const names = async (purposeName: string) =>
        (await store.changes({ limit: 10, purposeName })).map((change) => change.changeId);
      expect(await names('demo')).toEqual([CHANGE[0]]);
      expect(await names('PRODUCT')).toEqual([CHANGE[0]]);
      expect(await names('follow')).toEqual([CHANGE[1]]);
      expect(await names('0%')).toEqual([CHANGE[2]]);
      expect(await names('_')).toEqual([]);
    }));

  it('filters by person, and knows everyone who changed something', () =>
    withStore(async (store) => {
      await store.record(entry({ changeId: CHANGE[0] }));
      await store.record(entry({ changeId: CHANGE[1], user: SAM }));
      await store.record(
        entry({ changeId: CHANGE[2], user: { ...ALEX, name: 'Alex Morgan-Lee' } }),
      );
      const bySam = await store.changes({ limit: 10, userId: SAM.id });
      expect(bySam.map((change) => change.changeId)).toEqual([CHANGE[1]]);
      expect(await store.people()).toEqual([{ ...ALEX, name: 'Alex Morgan-Lee' }, SAM]);
    }));

  it('deletes the changes whose last entry is older than the cut-off, and only those', () =>
    withStore(async (store) => {
      await store.record(entry({ changeId: CHANGE[0], at: 100 }));
      await store.record(entry({ changeId: CHANGE[1], at: 100 }));
      await store.record(entry({ changeId: CHANGE[1], at: 300 }));
      await store.record(entry({ changeId: CHANGE[2], at: 400 }));
      expect(await store.deleteOlderThan(200)).toBe(1);
      const left = await store.changes({ limit: 10 });
      expect(left.map((change) => [change.changeId, change.entries.length])).toEqual([
        [CHANGE[2], 1],
        [CHANGE[1], 2],
      ]);
    }));
});

describe('the PostgreSQL history store, shared by several app servers', () => {
  it('migrates once when two start together, and both read one history', async () => {
    const databaseUrl = await freshDatabaseUrl();
    const [one, two] = await Promise.all([
      createPostgresHistoryStore({ databaseUrl }),
      createPostgresHistoryStore({ databaseUrl }),
    ]);
    try {
      await one.record(entry({ changeId: CHANGE[0] }));
      await two.record(entry({ changeId: CHANGE[0], purposeId: 6, at: 1_100 }));
      await two.record(entry({ changeId: CHANGE[1], user: SAM, at: 1_200 }));
      for (const store of [one, two]) {
        const changes = await store.changes({ limit: 10 });
        expect(changes.map((change) => [change.changeId, change.entries.length])).toEqual([
          [CHANGE[1], 1],
          [CHANGE[0], 2],
        ]);
      }
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('refuses a database from a newer version with a clear message', async () => {
    const databaseUrl = await freshDatabaseUrl();
    await (await createPostgresHistoryStore({ databaseUrl })).close();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query('UPDATE schema_version SET version = 99');
    await client.end();
    await expect(createPostgresHistoryStore({ databaseUrl })).rejects.toThrow(
      /newer version \(schema 99\)/,
    );
  });
});
