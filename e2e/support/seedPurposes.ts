import type { OutreachApi } from './outreachApi';

/**
 * Creates purposes through the API until the list holds `total` (named `<prefix> 0001`, … after
 * the ones already there), eight requests at a time; never removes any.
 */
export async function seedUpTo(api: OutreachApi, total: number, prefix = 'Purpose'): Promise<void> {
  let next = (await api.list()).length;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < total) {
        next += 1;
        await api.create(`${prefix} ${String(next).padStart(4, '0')}`);
      }
    }),
  );
}
