/** What deleting a purpose does to the logged calls that use it, in plain words. */
export function usageText(count: number): { usage: string; consequence: string } {
  if (count === 0) {
    return {
      usage: 'Not used by any logged call.',
      consequence: 'No report loses anything.',
    };
  }
  const calls = count === 1 ? 'logged call' : 'logged calls';
  return {
    usage: `Used by ${count.toLocaleString('en-US')} ${calls}.`,
    consequence:
      count === 1
        ? 'Deleting it keeps that call but leaves it without a purpose, so reports by purpose lose it.'
        : 'Deleting it keeps those calls but leaves them without a purpose, so reports by purpose lose this category.',
  };
}
