import { describe, expect, it } from 'vitest';
import { SEEDED_CLIENT } from '../shared/seededClient';
import { loopbackHost } from '../shared/loopback';
import { formatConfigErrors, parseAppConfig } from './config';

const REAL = {
  OUTREACH_API_URL: 'https://api.outreach.io/api/v2',
  OUTREACH_OAUTH_URL: 'https://api.outreach.io/oauth/',
  OUTREACH_CLIENT_ID: 'client-id',
  OUTREACH_CLIENT_SECRET: 'client-secret',
  PUBLIC_URL: 'https://admin.example.com',
  SESSION_SECRET: 'x'.repeat(32),
};

function errorsOf(env: Record<string, string | undefined>): string[] {
  const result = parseAppConfig(env);
  return result.ok ? [] : result.errors;
}

describe('parseAppConfig', () => {
  it('defaults to the embedded emulator with its seeded client', () => {
    const result = parseAppConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { config } = result;
    expect(config.PORT).toBe(8787);
    expect(config.HOST).toBe('localhost');
    expect(config.publicUrl).toBe('http://localhost:8787');
    expect(config.SESSION_TTL_SECONDS).toBe(43200);
    expect(config.SESSION_SECRET).toBeUndefined();
    expect(config.upstream).toEqual({
      embedded: true,
      apiUrl: 'http://localhost:8787/emulator/api/v2',
      authorizeUrl: 'http://localhost:8787/emulator/oauth/authorize',
      tokenUrl: 'http://localhost:8787/emulator/oauth/token',
      clientId: SEEDED_CLIENT.clientId,
      clientSecret: SEEDED_CLIENT.clientSecret,
      scope: 'callPurposes.all calls.read',
    });
  });

  it('keeps sessions in SQLite unless REDIS_URL is set; Redis needs the shared SESSION_SECRET', () => {
    const sqlite = parseAppConfig({});
    expect(sqlite.ok && sqlite.config.REDIS_URL).toBeUndefined();
    expect(sqlite.ok && sqlite.config.REFRESH_LOCK_SECONDS).toBe(10);

    const redis = parseAppConfig({
      REDIS_URL: 'rediss://:pw@cache.example.com:6380/2',
      DATABASE_URL: 'postgres://app:pw@db.example.com:5432/callpurposes',
      SESSION_SECRET: 'y'.repeat(32),
      SESSION_SECRET_PREVIOUS: 'z'.repeat(32),
      REFRESH_LOCK_SECONDS: '3',
    });
    expect(redis.ok).toBe(true);
    if (!redis.ok) return;
    expect(redis.config.REDIS_URL).toBe('rediss://:pw@cache.example.com:6380/2');
    expect(redis.config.SESSION_SECRET_PREVIOUS).toBe('z'.repeat(32));
    expect(redis.config.REFRESH_LOCK_SECONDS).toBe(3);
    expect(redis.config.DATABASE_URL).toBe('postgres://app:pw@db.example.com:5432/callpurposes');
    expect(redis.config.HISTORY_RETENTION_DAYS).toBe(400);

    const errors = errorsOf({
      REDIS_URL: 'http://:pw@cache.example.com',
      SESSION_SECRET_PREVIOUS: 'short',
      REFRESH_LOCK_SECONDS: '0',
    });
    expect(errors.join('\n')).not.toContain(':pw@');
    expect(errors).toEqual([
      'SESSION_SECRET_PREVIOUS must be at least 32 characters long (it has 5 characters); it is the SESSION_SECRET before the current one.',
      'REDIS_URL must be a redis:// or rediss:// URL such as redis://localhost:6379/0 (it has 28 characters).',
      'REFRESH_LOCK_SECONDS must be a whole number from 1 to 120 (got "0").',
      expect.stringMatching(
        /^DATABASE_URL is required with REDIS_URL: app servers sharing a Redis/,
      ),
      expect.stringMatching(/^SESSION_SECRET is required with REDIS_URL: every app server/),
    ]);
    const database = errorsOf({
      DATABASE_URL: 'mysql://root:hunter2@db/x',
      HISTORY_RETENTION_DAYS: '0',
    });
    expect(database.join('\n')).not.toContain('hunter2');
    expect(database).toEqual([
      expect.stringMatching(/^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/),
      'HISTORY_RETENTION_DAYS must be a whole number from 1 to 36500 (got "0").',
    ]);
  });

  it('sends the browser to PUBLIC_URL but calls the embedded emulator on its own port', () => {
    const result = parseAppConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      PUBLIC_URL: 'http://127.0.0.1:9000/',
    });
    expect(result.ok && result.config.upstream).toMatchObject({
      authorizeUrl: 'http://127.0.0.1:9000/emulator/oauth/authorize',
      apiUrl: 'http://localhost:9000/emulator/api/v2',
    });
    expect(result.ok && result.config.publicUrl).toBe('http://127.0.0.1:9000');
  });

  it('uses the Vite dev server as PUBLIC_URL in --dev and serves no dist', () => {
    const result = parseAppConfig({}, { dev: true });
    expect(result.ok && result.config.publicUrl).toBe('http://localhost:5173');
    expect(result.ok && result.config.distDir).toBeNull();
  });

  it('accepts a complete real-Outreach configuration', () => {
    const result = parseAppConfig(REAL);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.upstream).toEqual({
      embedded: false,
      apiUrl: 'https://api.outreach.io/api/v2',
      authorizeUrl: 'https://api.outreach.io/oauth/authorize',
      tokenUrl: 'https://api.outreach.io/oauth/token',
      clientId: 'client-id',
      clientSecret: 'client-secret',
      scope: 'callPurposes.all calls.read',
    });
    expect(result.config.SESSION_SECRET).toBe(REAL.SESSION_SECRET);
  });

  it('lists everything missing for real Outreach at once', () => {
    const errors = errorsOf({ OUTREACH_API_URL: 'https://api.outreach.io/api/v2' });
    expect(errors).toHaveLength(5);
    for (const name of [
      'OUTREACH_OAUTH_URL',
      'OUTREACH_CLIENT_ID',
      'OUTREACH_CLIENT_SECRET',
      'PUBLIC_URL',
      'SESSION_SECRET',
    ]) {
      expect(errors.some((error) => error.startsWith(name))).toBe(true);
    }
  });

  it('rejects malformed values with the value it got', () => {
    const errors = errorsOf({
      ...REAL,
      OUTREACH_API_URL: 'api.outreach.io',
      OUTREACH_OAUTH_URL: 'ftp://x',
      PUBLIC_URL: 'https://admin.example.com/app',
      SESSION_SECRET: 'short',
      PORT: '80a',
      SESSION_TTL_SECONDS: '-5',
      LOG_LEVEL: 'loud',
    });
    expect(errors).toHaveLength(7);
    expect(errors.join('\n')).toContain('"api.outreach.io"');
    expect(errors.join('\n')).toContain('at least 32 characters');
    expect(errors).toEqual([
      'PORT must be a whole number from 1 to 65535 (got "80a").',
      'SESSION_TTL_SECONDS must be a whole number from 60 to 31536000 (got "-5").',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud").',
      'PUBLIC_URL must be an origin without a path, query or fragment (got "https://admin.example.com/app"); the app is served from the root.',
      'SESSION_SECRET must be at least 32 characters long (it has 5 characters); generate one with: openssl rand -base64 48',
      'OUTREACH_API_URL must be an http(s) URL such as https://api.outreach.io/api/v2 (got "api.outreach.io").',
      'OUTREACH_OAUTH_URL must be an http(s) URL such as https://api.outreach.io/oauth (got "ftp://x").',
    ]);
  });

  it.each(['1e3', '0x50', '+80', '80.0', '0', '65536'])(
    'takes PORT=%s for no number: whole numbers are digits, within range',
    (port) => {
      expect(errorsOf({ PORT: port })).toEqual([
        `PORT must be a whole number from 1 to 65535 (got "${port}").`,
      ]);
    },
  );

  it('reads space-padded whole numbers and URLs as what they say', () => {
    const result = parseAppConfig({ PORT: ' 9000 ', PUBLIC_URL: ' http://127.0.0.1:9000 ' });
    expect(result.ok && result.config.PORT).toBe(9000);
    expect(result.ok && result.config.publicUrl).toBe('http://127.0.0.1:9000');
  });

  it('refuses half a real-Outreach configuration rather than silently using the emulator', () => {
    const errors = errorsOf({ OUTREACH_CLIENT_ID: 'id', OUTREACH_CLIENT_SECRET: 'secret' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(
      'OUTREACH_CLIENT_ID, OUTREACH_CLIENT_SECRET are set but OUTREACH_API_URL is not',
    );
  });

  describe('the embedded emulator at a public address (anyone could sign in as anyone)', () => {
    it('refuses to start, saying why and how to go on', () => {
      const errors = errorsOf({ PUBLIC_URL: 'https://purposes.example.com' });
      expect(errors).toEqual([
        'PUBLIC_URL\'s host purposes.example.com is not this machine, and the embedded emulator would serve it: anyone who opens it could sign in as any user, the admin included (the emulator has no passwords). Set OUTREACH_API_URL, OUTREACH_OAUTH_URL, OUTREACH_CLIENT_ID, OUTREACH_CLIENT_SECRET and SESSION_SECRET to use a real Outreach, or EMULATOR_PUBLIC_DEMO=true for a public demo, whose every page then says "Demo: anyone can sign in as anyone".',
      ]);
      const message = formatConfigErrors(errors).split('\n');
      expect(message[0]).toBe('The app server cannot start: one setting needs fixing.');
      expect(message.at(-1)).toContain('PUBLIC_URL on localhost');
    });

    it.each([
      'http://purposes.internal:8787',
      'http://192.168.1.20:8787',
      'http://0.0.0.0:8787',
      'http://127.0.0.1.nip.io:8787',
      'http://localhost.example.com',
      'http://[::2]:8787',
    ])('counts %s as public', (publicUrl) => {
      expect(errorsOf({ PUBLIC_URL: publicUrl })).toEqual([
        expect.stringContaining('is not this machine'),
      ]);
    });

    it.each([
      'http://localhost:8787',
      'http://127.0.0.1:9000',
      'http://127.1.2.3',
      'http://[::1]:8787',
    ])('serves %s, a loopback address, without a banner', (publicUrl) => {
      const result = parseAppConfig({ PUBLIC_URL: publicUrl });
      expect(result.ok && result.config.publicDemo).toBe(false);
    });

    it('serves a public demo asked for by name, which then says so', () => {
      const result = parseAppConfig({
        PUBLIC_URL: 'https://purposes.example.com',
        EMULATOR_PUBLIC_DEMO: 'true',
      });
      expect(result.ok && result.config.publicDemo).toBe(true);
      expect(result.ok && result.config.upstream.embedded).toBe(true);
      // On this machine too: the flag is the banner, wherever the demo runs.
      const local = parseAppConfig({ EMULATOR_PUBLIC_DEMO: ' true ' });
      expect(local.ok && local.config.publicDemo).toBe(true);
    });

    it('takes EMULATOR_PUBLIC_DEMO as true or false only', () => {
      expect(errorsOf({ EMULATOR_PUBLIC_DEMO: 'yes' })).toEqual([
        'EMULATOR_PUBLIC_DEMO must be true or false (got "yes").',
      ]);
      const off = parseAppConfig({
        EMULATOR_PUBLIC_DEMO: 'false',
        PUBLIC_URL: 'https://a.example',
      });
      expect(off.ok).toBe(false);
    });

    it('has nothing to say about a real Outreach, which signs people in itself', () => {
      const result = parseAppConfig({ ...REAL, EMULATOR_PUBLIC_DEMO: 'true' });
      expect(result.ok && result.config.publicDemo).toBe(false);
    });
  });

  it('treats blank variables as unset', () => {
    expect(parseAppConfig({ OUTREACH_API_URL: '  ', PORT: '' }).ok).toBe(true);
  });

  it('formats one message naming every problem', () => {
    const message = formatConfigErrors(['A is wrong.', 'B is wrong.']);
    expect(message.split('\n')).toEqual([
      'The app server cannot start: 2 settings need fixing.',
      '  - A is wrong.',
      '  - B is wrong.',
      expect.stringContaining('embedded emulator'),
    ]);
  });
});

describe('loopbackHost', () => {
  it('maps wildcard binds to localhost and brackets IPv6 literals', () => {
    expect(loopbackHost('0.0.0.0')).toBe('localhost');
    expect(loopbackHost('::')).toBe('localhost');
    expect(loopbackHost('127.0.0.1')).toBe('127.0.0.1');
    expect(loopbackHost('::1')).toBe('[::1]');
  });
});
