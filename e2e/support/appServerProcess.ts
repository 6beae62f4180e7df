// Starts `server/server.ts` (app server + embedded emulator) as its own process on a fresh
// DATA_DIR, for tests and benchmarks whose writes must not disturb the shared e2e server.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';

export type AppServerProcess = { url: string; dataDir: string; stop(): Promise<void> };

export async function startAppServer({
  port,
  dataDir,
  env = {},
}: {
  port: number;
  dataDir: string;
  env?: Record<string, string>;
}): Promise<AppServerProcess> {
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/ is missing: run `npm run build` first (npm run test:e2e does).');
  }
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/server.ts'], {
    env: { ...process.env, NODE_ENV: 'test', PORT: String(port), DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit').catch(() => undefined);
  try {
    await readyLine(child);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      // A clean stop closes SQLite; one that hangs past the server's own grace is killed.
      const grace = AbortSignal.timeout(15_000);
      await Promise.race([exited, once(grace, 'abort')]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** Resolves on the line server.ts prints once it listens; rejects if its output ends first. */
async function readyLine(child: ChildProcess): Promise<void> {
  const stdout = child.stdout;
  if (stdout === null) throw new Error('the app server has no stdout to read');
  for await (const line of createInterface({ input: stdout })) {
    if (line.startsWith('Call purpose admin is ready')) {
      stdout.resume(); // keep draining what it logs, so it never blocks on a full pipe
      return;
    }
  }
  throw new Error(`the app server exited (${String(child.exitCode)}) before it was ready`);
}
