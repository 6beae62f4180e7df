import type { EmulatorDatabase } from '../db';
import { createCallPurposeRepository } from './callPurposes';
import { createOAuthRepository } from './oauth';
import { createUserRepository } from './users';

export type Repositories = ReturnType<typeof createRepositories>;

export function createRepositories(db: EmulatorDatabase) {
  return {
    callPurposes: createCallPurposeRepository(db),
    users: createUserRepository(db),
    oauth: createOAuthRepository(db),
    /** Groups several repository calls into one transaction (nested calls become savepoints). */
    transaction: <T>(work: () => T): T => db.transaction(work)(),
  };
}
