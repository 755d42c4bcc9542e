import { MutationCache, QueryClient } from '@tanstack/react-query';
import { isClientError } from '@/lib/api-error';

const MAX_RETRIES = 3;

/**
 * Retry transient failures (network, 5xx) like TanStack's default, but never a 4xx:
 * the server has answered and will answer the same again.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (isClientError(error)) return false;
  return failureCount < MAX_RETRIES;
}

/**
 * The app's one QueryClient, tuned for the offline read mode (src/lib/pwa/):
 * - `networkMode: 'offlineFirst'`: offline, a query still runs once — the service worker
 *   answers it from its cache — and only its retries pause until the network is back;
 * - `refetchOnReconnect: 'always'`: answers read from that cache look fresh to TanStack, so
 *   every query on screen refetches when the network is back, however recent;
 * - retries with back-off as TanStack does them (an offline-capable PWA relies on them).
 */
export const queryClient: QueryClient = new QueryClient({
  // A stay saved on the Réservations page changes the calendar and the dashboard too, and
  // features do not know each other's keys: after any successful write, every cached query
  // is marked stale (only those on screen refetch at once; the others when next shown).
  mutationCache: new MutationCache({
    onSuccess: () => queryClient.invalidateQueries(),
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: shouldRetryQuery,
      networkMode: 'offlineFirst',
      refetchOnReconnect: 'always',
    },
    mutations: {
      // A write attempted offline fails at once with a message the form shows, instead
      // of a button stuck on "pending" (offline writes are disabled, not queued).
      networkMode: 'always',
    },
  },
});
