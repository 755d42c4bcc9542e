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
 * The app's one QueryClient. TanStack's defaults for `networkMode` ('online': queries
 * pause while offline), `refetchOnReconnect` and retry back-off are kept on purpose:
 * an offline-capable PWA relies on them.
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
    },
    mutations: {
      // A write attempted offline fails at once with a message the form shows, instead
      // of a button stuck on "pending" (offline writes are disabled, not queued).
      networkMode: 'always',
    },
  },
});
