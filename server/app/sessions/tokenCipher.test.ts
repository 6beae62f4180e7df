import { describe, expect, it } from 'vitest';
import { tokenCipher } from './tokenCipher';

const OLD = 'the-previous-session-secret-0123456789-abcdef';
const NEW = 'the-current-session-secret-0123456789-abcdefg';

describe('token cipher', () => {
  it('seals with AES-256-GCM: no plain text, a fresh IV each time, and it opens again', () => {
    const cipher = tokenCipher(NEW);
    const one = cipher.seal('access-token-value', 'session:access');
    const two = cipher.seal('access-token-value', 'session:access');
    expect(one.value).not.toContain('access-token-value');
    expect(one.value).not.toBe(two.value);
    expect(one.keyId).toBe(cipher.keyId);
    expect(cipher.open(one, 'session:access')).toBe('access-token-value');
  });

  it('refuses another context, an altered value and an unknown key id', () => {
    const cipher = tokenCipher(NEW);
    const sealed = cipher.seal('access-token-value', 'a:access');
    expect(cipher.open(sealed, 'b:access')).toBeUndefined();
    const flipped = Buffer.from(sealed.value, 'base64url');
    flipped[20] = (flipped[20] ?? 0) ^ 1;
    expect(cipher.open({ ...sealed, value: flipped.toString('base64url') }, 'a:access')).toBe(
      undefined,
    );
    expect(cipher.open({ ...sealed, keyId: 'nope' }, 'a:access')).toBeUndefined();
    expect(cipher.open({ ...sealed, value: 'short' }, 'a:access')).toBeUndefined();
  });

  it('reads values sealed under SESSION_SECRET_PREVIOUS, and seals new ones with the current key', () => {
    const before = tokenCipher(OLD).seal('refresh-token', 'x:refresh');
    const rotated = tokenCipher(NEW, OLD);
    expect(rotated.open(before, 'x:refresh')).toBe('refresh-token');
    expect(rotated.seal('y', 'x:refresh').keyId).not.toBe(before.keyId);
    expect(tokenCipher(NEW).open(before, 'x:refresh')).toBeUndefined();
  });
});
