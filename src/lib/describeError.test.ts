import { describe, expect, it } from 'vitest';
import { ApiError } from './apiError';
import { describeError, describeRetryAfter, isRetryable } from './describeError';

describe('describeError', () => {
  it('tells a missing scope from a missing permission', () => {
    const scope = new ApiError(403, [{ id: 'unauthorizedOauthScope', title: 'Forbidden' }]);
    const permission = new ApiError(403, [{ id: 'unauthorizedRequest', title: 'Forbidden' }]);
    expect(describeError(scope)).toMatch(/sign in again, allowing everything the app asks for/);
    expect(describeError(scope), 'in a manager’s words, not OAuth’s').not.toMatch(/scope/i);
    expect(describeError(permission)).toMatch(/not allowed/);
    expect(describeError(scope)).not.toEqual(describeError(permission));
  });

  it('says when to retry after a rate limit', () => {
    expect(describeError(new ApiError(429, [], 30))).toBe(
      'Too many requests. Try again in 30 seconds.',
    );
    expect(describeError(new ApiError(429, [], null))).toMatch(/little while/);
  });

  it('explains network failures, missing records and server faults', () => {
    expect(describeError(new ApiError(0, []))).toMatch(/Cannot reach the server/);
    expect(describeError(new ApiError(404, []))).toMatch(/no longer exists/);
    expect(describeError(new ApiError(502, []))).toMatch(/HTTP 502/);
  });

  it("names the app server's sign-in storage when it is away, and calls that retryable", () => {
    const error = new ApiError(503, [
      { id: 'sessionStoreUnavailable', title: 'Sign-in storage is unavailable' },
    ]);
    expect(describeError(error)).toBe('Sign-in storage is unavailable right now.');
    expect(isRetryable(error)).toBe(true);
  });

  it('says Outreach is unreachable when the app server could not get an answer, and offers a retry', () => {
    for (const [status, id] of [
      [502, 'upstreamUnavailable'],
      [504, 'upstreamTimeout'],
    ] as const) {
      const error = new ApiError(status, [{ id, title: 'Outreach is unreachable' }]);
      expect(describeError(error)).toBe(
        'Outreach is unreachable right now. Try again in a moment.',
      );
      expect(isRetryable(error)).toBe(true);
    }
  });

  it('passes the server detail through for validation errors, as a sentence', () => {
    const error = new ApiError(422, [{ id: 'validationError', detail: 'Name is too long' }]);
    expect(describeError(error)).toBe('Name is too long.');
    expect(describeError(new ApiError(422, [{ title: 'Invalid order.' }]))).toBe('Invalid order.');
  });

  it("prefers the server's explanation of a refused permission", () => {
    const error = new ApiError(403, [
      { id: 'unauthorizedRequest', title: 'Forbidden', detail: 'You may not edit this purpose' },
    ]);
    expect(describeError(error)).toBe('You may not edit this purpose.');
  });

  it('handles errors that are not API errors', () => {
    expect(describeError(new Error('boom'))).toBe('boom.');
    expect(describeError(new TypeError('Failed to fetch'))).toBe('Failed to fetch.');
    expect(describeError('nope')).toBe('Something went wrong.');
  });
});

describe('describeRetryAfter', () => {
  it('rounds long waits to minutes', () => {
    expect(describeRetryAfter(1)).toBe('Try again in a second.');
    expect(describeRetryAfter(59)).toBe('Try again in 59 seconds.');
    expect(describeRetryAfter(3600)).toBe('Try again in 60 minutes.');
  });
});

describe('isRetryable', () => {
  it('offers retry for network, rate-limit and server failures only', () => {
    expect(isRetryable(new ApiError(0, []))).toBe(true);
    expect(isRetryable(new ApiError(429, [], 5))).toBe(true);
    expect(isRetryable(new ApiError(503, []))).toBe(true);
    expect(isRetryable(new ApiError(403, []))).toBe(false);
    expect(isRetryable(new ApiError(422, []))).toBe(false);
  });
});
