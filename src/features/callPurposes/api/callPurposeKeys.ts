// Every call-purpose query key comes from here, so invalidating a prefix never misses one.
const all = ['callPurposes'] as const;

export const callPurposeKeys = {
  all,
  lists: () => [...all, 'list'] as const,
  list: () => [...callPurposeKeys.lists()] as const,
  details: () => [...all, 'detail'] as const,
  detail: (id: number) => [...callPurposeKeys.details(), id] as const,
  /** How many logged calls use a purpose (the calls resource, counted). */
  usage: (id: number) => [...all, 'usage', id] as const,
};
