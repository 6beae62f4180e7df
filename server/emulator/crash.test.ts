// Durability: a write acknowledged with 2xx survives SIGKILL. Runs the real standalone
// server (`node --import tsx server/emulator/main.ts`) as a child process, streams POSTs at it,
// kills it mid-stream, restarts it on the same DATA_DIR and looks for every acknowledged write.
import type { ChildProcess } from 'node:child_process';
import { afterEach, expect, it } from 'vitest';
import { startEmulatorProcess, type EmulatorProcess } from './test/emulatorProcess';
import { JSON_API, purposeDocument, tempDataDir, tokenFor } from './test/harness';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

async function startServer(dataDir: string): Promise<EmulatorProcess> {
  const started = await startEmulatorProcess(dataDir, { EMULATOR_RATE_LIMIT: '1000000' });
  children.push(started.child);
  return started;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

it('finds every acknowledged write after a SIGKILL mid-stream', async () => {
  const dataDir = tempDataDir();
  const token = tokenFor(dataDir, 'admin');
  const first = await startServer(dataDir);

  const KILL_AFTER = 60;
  const acknowledged = new Map<number, string>();
  // Resolves when the writers have KILL_AFTER acknowledged writes: waiting on that, not a clock.
  let enoughWritten!: () => void;
  const enough = new Promise<void>((resolve) => (enoughWritten = resolve));
  let killed = false;
  const writer = async (lane: number) => {
    for (let n = 0; !killed; n++) {
      const name = `crash ${lane}-${n}`;
      try {
        const response = await fetch(`${first.url}/api/v2/callPurposes`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': JSON_API },
          body: JSON.stringify(purposeDocument({ name })),
        });
        if (response.status === 201) {
          const body = (await response.json()) as {
            data: { id: number; attributes: { name: string } };
          };
          acknowledged.set(body.data.id, body.data.attributes.name);
          if (acknowledged.size >= KILL_AFTER) enoughWritten();
        }
      } catch {
        return; // the server died under this request: it was never acknowledged
      }
    }
  };
  const lanes = [0, 1, 2, 3].map(writer);
  // Kill once a good number of writes are through, while the lanes are still sending (or
  // once every lane has given up, which the size check below then reports).
  await Promise.race([enough, Promise.all(lanes)]);
  first.child.kill('SIGKILL');
  killed = true;
  await Promise.all(lanes);
  await exited(first.child);
  expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);

  const second = await startServer(dataDir);
  const response = await fetch(`${second.url}/api/v2/callPurposes?page[size]=1000&sort=id`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  const stored = new Map(
    ((await response.json()) as { data: { id: number; attributes: { name: string } }[] }).data.map(
      (r) => [r.id, r.attributes.name],
    ),
  );
  const missing = [...acknowledged].filter(([id, name]) => stored.get(id) !== name);
  expect(missing).toEqual([]);
  // The seeded rows are intact too.
  expect(stored.get(1)).toBe('Initial Contact');

  // SIGTERM closes the server (and SQLite) gracefully.
  second.child.kill('SIGTERM');
  expect(await exited(second.child)).toBe(0);
}, 45_000);
