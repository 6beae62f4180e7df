// The standalone emulator (`server/emulator/main.ts`, as `npm run emulator` runs it) in a child
// process on a free port. The crash test needs a process it can SIGKILL; the benchmark needs the
// server on a core of its own, away from the load generator; the app server's integration tests
// and session benchmark need an upstream started as a person would start it.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export type EmulatorProcess = {
  child: ChildProcess;
  url: string;
  /** SIGTERM, and resolves with the exit code once it has closed its database. */
  stop: () => Promise<number | null>;
};

/** Starts the emulator on `dataDir` and resolves with its URL once it says it is listening. */
export function startEmulatorProcess(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/emulator/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, EMULATOR_PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`emulator did not start: ${output}`));
    }, 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        // From here on its output is only drained, so a chatty server never blocks on a full pipe.
        child.stdout.off('data', onData);
        child.stderr.off('data', onData);
        child.stdout.resume();
        child.stderr.pipe(process.stderr);
        resolve({ child, url: match[1], stop: () => stopGracefully(child) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited with ${code}: ${output}`));
    });
  });
}

function stopGracefully(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}
