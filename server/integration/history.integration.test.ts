// The history over real HTTP: writes through /api/v2 (create, rename, move, delete) recorded with
// who, when and the values before and after, grouped by the X-Change-Id the SPA sends per gesture;
// refused writes record nothing; the data only for people who may write.
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browser,
  freePort,
  signIn,
  startProcess,
  tempDir,
  type Browser,
} from '../app/test/harness';
import { startComposed, type ComposedServer } from './composedServer';
import { createTestClock } from '../testing/testClock';
import type { HistoryChangeDocument, HistoryPageDocument } from '../../shared/historyDocument';

const JSONAPI = 'application/vnd.api+json';
type Created = { data: { id: number; attributes: { name: string } } };
const MOVE = '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5';
const BATCH = '0a1b2c3d-4e5f-4a6b-9c7d-8e9fa0b1c2d3';

describe('the history of changes made through the app', () => {
  const clock = createTestClock(Date.parse('2026-12-01T09:00:00Z'));
  let server: ComposedServer;
  let url: string;
  let alex: Browser;
  let maria: Browser;
  let sam: Browser;

  beforeAll(async () => {
    server = await startComposed({ build: { clock } });
    url = server.url;
    [alex, maria, sam] = [browser(url), browser(url), browser(url)];
    await signIn(alex, { as: 'Alex Morgan' });
    await signIn(maria, { as: 'Maria Chen' });
    await signIn(sam, { as: 'Sam Patel' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const write = (
    client: Browser,
    method: string,
    path: string,
    body?: unknown,
    changeId?: string,
  ) =>
    client.fetch(`/api/v2/callPurposes${path}`, {
      method,
      headers: {
        origin: url,
        accept: JSONAPI,
        'content-type': JSONAPI,
        ...(changeId === undefined ? {} : { 'x-change-id': changeId }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const patch = (id: number, attributes: object) => ({
    data: { type: 'callPurpose', id, attributes },
  });
  const changes = async (client: Browser, query = '') => {
    const response = await client.fetch(`/api/history/changes${query}`);
    return { status: response.status, body: (await response.json()) as HistoryPageDocument };
  };
  const idOf = async (response: Response) => Number(((await response.json()) as Created).data.id);

  it('records each accepted write with who, when, before and after, grouped per gesture', async () => {
    const created = await write(
      alex,
      'POST',
      '',
      { data: { type: 'callPurpose', attributes: { name: 'History Pricing' } } },
      BATCH,
    );
    expect(created.status).toBe(201);
    const id = await idOf(created);
    expect(
      (
        await write(
          alex,
          'POST',
          '',
          { data: { type: 'callPurpose', attributes: { name: 'History Renewal' } } },
          BATCH,
        )
      ).status,
    ).toBe(201);

    clock.advance(60_000);
    expect(
      (await write(maria, 'PATCH', `/${id}`, patch(id, { name: 'History Pricing Talk' }))).status,
    ).toBe(200);
    clock.advance(60_000);
    expect((await write(maria, 'PATCH', `/${id}`, patch(id, { order: 1 }), MOVE)).status).toBe(200);
    expect((await write(maria, 'PATCH', '/5', patch(5, { order: 2 }), MOVE)).status).toBe(200);
    clock.advance(60_000);
    expect((await write(alex, 'DELETE', `/${id}`)).status).toBe(204);

    const { status, body } = await changes(alex);
    expect(status).toBe(200);
    const summary = body.data.map((change) => [
      change.attributes.user.name,
      change.attributes.entries.map((entry) => entry.action),
      change.attributes.description,
    ]);
    expect(summary).toEqual([
      ['Alex Morgan', ['deleted'], 'Deleted “History Pricing Talk”'],
      [
        'Maria Chen',
        ['updated', 'updated'],
        expect.stringMatching(/^Changed the order of 2 purposes: “History Pricing Talk”, /),
      ],
      ['Maria Chen', ['updated'], 'Renamed “History Pricing” to “History Pricing Talk”'],
      ['Alex Morgan', ['created', 'created'], 'Added 2 purposes'],
    ]);
    const [deleted, moved] = body.data as [HistoryChangeDocument, HistoryChangeDocument];
    expect(deleted.attributes.entries[0]).toMatchObject({
      purposeId: id,
      before: { name: 'History Pricing Talk', order: 1 },
      after: null,
      at: '2026-12-01T09:03:00.000Z',
    });
    expect(moved.id).toBe(MOVE);
    expect(moved.attributes.entries[0]).toMatchObject({
      before: { name: 'History Pricing Talk' },
      after: { order: 1 },
    });
    expect(moved.attributes.user).toEqual({
      id: '2',
      name: 'Maria Chen',
      email: 'maria.chen@example.com',
    });
    expect(body.meta.people.map((person) => person.name)).toEqual(['Alex Morgan', 'Maria Chen']);
  });

  it('records nothing for a write Outreach refuses, and refuses a change id that is not a UUID', async () => {
    const before = (await changes(alex)).body.data.length;
    expect((await write(alex, 'PATCH', '/999999', patch(999999, { name: 'Nobody' }))).status).toBe(
      404,
    );
    expect((await write(sam, 'PATCH', '/5', patch(5, { name: 'Agent rename' }))).status).toBe(403);
    expect(
      (await write(alex, 'POST', '', { data: { type: 'callPurpose', attributes: { name: '' } } }))
        .status,
    ).toBe(422);
    const bad = await write(alex, 'PATCH', '/5', patch(5, { name: 'Never sent' }), 'not-a-uuid');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      errors: [{ id: 'badRequest', detail: expect.stringContaining('X-Change-Id') as string }],
    });
    const five = (await (await alex.fetch('/api/v2/callPurposes/5')).json()) as Created;
    expect(five.data.attributes.name).not.toBe('Never sent');
    expect((await changes(alex)).body.data.length).toBe(before);
  });

  it('pages by the last change, and filters by purpose name and by person', async () => {
    const first = await changes(alex, '?limit=2');
    expect(first.body.data).toHaveLength(2);
    const rest = await changes(alex, `?limit=10&olderThan=${first.body.meta.olderThan}`);
    expect(rest.body.meta.olderThan).toBeNull();
    expect([...first.body.data, ...rest.body.data].map((change) => change.attributes.seq)).toEqual(
      (await changes(alex)).body.data.map((change) => change.attributes.seq),
    );
    const renewal = await changes(alex, '?purpose=renewal');
    expect(renewal.body.data.map((change) => change.attributes.description)).toEqual([
      'Added 2 purposes',
    ]);
    const byMaria = await changes(alex, '?person=2');
    expect(byMaria.body.data.every((change) => change.attributes.user.name === 'Maria Chen')).toBe(
      true,
    );
    expect((await changes(alex, '?limit=0')).status).toBe(400);
    expect((await changes(alex, '?since=yesterday')).status).toBe(400);
  });

  it('shows the history to people who may write only: an agent gets 403, a stranger 401', async () => {
    expect((await changes(maria)).status).toBe(200);
    const agent = await changes(sam);
    expect(agent.status).toBe(403);
    expect(agent.body).toMatchObject({ errors: [{ id: 'forbidden' }] });
    expect((await changes(browser(url))).status).toBe(401);
  });

  it('never fails a write it cannot record: it logs, counts on /readyz, and the write stands', async () => {
    const db = new Database(join(server.dataDir, 'app.sqlite'));
    db.exec('DROP TABLE history_entries');
    db.close();
    const renamed = await write(
      alex,
      'PATCH',
      '/5',
      patch(5, { name: 'Renamed while history is down' }),
    );
    expect(renamed.status).toBe(200);
    const ready = (await (await fetch(`${url}/readyz`)).json()) as {
      ok: boolean;
      counters: Record<string, number>;
    };
    expect(ready.counters).toEqual({ historyEntriesNotRecorded: 1 });
    expect(ready.ok).toBe(true);
  });
});

describe('an app server whose history database is away', () => {
  it('refuses to start, saying which PostgreSQL and why, never its password', async () => {
    const closed = await freePort();
    const dataDir = tempDir('no-postgres');
    const failure = await startProcess(
      'server/server.ts',
      {
        PORT: String(await freePort()),
        DATA_DIR: dataDir,
        DATABASE_URL: `postgres://app:secret-password@127.0.0.1:${closed}/history`,
      },
      /never/,
    ).then(
      () => new Error('started'),
      (error: Error) => error,
    );
    expect(failure.message).toContain('exited with 1');
    expect(failure.message).toContain(
      `The app server cannot start: its history database is not available. PostgreSQL at postgres://app@127.0.0.1:${closed}/history is unreachable (ECONNREFUSED).`,
    );
    expect(failure.message).not.toContain('secret-password');
    rmSync(dataDir, { recursive: true, force: true });
  });
});
