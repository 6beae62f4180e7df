import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmulatorConfigError, parseEmulatorConfig, readEmulatorConfig } from './config';

describe('readEmulatorConfig', () => {
  it('has the documented defaults', () => {
    expect(readEmulatorConfig({})).toEqual({
      dataDir: path.resolve('./data'),
      port: 8788,
      host: 'localhost',
      tokenTtlSeconds: 7200,
      refreshTokenTtlSeconds: 30 * 24 * 3600,
      codeTtlSeconds: 60,
      rateLimit: 10000,
      redirectUris: [],
      logLevel: 'warn',
    });
  });

  it('reads every setting', () => {
    const config = readEmulatorConfig({
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
    expect(config).toMatchObject({
      dataDir: '/tmp/x',
      port: 0,
      host: '0.0.0.0',
      tokenTtlSeconds: 60,
      refreshTokenTtlSeconds: 120,
      codeTtlSeconds: 5,
      rateLimit: 3,
      redirectUris: ['https://a.example/cb', 'https://b.example/cb'],
      logLevel: 'info',
    });
  });

  it('treats blank and space-padded values as unset and as the value', () => {
    expect(readEmulatorConfig({ EMULATOR_PORT: '  ', EMULATOR_RATE_LIMIT: ' 7 ' })).toMatchObject({
      port: 8788,
      rateLimit: 7,
    });
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
    ['EMULATOR_REDIRECT_URIS', 'not a url'],
    ['EMULATOR_REDIRECT_URIS', 'https://a.example/cb#frag'],
  ])('rejects %s=%s with a message naming it', (name, value) => {
    expect(() => readEmulatorConfig({ [name]: value })).toThrow(EmulatorConfigError);
    expect(() => readEmulatorConfig({ [name]: value })).toThrow(name);
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
        'EMULATOR_REDIRECT_URIS: "not a url" is not an absolute URL.',
        'EMULATOR_REDIRECT_URIS: "https://a.example/cb#frag" must be http(s) without a fragment.',
      ],
    });
    expect(() => readEmulatorConfig({ EMULATOR_PORT: 'http', EMULATOR_RATE_LIMIT: '-1' })).toThrow(
      /2 settings need fixing[\s\S]*EMULATOR_PORT[\s\S]*EMULATOR_RATE_LIMIT/,
    );
  });
});
