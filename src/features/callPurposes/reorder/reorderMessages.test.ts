import { describe, expect, it } from 'vitest';
import { ApiError, OFFLINE_ERROR_ID } from '../../../lib/apiError';
import { blockedMessage, failureHeadline, failureMessage, joinNames } from './reorderMessages';

const names = new Map([
  [1, 'Initial Contact'],
  [2, 'Follow Up'],
  [4, 'Demo'],
]);
const nameOf = (id: number) => names.get(id);

describe('joinNames', () => {
  it('reads like a sentence', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
    expect(joinNames(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C and 2 more');
  });
});

describe('blockedMessage', () => {
  it('names the locked purposes in the way', () => {
    expect(
      blockedMessage("Can't sort A–Z", { reason: 'locked', blockingIds: [1, 2] }, nameOf),
    ).toBe("Can't sort A–Z: Initial Contact and Follow Up are locked and keep their place.");
    expect(
      blockedMessage("Can't move Demo there", { reason: 'locked', blockingIds: [1] }, nameOf),
    ).toBe("Can't move Demo there: Initial Contact is locked and keeps its place.");
  });

  it('explains a move that has no room left between locked purposes', () => {
    expect(
      blockedMessage("Can't move Demo there", { reason: 'noRoom', blockingIds: [1, 2] }, nameOf),
    ).toBe(
      "Can't move Demo there: there is no free position next to Initial Contact and Follow Up, which you can't change.",
    );
  });

  it('asks to try again when the list changed under the move', () => {
    expect(
      blockedMessage("Can't move Demo there", { reason: 'invalid', blockingIds: [99] }, nameOf),
    ).toBe("Can't move Demo there: the list changed meanwhile. Please try again.");
  });
});

describe('failureMessage', () => {
  const headline = "Couldn't save moving Check-in";

  it('tells the gesture, each reason once, naming only the purposes a reason is about', () => {
    expect(
      failureMessage(
        headline,
        [
          { name: 'Negotiation', error: new ApiError(0, []) },
          { name: 'Demo', error: new ApiError(0, []) },
          { name: 'Renewal', error: new ApiError(429, [], 5) },
          { name: 'Pricing Discussion', error: new ApiError(404, []) },
        ],
        true,
      ),
    ).toBe(
      "Couldn't save moving Check-in. Cannot reach the server. Check your connection and try again. Too many requests. Try again in 5 seconds. Pricing Discussion: It no longer exists: someone may have deleted it. The list shows the order saved on the server.",
    );
  });

  it("says the server's order is unknown when the list could not be reloaded", () => {
    const offline = new ApiError(0, [{ id: OFFLINE_ERROR_ID }]);
    expect(failureMessage(headline, [{ name: 'Negotiation', error: offline }], false)).toBe(
      "Couldn't save moving Check-in. No connection: you are offline. Nothing was sent; try again once you are back online. The list shows the last order known to be saved; the server's order is unknown until it can be reached.",
    );
  });

  it("gives the server's own explanation of a refused write", () => {
    const refused = new ApiError(403, [
      { id: 'unauthorizedRequest', title: 'Forbidden', detail: 'You may not edit this purpose' },
    ]);
    expect(failureMessage(headline, [{ name: 'Demo', error: refused }], true)).toContain(
      'Check-in. Demo: You may not edit this purpose. The list',
    );
  });

  it('keeps long failure lists short', () => {
    const failures = ['A', 'B', 'C', 'D', 'E'].map((name) => ({
      name,
      error: new ApiError(403, [{ detail: 'Not yours' }]),
    }));
    expect(failureMessage(headline, failures, true)).toContain('C: Not yours. And 2 more.');
    expect(failureMessage(headline, failures, true)).not.toContain('D:');
  });
});

describe('failureHeadline', () => {
  it('says which gesture failed, and whether it was an Undo', () => {
    expect(failureHeadline('moving Check-in', false)).toBe("Couldn't save moving Check-in");
    expect(failureHeadline('moving Check-in', true)).toBe("Couldn't undo moving Check-in");
  });
});
