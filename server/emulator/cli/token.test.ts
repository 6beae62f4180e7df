// The token command as a newcomer runs it: a child process that prints only the token.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRootDocument } from '../test/documents';
import { repoRoot, startEmulator, tempDataDir, type Emulator } from '../test/harness';

function runTokenCommand(dataDir: string, ...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/emulator/cli/token.ts', ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('token command', () => {
  const dataDir = tempDataDir();
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ dataDir });
  });
  afterAll(() => emulator.close());

  it('prints only a token that a server on the same DATA_DIR accepts', async () => {
    const { status, stdout, stderr } = runTokenCommand(
      dataDir,
      'manager',
      '--scope',
      'callPurposes.read',
    );
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^[A-Za-z0-9_-]{43}\n$/);
    const response = await emulator.request({
      method: 'GET',
      url: '/api/v2',
      token: stdout.trim(),
    });
    expect(response.json<ApiRootDocument>().meta).toEqual({
      user: { id: 2, email: 'maria.chen@example.com', firstName: 'Maria', lastName: 'Chen' },
      scopes: ['callPurposes.read'],
    });
  });

  it('mints calls scopes too', async () => {
    const { status, stdout } = runTokenCommand(
      dataDir,
      'agent',
      '--scope',
      'callPurposes.all calls.read',
    );
    expect(status).toBe(0);
    const response = await emulator.request({
      method: 'GET',
      url: '/api/v2/calls?page[size]=1',
      token: stdout.trim(),
    });
    expect(response.statusCode).toBe(200);
  });

  it('accepts an email and defaults to callPurposes.all', async () => {
    const { stdout } = runTokenCommand(dataDir, 'sam.patel@example.com');
    const response = await emulator.request({
      method: 'GET',
      url: '/api/v2',
      token: stdout.trim(),
    });
    expect(response.json<ApiRootDocument>().meta.scopes).toEqual(['callPurposes.all']);
  });

  it('exits 1 with a clear message for an unknown user or scope, printing no token', () => {
    const unknownUser = runTokenCommand(dataDir, 'nobody');
    expect(unknownUser).toMatchObject({ status: 1, stdout: '' });
    expect(unknownUser.stderr).toContain('No seeded user "nobody"');
    const badScope = runTokenCommand(dataDir, 'admin', '--scope', 'callPurposes.everything');
    expect(badScope).toMatchObject({ status: 1, stdout: '' });
    expect(badScope.stderr).toContain('Unknown scope');
  });

  it('creates and seeds the database itself when run first', () => {
    const fresh = tempDataDir();
    expect(runTokenCommand(fresh, 'admin').status).toBe(0);
  });
});
