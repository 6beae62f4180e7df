/** A seeded user's role (DESIGN.md "Roles in the emulator"); `permissions.ts` says what each may do. */
export type Role = 'admin' | 'manager' | 'agent';
