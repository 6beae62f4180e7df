// Every call-purpose query key comes from here, so invalidating a prefix never misses one. Each
// key holds every input of its query function. The list has none (it follows every page, and the
// search box filters on the client), so `list()` is both its key and the prefix to invalidate.
const all = ['callPurposes'] as const;

export const callPurposeKeys = {
  all,
  list: () => [...all, 'list'] as const,
  details: () => [...all, 'detail'] as const,
  detail: (id: number) => [...callPurposeKeys.details(), id] as const,
  /** How many logged calls use a purpose (the calls resource, counted). */
  usage: (id: number) => [...all, 'usage', id] as const,
};
