import pLimit from 'p-limit';
import { nameKey } from '../purposeNames';

export type NewPurpose = { name: string; order: number | undefined };
export type CreateResult =
  (NewPurpose & { status: 'added' }) | (NewPurpose & { status: 'failed'; error: unknown });

/** Requests in flight at once: a few, so a paste of hundreds neither floods nor crawls. */
export const CREATE_CONCURRENCY = 4;

/**
 * Creates each purpose, a few at a time, and says for each whether it was added. Names that
 * `alreadyThere` holds count as added without a request: after a timeout the POST may have
 * landed, so a retry looks the name up first instead of creating it twice.
 */
export async function createMany({
  items,
  create,
  alreadyThere = [],
  onSettled,
  concurrency = CREATE_CONCURRENCY,
}: {
  items: readonly NewPurpose[];
  create: (item: NewPurpose) => Promise<unknown>;
  alreadyThere?: readonly string[];
  onSettled?: () => void;
  concurrency?: number;
}): Promise<CreateResult[]> {
  const landed = new Set(alreadyThere.map(nameKey));
  const limit = pLimit(concurrency);
  return Promise.all(
    items.map((item) =>
      limit(async (): Promise<CreateResult> => {
        try {
          if (!landed.has(nameKey(item.name))) await create(item);
          return { ...item, status: 'added' };
        } catch (error) {
          return { ...item, status: 'failed', error };
        } finally {
          onSettled?.();
        }
      }),
    ),
  );
}
