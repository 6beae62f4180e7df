import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmulatorConfigError, readEmulatorConfig } from './config';

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
    });
  });

  it.each([
    ['EMULATOR_PORT', '70000'],
    ['EMULATOR_PORT', 'http'],
    ['EMULATOR_TOKEN_TTL_SECONDS', '0'],
    ['EMULATOR_TOKEN_TTL_SECONDS', '1.5'],
    ['EMULATOR_RATE_LIMIT', '-1'],
    ['EMULATOR_CODE_TTL_SECONDS', '61'],
    ['EMULATOR_REDIRECT_URIS', 'not a url'],
    ['EMULATOR_REDIRECT_URIS', 'https://a.example/cb#frag'],
  ])('rejects %s=%s with a message naming it', (name, value) => {
    expect(() => readEmulatorConfig({ [name]: value })).toThrow(EmulatorConfigError);
    expect(() => readEmulatorConfig({ [name]: value })).toThrow(name);
  });
});
