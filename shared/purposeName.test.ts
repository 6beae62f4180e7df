import { describe, expect, it } from 'vitest';
import { ACCEPTED_NAMES, REFUSED_NAMES } from './purposeName.cases';
import { checkPurposeName, nameLength } from './purposeName';

describe('checkPurposeName', () => {
  it.each(REFUSED_NAMES)('refuses a name with %s', (_label, name, problem) => {
    expect(checkPurposeName(name)).toEqual({ ok: false, problem });
  });

  it.each(ACCEPTED_NAMES)('accepts %j as %j', (input, stored) => {
    expect(checkPurposeName(input)).toEqual({ ok: true, name: stored });
  });

  it('counts characters as people do', () => {
    expect(nameLength(' 😀a ')).toBe(2);
  });
});
