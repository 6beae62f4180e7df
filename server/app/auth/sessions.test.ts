import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestClock, type TestClock } from '../../testing/testClock';
import { openAppDatabase, type AppDatabase } from '../db/database';
import { createSessionRepository, type SessionRepository } from '../db/sessionRepository';
import { TokenGrantError, type TokenGrant } from './oauthClient';
import { createSessionService, SessionEndedError } from './sessions';

// The upstream's token endpoint is not what these tests are about (the integration tests use the
// real emulator); a counter stands in for it so the lock's behaviour can be counted.
function fakeRefresher(answer: (refreshToken: string, call: number) => Promise<TokenGrant>) {
  const calls: string[] = [];
  return {
    calls,
    refresh(refreshToken: string) {
      calls.push(refreshToken);
      return answer(refreshToken, calls.length);
    },
  };
}

const TOKEN_LIFE_SECONDS = 7200;
const grant = (n: number, refreshToken: string | null = `refresh-${n}`): TokenGrant => ({
  accessToken: `access-${n}`,
  refreshToken,
  expiresInSeconds: TOKEN_LIFE_SECONDS,
  scopes: ['callPurposes.all'],
});

describe('session service', () => {
  let dir: string;
  let db: AppDatabase;
  let repo: SessionRepository;
  let clock: TestClock;
  const now = () => clock.now();
  const config = { sessionTtlSeconds: 43200, refreshLeewaySeconds: 60 };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'app-sessions-'));
    db = openAppDatabase(dir);
    repo = createSessionRepository(db);
    clock = createTestClock();
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function openSession(service: ReturnType<typeof createSessionService>) {
    return service.open(grant(0), { id: 1, name: 'Alex Morgan', email: 'a@example.com' }, [
      'callPurposes.all',
    ]);
  }

  it('hands out the stored token while it is fresh', async () => {
    const oauth = fakeRefresher(() => Promise.resolve(grant(1)));
    const service = createSessionService(config, repo, oauth, now);
    const { id, session } = openSession(service);
    expect(service.find(id)?.user.name).toBe('Alex Morgan');
    await expect(service.accessToken(session)).resolves.toBe('access-0');
    expect(oauth.calls).toEqual([]);
  });

  it('refreshes ahead from the first millisecond of the leeway, not before', async () => {
    const oauth = fakeRefresher((_token, call) => Promise.resolve(grant(call)));
    const service = createSessionService(config, repo, oauth, now);
    const { session } = openSession(service);
    clock.advance((TOKEN_LIFE_SECONDS - config.refreshLeewaySeconds) * 1000 - 1);
    await expect(service.accessToken(session)).resolves.toBe('access-0');
    expect(oauth.calls).toEqual([]);
    clock.advance(1);
    await expect(service.accessToken(session)).resolves.toBe('access-1');
    expect(oauth.calls).toEqual(['refresh-0']);
  });

  it('refreshes once for N concurrent requests shortly before expiry', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const oauth = fakeRefresher(async (_token, call) => {
      await gate;
      return grant(call);
    });
    const service = createSessionService(config, repo, oauth, now);
    const { session } = openSession(service);
    // Half the leeway before expiry: inside it.
    clock.advance((TOKEN_LIFE_SECONDS - config.refreshLeewaySeconds / 2) * 1000);
    const tokens = Promise.all(Array.from({ length: 8 }, () => service.accessToken(session)));
    release();
    expect(await tokens).toEqual(Array(8).fill('access-1'));
    expect(oauth.calls).toEqual(['refresh-0']);
    // The rotated refresh token is what the next refresh uses.
    clock.advance(TOKEN_LIFE_SECONDS * 1000);
    await expect(service.accessToken(session)).resolves.toBe('access-2');
    expect(oauth.calls).toEqual(['refresh-0', 'refresh-1']);
  });

  it('refreshes once after concurrent 401s, and not again for a late 401 on the old token', async () => {
    const oauth = fakeRefresher((_token, call) => Promise.resolve(grant(call)));
    const service = createSessionService(config, repo, oauth, now);
    const { session } = openSession(service);
    const retried = await Promise.all(
      Array.from({ length: 5 }, () => service.accessTokenAfterRejection(session, 'access-0')),
    );
    expect(retried).toEqual(Array(5).fill('access-1'));
    await expect(service.accessTokenAfterRejection(session, 'access-0')).resolves.toBe('access-1');
    expect(oauth.calls).toHaveLength(1);
  });

  it('keeps the old refresh token when the upstream does not rotate it', async () => {
    const oauth = fakeRefresher((_token, call) => Promise.resolve(grant(call, null)));
    const service = createSessionService(config, repo, oauth, now);
    const { session } = openSession(service);
    await service.accessTokenAfterRejection(session, 'access-0');
    await service.accessTokenAfterRejection(session, 'access-1');
    expect(oauth.calls).toEqual(['refresh-0', 'refresh-0']);
  });

  it('ends the session when the refresh token is refused', async () => {
    const oauth = fakeRefresher(() =>
      Promise.reject(new TokenGrantError(400, 'invalid_grant', null)),
    );
    const service = createSessionService(config, repo, oauth, now);
    const { id, session } = openSession(service);
    const attempts = Array.from({ length: 3 }, () =>
      service.accessTokenAfterRejection(session, 'access-0'),
    );
    for (const attempt of attempts) await expect(attempt).rejects.toBeInstanceOf(SessionEndedError);
    expect(oauth.calls).toHaveLength(1);
    expect(service.find(id)).toBeUndefined();
  });

  it('keeps the session when the token endpoint only says "not now"', async () => {
    const oauth = fakeRefresher(() =>
      Promise.reject(new TokenGrantError(429, 'rate_limited', '30')),
    );
    const service = createSessionService(config, repo, oauth, now);
    const { id, session } = openSession(service);
    await expect(service.accessTokenAfterRejection(session, 'access-0')).rejects.toBeInstanceOf(
      TokenGrantError,
    );
    expect(service.find(id)).toMatchObject({ accessToken: 'access-0', refreshToken: 'refresh-0' });
  });

  it('ends sessions after SESSION_TTL_SECONDS', () => {
    const service = createSessionService(
      config,
      repo,
      fakeRefresher(() => Promise.resolve(grant(1))),
      now,
    );
    const { id } = openSession(service);
    clock.advance(config.sessionTtlSeconds * 1000 - 1);
    expect(service.find(id)?.user.name).toBe('Alex Morgan');
    clock.advance(1);
    expect(service.find(id)).toBeUndefined();
  });

  it('stores only a hash of the session id', () => {
    const service = createSessionService(
      config,
      repo,
      fakeRefresher(() => Promise.resolve(grant(1))),
      now,
    );
    const { id } = openSession(service);
    const rows = db.prepare('SELECT id_hash FROM sessions').all() as { id_hash: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id_hash).not.toBe(id);
  });
});
