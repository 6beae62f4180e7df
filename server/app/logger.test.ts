import { describe, expect, it } from 'vitest';
import { redactUrl } from './logger';

describe('redactUrl', () => {
  it('hides the code and state of a sign-in callback', () => {
    expect(redactUrl('/auth/callback?code=secret&state=s')).toBe('/auth/callback?[redacted]');
  });
  it('leaves other URLs alone', () => {
    expect(redactUrl('/api/v2/callPurposes?sort=order')).toBe('/api/v2/callPurposes?sort=order');
  });
});
