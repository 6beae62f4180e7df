/**
 * The call purposes the emulator seeds a fresh database with: one list for the emulator, its
 * tests, the e2e specs, and the SPA tests that fake the list.
 */
export type SeededPurpose = {
  id: number;
  name: string;
  order: number;
  locked: boolean;
  creatorId: number;
};

// Orders leave gaps of 10 so that moving one purpose between two neighbours costs one PATCH.
export const SEEDED_PURPOSES: readonly SeededPurpose[] = [
  { id: 1, name: 'Initial Contact', order: 10, locked: true, creatorId: 1 },
  { id: 2, name: 'Follow Up', order: 20, locked: true, creatorId: 1 },
  { id: 3, name: 'Discovery Call', order: 30, locked: false, creatorId: 2 },
  { id: 4, name: 'Demo', order: 40, locked: false, creatorId: 2 },
  { id: 5, name: 'Pricing Discussion', order: 50, locked: false, creatorId: 1 },
  { id: 6, name: 'Negotiation', order: 60, locked: false, creatorId: 1 },
  { id: 7, name: 'Check-in', order: 70, locked: false, creatorId: 2 },
  { id: 8, name: 'Renewal', order: 80, locked: false, creatorId: 1 },
];
