/** How often a visible list asks the server for others' changes. */
export const LIVE_REFRESH_INTERVAL_MS = 20_000;

/**
 * Calls `refresh` every `intervalMs` while the page is visible, and when the user comes back to
 * it (window focus, tab shown, network back), unless `isBusy()` (the user's own writes are in
 * flight, whose half-saved state a refetch would show) or the browser knows it is offline (a
 * refetch would only fail, and say so in a toast every 20 s). Returns the stop function.
 */
export function startLiveRefresh({
  refresh,
  isBusy,
  intervalMs = LIVE_REFRESH_INTERVAL_MS,
}: {
  refresh: () => void;
  isBusy: () => boolean;
  intervalMs?: number;
}): () => void {
  const tick = () => {
    if (document.visibilityState === 'visible' && navigator.onLine && !isBusy()) refresh();
  };
  const timer = setInterval(tick, intervalMs);
  window.addEventListener('focus', tick);
  window.addEventListener('online', tick);
  document.addEventListener('visibilitychange', tick);
  return () => {
    clearInterval(timer);
    window.removeEventListener('focus', tick);
    window.removeEventListener('online', tick);
    document.removeEventListener('visibilitychange', tick);
  };
}
