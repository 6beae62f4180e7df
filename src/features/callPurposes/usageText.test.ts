import { describe, expect, it } from 'vitest';
import { lockDescription } from './components/LockMark';
import { usageText } from './usageText';

describe('usageText', () => {
  it('counts with thousands separators and says what a delete does', () => {
    expect(usageText(1204).usage).toBe('Used by 1,204 logged calls.');
    expect(usageText(1204).consequence).toContain(
      'keeps those calls but leaves them without a purpose',
    );
    expect(usageText(1).usage).toBe('Used by 1 logged call.');
    expect(usageText(0).usage).toBe('Not used by any logged call.');
  });
});

describe('lockDescription', () => {
  it('names what the user cannot do', () => {
    expect(lockDescription({ canDelete: true })).toBe("You can't change this purpose");
    expect(lockDescription({ canDelete: false })).toBe("You can't change or delete this purpose");
  });
});
