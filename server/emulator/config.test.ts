import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatEmulatorConfigErrors, parseEmulatorConfig } from './config';

function configOf(env: Record<string, string>) {
  const result = parseEmulatorConfig(env);
  if (!result.ok) throw new Error(formatEmulatorConfigErrors(result.errors));
  return result.config;
}

describe('parseEmulatorConfig', () => {
  it('has the documented defaults', () => {
    expect(configOf({})).toEqual({
      port: 8788,
      host: 'localhost',
      logLevel: 'warn',
      testClock: false,
      options: {
        dataDir: path.resolve('./data'),
        tokenTtlSeconds: 7200,
        refreshTokenTtlSeconds: 30 * 24 * 3600,
        codeTtlSeconds: 60,
        rateLimit: 10000,
        redirectUris: [],
      },
    });
  });

  it('reads every setting', () => {
    const config = configOf({
      DATA_DIR: '/tmp/x',
      EMULATOR_PORT: '0',
      HOST: '0.0.0.0',
      EMULATOR_TOKEN_TTL_SECONDS: '60',
      EMULATOR_REFRESH_TOKEN_TTL_SECONDS: '120',
      EMULATOR_CODE_TTL_SECONDS: '5',
      EMULATOR_RATE_LIMIT: '3',
      EMULATOR_REDIRECT_URIS: 'https://a.example/cb, https://b.example/cb',
      EMULATOR_LOG_LEVEL: 'info',
    });
    expect(config).toEqual({
      port: 0,
      host: '0.0.0.0',
      logLevel: 'info',
      testClock: false,
      options: {
        dataDir: '/tmp/x',
        tokenTtlSeconds: 60,
        refreshTokenTtlSeconds: 120,
        codeTtlSeconds: 5,
        rateLimit: 3,
        redirectUris: ['https://a.example/cb', 'https://b.example/cb'],
      },
    });
  });

  it('treats blank and space-padded values as unset and as the value', () => {
    const config = configOf({ EMULATOR_PORT: '  ', EMULATOR_RATE_LIMIT: ' 7 ' });
    expect(config.port).toBe(8788);
    expect(config.options.rateLimit).toBe(7);
  });

  it.each([
    ['EMULATOR_PORT', '70000'],
    ['EMULATOR_PORT', 'http'],
    ['EMULATOR_TOKEN_TTL_SECONDS', '0'],
    ['EMULATOR_TOKEN_TTL_SECONDS', '1.5'],
    ['EMULATOR_TOKEN_TTL_SECONDS', '1e3'],
    ['EMULATOR_TOKEN_TTL_SECONDS', '0x10'],
    ['EMULATOR_TOKEN_TTL_SECONDS', '+5'],
    ['EMULATOR_RATE_LIMIT', '-1'],
    ['EMULATOR_CODE_TTL_SECONDS', '61'],
    ['EMULATOR_LOG_LEVEL', 'loud'],
    ['EMULATOR_REDIRECT_URIS', 'not a url'],
    ['EMULATOR_REDIRECT_URIS', 'https://a.example/cb#frag'],
    ['EMULATOR_REDIRECT_URIS', 'https://a.example/cb, ftp://b.example/cb'],
  ])('rejects %s=%s with a message naming it and the value', (name, value) => {
    const result = parseEmulatorConfig({ [name]: value });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([expect.stringContaining(`${name} must be`)]);
    expect(!result.ok && result.errors[0]).toContain(`(got "${value}")`);
  });

  it('lists every problem at once, each naming the setting and the value it got', () => {
    const result = parseEmulatorConfig({
      EMULATOR_PORT: 'http',
      EMULATOR_RATE_LIMIT: '-1',
      EMULATOR_REDIRECT_URIS: 'not a url, https://a.example/cb#frag',
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        'EMULATOR_PORT must be a whole number from 0 to 65535 (got "http").',
        'EMULATOR_RATE_LIMIT must be a whole number from 1 to 1000000000 (got "-1").',
        'EMULATOR_REDIRECT_URIS must be comma-separated http(s) URLs without a fragment (got "not a url, https://a.example/cb#frag").',
      ],
    });
    expect(formatEmulatorConfigErrors(result.ok ? [] : result.errors)).toMatch(
      /^The emulator cannot start: 3 settings need fixing\.\n {2}- EMULATOR_PORT/,
    );
  });

  it('serves the test clock only to tests, on this machine', () => {
    const testRun = { NODE_ENV: 'test', EMULATOR_TEST_CLOCK: 'true' };
    expect(configOf(testRun).testClock).toBe(true);
    expect(configOf({ ...testRun, HOST: '::1' }).testClock).toBe(true);
    for (const env of [
      { ...testRun, NODE_ENV: 'production' },
      { ...testRun, HOST: '0.0.0.0' },
    ]) {
      expect(parseEmulatorConfig(env)).toEqual({
        ok: false,
        errors: [expect.stringMatching(/^EMULATOR_TEST_CLOCK=true is for tests only: it needs/)],
      });
    }
  });
});
