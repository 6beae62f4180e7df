import type { EmulatorDatabase } from '../db';
import type { UserRow } from './users';

export type SeedRows = {
  /** A seeded user is created and last updated at the same moment. */
  users: Omit<UserRow, 'updatedAt'>[];
  purposes: {
    id: number;
    name: string;
    order: number;
    locked: boolean;
    creatorId: number;
    createdAt: string;
  }[];
  /** A seeded call is created and last updated at the same moment. */
  calls: {
    direction: 'inbound' | 'outbound';
    outcome: string;
    state: string;
    callPurposeId: number | null;
    userId: number;
    createdAt: string;
  }[];
  client: { clientId: string; secretSha256: string; name: string };
};

/** Runs inside the caller's migration transaction. */
export function insertSeedRows(db: EmulatorDatabase, rows: SeedRows): void {
  const insertUser = db.prepare(
    `INSERT INTO users (id, email, first_name, last_name, role, created_at, updated_at)
     VALUES (@id, @email, @firstName, @lastName, @role, @createdAt, @createdAt)`,
  );
  const insertPurpose = db.prepare(
    `INSERT INTO call_purposes (id, name, "order", locked, creator_id, created_at, updated_at)
     VALUES (@id, @name, @order, @locked, @creatorId, @createdAt, @createdAt)`,
  );
  const insertCall = db.prepare(
    `INSERT INTO calls (direction, outcome, state, call_purpose_id, user_id, created_at, updated_at)
     VALUES (@direction, @outcome, @state, @callPurposeId, @userId, @createdAt, @createdAt)`,
  );
  const insertClient = db.prepare(
    'INSERT INTO oauth_clients (client_id, secret_sha256, name) VALUES (@clientId, @secretSha256, @name)',
  );
  for (const user of rows.users) insertUser.run(user);
  for (const purpose of rows.purposes)
    insertPurpose.run({ ...purpose, locked: purpose.locked ? 1 : 0 });
  for (const call of rows.calls) insertCall.run(call);
  insertClient.run(rows.client);
}
