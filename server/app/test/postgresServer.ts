// A private PostgreSQL for one test run: a new cluster in a temporary directory, on a free port,
// listening on loopback and a socket in that directory, removed when stopped. It never touches a
// cluster already running. PostgreSQL refuses to run as root, so as root the cluster belongs to
// the `postgres` user (Debian's package creates it) and its programs run as that user (spawned
// with its uid directly rather than through `runuser`, so that signals reach the server).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './harness';

export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

export interface TestPostgres {
  /** `postgres://…` for the cluster's `postgres` database as its superuser. */
  url: string;
  stop(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;

/** The URL of a test cluster on `port`: its `postgres` database, as the cluster's superuser. */
export function testPostgresUrl(port: number): string {
  return `postgres://${asRoot ? 'postgres' : userInfo().username}@127.0.0.1:${port}/postgres`;
}

/** As root: the `postgres` user's ids, for the cluster's files and processes. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (!asRoot) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  return { uid: id('-u'), gid: id('-g') };
}

/** On `port` when given (a test server others connect to), else on a free one. */
export async function startTestPostgres(port?: number): Promise<TestPostgres> {
  if (!existsSync(join(POSTGRES_BIN, 'postgres'))) {
    throw new Error(
      `No PostgreSQL in ${POSTGRES_BIN}: install Debian's postgresql package (apt-get install -y postgresql), or set POSTGRES_BIN.`,
    );
  }
  const user = postgresUser();
  const owner = user === undefined ? userInfo().username : 'postgres';
  const dir = mkdtempSync(join(tmpdir(), 'cpa-postgres-'));
  // The cluster's owner must be able to enter it; nobody else has business there.
  if (user !== undefined) chownSync(dir, user.uid, user.gid);
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  execFileSync(
    join(POSTGRES_BIN, 'initdb'),
    ['-D', data, '-U', owner, '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8'],
    { stdio: 'pipe', ...user },
  );

  const listenOn = port ?? (await freePort());
  const child = await launch(
    join(POSTGRES_BIN, 'postgres'),
    [
      ...['-D', data, '-p', String(listenOn), '-k', dir, '-h', '127.0.0.1'],
      // A test cluster: nothing here needs to survive a crash.
      ...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    ],
    user,
  );
  return {
    url: testPostgresUrl(listenOn),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        // SIGINT: "fast" shutdown (disconnects clients, no waiting for them).
        child.kill('SIGINT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function launch(
  program: string,
  args: string[],
  user: { uid: number; gid: number } | undefined,
): Promise<ChildProcess> {
  const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], ...user });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`postgres did not start:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/ready to accept connections/.test(output)) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`postgres exited with ${code}:\n${output}`));
    });
  });
}
