// The app server's settings the browser may know, for every page (the sign-in page included,
// so it is readable without a session): `GET /auth/config`.
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from './apiClient';

export type BrowserConfig = {
  /** EMULATOR_PUBLIC_DEMO: the embedded emulator lets anyone sign in as anyone. */
  publicDemo: boolean;
};

export function browserConfigQueryOptions() {
  return queryOptions({
    queryKey: ['browserConfig'] as const,
    queryFn: ({ signal }) => apiFetch<BrowserConfig>('/auth/config', { signal }),
    // Fixed for the server's life: read once per page load, and kept when a session ends.
    staleTime: Infinity,
    meta: { outlivesSession: true },
  });
}
