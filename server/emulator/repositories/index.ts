import type { EmulatorDatabase } from '../db';
import { createCallPurposeRepository } from './callPurposes';
import { createCallRepository } from './calls';
import { createOAuthRepository } from './oauth';
import { createUserRepository } from './users';

export type Repositories = ReturnType<typeof createRepositories>;

export function createRepositories(db: EmulatorDatabase) {
  return {
    callPurposes: createCallPurposeRepository(db),
    calls: createCallRepository(db),
    users: createUserRepository(db),
    oauth: createOAuthRepository(db),
    /** Groups several repository calls into one transaction (nested calls become savepoints). */
    transaction: <T>(work: () => T): T => db.transaction(work)(),
  };
}
