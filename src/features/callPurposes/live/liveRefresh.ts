/** How often a visible list asks the server for others' changes. */
export const LIVE_REFRESH_INTERVAL_MS = 20_000;

/**
 * Calls `refresh` every `intervalMs` while the page is visible, and when the user comes back to
 * it (window focus, tab shown), unless `isBusy()` (the user's own writes are in flight, whose
 * half-saved state a refetch would show). Returns the stop function.
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
    if (document.visibilityState === 'visible' && !isBusy()) refresh();
  };
  const timer = setInterval(tick, intervalMs);
  window.addEventListener('focus', tick);
  document.addEventListener('visibilitychange', tick);
  return () => {
    clearInterval(timer);
    window.removeEventListener('focus', tick);
    document.removeEventListener('visibilitychange', tick);
  };
}
