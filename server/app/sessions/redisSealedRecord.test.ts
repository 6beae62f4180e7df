// Issue 17, point 6: Redis holds nothing it could be tricked with. Whoever can write to the Redis
// edits a session's fields; each edit ends the session (find answers "no session", which the app
// turns into a 401) instead of extending it, impersonating someone or throwing (a 500). And the
// REDIS_URL: a warning when it is exposed, and never more than scheme, host, port and database
// in a log or an error. Over a real redis-server.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../test/harness';
import { startTestRedis, type TestRedis } from '../test/redisServer';
import { createRedisSessionStore, describeRedisUrl } from './redisSessionStore';
import type { SessionRecord, SessionStore } from './store';
import { tokenCipher } from './tokenCipher';

const SECRET = 'the-current-session-secret-0123456789-abcdefg';
const now = () => Date.now();
const KEY = (idHash: string) => `cpa:session:${idHash}`;

function record(idHash: string, name = 'Alex Morgan'): SessionRecord {
  const at = Date.now();
  return {
    idHash,
    user: { id: 1, name, email: 'alex@example.com' },
    scopes: ['callPurposes.read'],
    accessToken: `access-${idHash}`,
    refreshToken: `refresh-${idHash}`,
    accessIssuedAt: at,
    accessExpiresAt: at + 7_200_000,
    createdAt: at,
    expiresAt: at + 60_000,
    version: 0,
  };
}

describe('a Redis session record someone edited', () => {
  let redis: TestRedis;
  let store: SessionStore;
  let raw: Redis;
  beforeAll(async () => {
    redis = await startTestRedis();
    store = await createRedisSessionStore({ url: redis.url, cipher: tokenCipher(SECRET), now });
    raw = new Redis(redis.url);
  });
  afterAll(async () => {
    raw?.disconnect();
    await store?.close();
    await redis?.stop();
  });

  it('holds no user, scope, expiry or token in the clear', async () => {
    await store.create(record('clear'));
    const fields = await raw.hgetall(KEY('clear'));
    expect(Object.keys(fields).sort()).toEqual(['record', 'tokens', 'version']);
    expect(JSON.stringify(fields)).not.toMatch(/Alex|alex@|callPurposes|access-|refresh-/);
    expect((await store.find('clear'))?.user.name).toBe('Alex Morgan');
  });

  const edits: [string, (idHash: string) => Promise<unknown>][] = [
    [
      'a flipped byte in the sealed record',
      async (idHash) => {
        const sealed = (await raw.hget(KEY(idHash), 'record')) ?? '';
        const at = sealed.length - 5;
        const flipped = sealed[at] === 'A' ? 'B' : 'A';
        await raw.hset(
          KEY(idHash),
          'record',
          `${sealed.slice(0, at)}${flipped}${sealed.slice(at + 1)}`,
        );
      },
    ],
    [
      "another session's record moved in (another user)",
      async (idHash) => {
        await store.create(record(`${idHash}-other`, 'Morgan Admin'));
        const other = await raw.hget(KEY(`${idHash}-other`), 'record');
        await raw.hset(KEY(idHash), 'record', other ?? '');
      },
    ],
    ['a version bumped by hand', (idHash) => raw.hset(KEY(idHash), 'version', '7')],
    ['a version that is not a number', (idHash) => raw.hset(KEY(idHash), 'version', 'x')],
    [
      'plain fields as before sealing (a later expiry)',
      (idHash) =>
        raw.hset(KEY(idHash), {
          user: JSON.stringify({ id: 1, name: 'Admin', email: null }),
          expiresAt: String(Date.now() + 86_400_000),
          record: '',
        }),
    ],
    ['tokens that do not parse', (idHash) => raw.hset(KEY(idHash), 'tokens', '{not json')],
    ['a record that is not even ours', (idHash) => raw.hset(KEY(idHash), 'record', 'abc.def')],
  ];

  it.each(edits)('ends the session, never throwing: %s', async (label, edit) => {
    const idHash = `edited-${label.replace(/\W/g, '')}`;
    await store.create(record(idHash));
    expect((await store.find(idHash))?.user.name).toBe('Alex Morgan');
    await edit(idHash);
    await expect(store.find(idHash)).resolves.toBeUndefined();
    expect(await raw.exists(KEY(idHash))).toBe(0);
  });

  it('still saves tokens by version, and the saved tokens read back', async () => {
    await store.create(record('saved'));
    const tokens = { ...record('saved'), accessToken: 'access-new' };
    expect(await store.saveTokens('saved', tokens, 0)).toBe(true);
    expect(await store.saveTokens('saved', tokens, 0)).toBe(false);
    expect(await store.find('saved')).toMatchObject({ accessToken: 'access-new', version: 1 });
  });
});

describe('REDIS_URL in logs and errors', () => {
  function capture() {
    const lines: string[] = [];
    const log = {
      warn: (object: unknown, message?: string) => lines.push(JSON.stringify([object, message])),
      info: (object: unknown, message?: string) => lines.push(JSON.stringify([object, message])),
    };
    return { lines, log };
  }

  async function failToStart(url: string) {
    const { lines, log } = capture();
    const error = await createRedisSessionStore({
      url,
      cipher: tokenCipher(SECRET),
      now,
      log,
    }).then(
      () => new Error('connected'),
      (failure: Error) => failure,
    );
    return { lines, message: error.message };
  }

  it('names only scheme, host, port and database', () => {
    expect(describeRedisUrl('redis://user:pw1@cache.internal:6380/2?password=pw2&db=3#x')).toBe(
      'redis://cache.internal:6380/2',
    );
    expect(describeRedisUrl('rediss://cache.internal?password=pw2')).toBe(
      'rediss://cache.internal',
    );
  });

  it('warns at start about a password-less, non-TLS Redis on another host, naming no secret', async () => {
    const exposed = await failToStart('redis://cache.invalid:6379/0?family=4');
    expect(exposed.lines.join('\n')).toMatch(/no password and no TLS/);
    expect(exposed.message).toContain('redis://cache.invalid:6379/0');
  });

  it.each([
    ['with a password in the user info', 'redis://:hunter2-secret@cache.invalid:6379/0'],
    ['with a password in the query', 'redis://cache.invalid:6379/0?password=hunter2-secret'],
    ['over TLS', 'rediss://cache.invalid:6379/0?name=hunter2-secret'],
  ])('neither warns nor leaks a password %s', async (_label, url) => {
    const { lines, message } = await failToStart(url);
    expect(lines.join('\n')).not.toMatch(/no password/);
    expect(`${lines.join('\n')}${message}`).not.toContain('hunter2');
    expect(message).toMatch(/^Redis at rediss?:\/\/cache\.invalid:6379\/0 is unreachable/);
  });

  it('does not warn about a Redis on this host', async () => {
    const port = await freePort();
    const { lines } = await failToStart(`redis://127.0.0.1:${port}/0`);
    expect(lines.join('\n')).not.toMatch(/no password/);
  });
});
