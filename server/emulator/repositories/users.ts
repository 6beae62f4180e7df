import type { EmulatorDatabase } from '../db';
import type { Role } from '../domain/roles';

export type UserRow = {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  createdAt: string;
  updatedAt: string;
};

const COLUMNS = `id, email, first_name AS firstName, last_name AS lastName, role,
  created_at AS createdAt, updated_at AS updatedAt`;

export type UserRepository = ReturnType<typeof createUserRepository>;

export function createUserRepository(db: EmulatorDatabase) {
  const byId = db.prepare<[number], UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
  const byEmail = db.prepare<[string], UserRow>(
    `SELECT ${COLUMNS} FROM users WHERE email = ? COLLATE NOCASE`,
  );
  const byRole = db.prepare<[string], UserRow>(
    `SELECT ${COLUMNS} FROM users WHERE role = ? ORDER BY id LIMIT 1`,
  );
  const all = db.prepare<[], UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY id`);

  return {
    findById: (id: number): UserRow | undefined => byId.get(id),
    findByEmail: (email: string): UserRow | undefined => byEmail.get(email),
    /** The first user with this role: the token CLI accepts a role as a shorthand. */
    findFirstByRole: (role: string): UserRow | undefined => byRole.get(role),
    listAll: (): UserRow[] => all.all(),
  };
}
