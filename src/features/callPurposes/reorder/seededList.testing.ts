// The emulator's seeded list as the reorder tests fake it: eight purposes ordered 10, 20, …, 80,
// the first two locked (system defaults a manager may not move).
export const SEEDED_NAMES = [
  'Initial Contact',
  'Follow Up',
  'Discovery Call',
  'Demo',
  'Pricing Discussion',
  'Negotiation',
  'Check-in',
  'Renewal',
] as const;

export const LOCKED_COUNT = 2;

/** The seeded `order` of the purpose at `index`: gaps of 10, so a move into one costs one PATCH. */
export const seededOrder = (index: number) => (index + 1) * 10;

/** Where a move to the very top lands: halfway between 0 and the first seeded order. */
export const TOP_ORDER = seededOrder(0) / 2;

/** The last seeded order; a move to the bottom lands TAIL_STEP after it. */
export const LAST_ORDER = seededOrder(SEEDED_NAMES.length - 1);
