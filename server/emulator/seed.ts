import { SEEDED_PURPOSES } from '../../shared/seededPurposes';
import { SEEDED_CLIENT } from '../shared/seededClient';
import type { EmulatorDatabase } from './db';
import type { Role } from './domain/roles';
import { sha256Hex } from './domain/sha256';
import { insertSeedRows, type SeedRows } from './repositories/seedRows';

export type SeededUser = {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
};

export const SEEDED_USERS: readonly SeededUser[] = [
  { id: 1, email: 'alex.morgan@example.com', firstName: 'Alex', lastName: 'Morgan', role: 'admin' },
  { id: 2, email: 'maria.chen@example.com', firstName: 'Maria', lastName: 'Chen', role: 'manager' },
  { id: 3, email: 'sam.patel@example.com', firstName: 'Sam', lastName: 'Patel', role: 'agent' },
];

/**
 * How many logged calls use each seeded purpose (key: purpose id; `null`: calls logged without
 * a purpose). Uneven on purpose: some purposes carry a reporting history, some none at all.
 */
export const SEEDED_CALL_COUNTS: ReadonlyMap<number | null, number> = new Map([
  [1, 1204],
  [2, 873],
  [3, 342],
  [4, 157],
  [5, 41],
  [6, 12],
  [7, 0],
  [8, 3],
  [null, 60],
]);

const CALL_OUTCOMES = ['Answered', 'No Answer', 'Left Voicemail', 'Busy'] as const;

/** Deterministic calls over the past 30 days, interleaved across purposes like a real log. */
function seededCalls(now: Date): SeedRows['calls'] {
  const queues = [...SEEDED_CALL_COUNTS].map(([purposeId, count]) => ({ purposeId, left: count }));
  const total = queues.reduce((sum, queue) => sum + queue.left, 0);
  const spanMs = 30 * 24 * 60 * 60 * 1000;
  const calls: SeedRows['calls'] = [];
  while (calls.length < total) {
    for (const queue of queues) {
      if (queue.left === 0) continue;
      queue.left -= 1;
      const index = calls.length;
      const createdAt = new Date(now.getTime() - spanMs + Math.floor((index * spanMs) / total));
      calls.push({
        direction: index % 3 === 0 ? 'inbound' : 'outbound',
        outcome: CALL_OUTCOMES[index % CALL_OUTCOMES.length] ?? 'Answered',
        state: 'completed',
        callPurposeId: queue.purposeId,
        // Mostly the agent logs calls; the manager and the admin now and then.
        userId: index % 5 === 0 ? 2 : index % 11 === 0 ? 1 : 3,
        createdAt: createdAt.toISOString(),
      });
    }
  }
  return calls;
}

/** Called by the migration step only when the database file was created just now. */
export function seedFreshDatabase(db: EmulatorDatabase, now: Date = new Date()): void {
  const dayMs = 24 * 60 * 60 * 1000;
  // Spread creation dates over the past weeks so that sorting by createdAt means something.
  const purposeTimes = SEEDED_PURPOSES.map((purpose) =>
    new Date(now.getTime() - (SEEDED_PURPOSES.length + 1 - purpose.id) * 3 * dayMs).toISOString(),
  );
  const userTime = new Date(now.getTime() - 60 * dayMs).toISOString();
  insertSeedRows(db, {
    users: SEEDED_USERS.map((user) => ({ ...user, createdAt: userTime })),
    purposes: SEEDED_PURPOSES.map((purpose, index) => ({
      ...purpose,
      createdAt: purposeTimes[index] ?? userTime,
    })),
    calls: seededCalls(now),
    client: {
      clientId: SEEDED_CLIENT.clientId,
      secretSha256: sha256Hex(SEEDED_CLIENT.clientSecret),
      name: SEEDED_CLIENT.name,
    },
  });
}
