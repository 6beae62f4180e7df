import { afterEach, describe, expect, it } from 'vitest';
import { movableClock } from '../../clock';
import { startEmulator, type Emulator } from '../test/harness';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('POST /test/clock', () => {
  it('moves the time every expiry reads: a token outlived answers 401', async () => {
    const clock = movableClock();
    emulator = await startEmulator({ movableClock: clock, clock });
    const token = emulator.token('admin');
    const list = () => emulator?.request({ method: 'GET', url: '/api/v2/callPurposes', token });
    expect((await list())?.statusCode).toBe(200);

    const before = clock.now();
    const moved = await emulator.request({
      method: 'POST',
      url: '/test/clock',
      payload: { seconds: 3601 },
    });
    expect(moved.statusCode).toBe(200);
    expect(Date.parse(moved.json<{ now: string }>().now)).toBeGreaterThanOrEqual(before + 3601_000);
    expect((await list())?.statusCode).toBe(401);
  });

  it.each([
    [{ seconds: -1 }, 'seconds must be >= 0.'],
    [{ seconds: 'soon' }, 'seconds must be integer.'],
    [{}, "seconds must have required property 'seconds'."],
  ])(
    'refuses %j with a JSON:API 400 naming the member, and leaves the time alone',
    async (payload, detail) => {
      const clock = movableClock();
      emulator = await startEmulator({ movableClock: clock });
      const before = clock.now();
      const response = await emulator.request({ method: 'POST', url: '/test/clock', payload });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        errors: [
          { id: 'validationError', title: 'Bad Request', detail, source: { pointer: '/seconds' } },
        ],
      });
      expect(clock.now() - before).toBeLessThan(60_000);
    },
  );

  it('is not there unless the emulator was given a movable clock', async () => {
    emulator = await startEmulator();
    const response = await emulator.request({
      method: 'POST',
      url: '/test/clock',
      payload: { seconds: 60 },
    });
    expect(response.statusCode).toBe(404);
  });
});
