// Work that must never hold the first page back: it starts once the page has been painted.

/**
 * Runs `task` just after the browser paints its next frame (a task queued from that frame's
 * animation callbacks runs once the frame is on screen); returns the way to call it off.
 */
export function afterNextPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * Runs `task` once the browser has nothing more urgent to do (a moment later where there is no
 * `requestIdleCallback`); returns the way to call it off.
 */
export function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout: 2_000 });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = setTimeout(task, 200);
  return () => clearTimeout(timer);
}
