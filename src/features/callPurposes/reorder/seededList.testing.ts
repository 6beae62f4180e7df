// The emulator's seeded list (shared/seededPurposes.ts) as the reorder tests fake it: eight
// purposes ordered 10, 20, …, 80, the locked system defaults first.
import { SEEDED_PURPOSES } from '../../../../shared/seededPurposes';

export const SEEDED_NAMES = SEEDED_PURPOSES.map((purpose) => purpose.name);

export const LOCKED_COUNT = SEEDED_PURPOSES.filter((purpose) => purpose.locked).length;

/** The seeded `order` of the purpose at `index`: gaps of 10, so a move into one costs one PATCH. */
export const seededOrder = (index: number) => SEEDED_PURPOSES[index]?.order ?? 0;

/** Where a move to the very top lands: halfway between 0 and the first seeded order. */
export const TOP_ORDER = seededOrder(0) / 2;

/** The last seeded order; a move to the bottom lands TAIL_STEP after it. */
export const LAST_ORDER = seededOrder(SEEDED_PURPOSES.length - 1);
