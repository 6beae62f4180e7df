// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startLiveRefresh } from './liveRefresh';

const INTERVAL = 20_000;

function setOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
}

function setVisibility(state: DocumentVisibilityState) {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state);
}

describe('startLiveRefresh', () => {
  let busy = false;
  const refresh = vi.fn();
  let stop: () => void = () => undefined;

  beforeEach(() => {
    vi.useFakeTimers();
    busy = false;
    refresh.mockClear();
    setOnline(true);
    setVisibility('visible');
    stop = startLiveRefresh({ refresh, isBusy: () => busy, intervalMs: INTERVAL });
  });

  afterEach(() => {
    stop();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('refreshes every interval while the page is visible', () => {
    vi.advanceTimersByTime(INTERVAL * 3);
    expect(refresh).toHaveBeenCalledTimes(3);
  });

  it('skips while the user’s own writes are in flight, or the tab is hidden', () => {
    busy = true;
    vi.advanceTimersByTime(INTERVAL);
    busy = false;
    setVisibility('hidden');
    vi.advanceTimersByTime(INTERVAL);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('stays quiet while offline and refreshes as soon as the network is back', () => {
    setOnline(false);
    vi.advanceTimersByTime(INTERVAL * 2);
    window.dispatchEvent(new Event('focus'));
    expect(refresh).not.toHaveBeenCalled();
    setOnline(true);
    window.dispatchEvent(new Event('online'));
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('refreshes when the user comes back to the page, and never after stopping', () => {
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('focus'));
    expect(refresh).toHaveBeenCalledTimes(2);
    stop();
    vi.advanceTimersByTime(INTERVAL * 2);
    window.dispatchEvent(new Event('online'));
    expect(refresh).toHaveBeenCalledTimes(2);
  });
});
