import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { getGiteFeeds } from '@/features/gites/api/get-gite-feeds';
import { type GiteWithFeeds, gitesKeys, type IcalFeed } from '@/features/gites/api/get-gites';
import { getLatestSyncLog, getSyncLogsSince } from '@/features/gites/api/get-sync-logs-since';
import {
  isSyncDone,
  type SyncSummary,
  summarizeSync,
  syncBaseline,
  withGiteFeeds,
} from '@/features/gites/sync-run';
import { ApiError, isClientError } from '@/lib/api-error';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/**
 * Asks the server to read these feeds now (`request_feed_sync`: high priority, due now).
 * Only the caller's active feeds are queued; a feed being read keeps its task. Returns the
 * feeds queued or raised.
 */
export async function requestFeedSync(
  client: SupabaseClient,
  feedIds: readonly string[],
): Promise<string[]> {
  const { data, error, status } = await client.rpc('request_feed_sync', {
    p_feed_ids: [...feedIds],
  });
  if (error) throw new ApiError(error, status);
  return data;
}

export const SYNC_POLL_MS = 1_500;
export const SYNC_TIMEOUT_MS = 30_000;

export interface SyncGiteNowInput {
  giteId: string;
  /** The feeds to read (the card's active ones); inactive or unknown ones are skipped. */
  feedIds: readonly string[];
}

export type SyncGiteNowResult =
  /** Every requested feed was read (or failed and waits for its retry). */
  | { kind: 'done'; summary: SyncSummary; feeds: IcalFeed[] }
  /** Still running after the timeout: the server carries on, the page stops waiting. */
  | { kind: 'timeout'; feeds: IcalFeed[] }
  /** None of the feeds is active (any more): nothing was asked. */
  | { kind: 'nothing'; feeds: IcalFeed[] };

export interface SyncWaitOptions {
  pollMs?: number;
  timeoutMs?: number;
  /** Each answer while waiting (the card shows the feeds as they finish). */
  onProgress?: (feeds: IcalFeed[]) => void;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * "Synchroniser maintenant" for one gîte: notes where each feed and the gîte's history
 * stand, asks for the sync, then reads the gîte's feeds and tasks every 1.5 s until every
 * requested feed is settled (see `isSyncDone`) or 30 s have passed, and sums up what the
 * attempts written since the request did. The worker does the work on the server; this
 * only waits for it. A poll that fails for a network reason is tried again at the next
 * tick (the sync goes on without the page); a refusal (4xx) stops at once.
 */
export async function syncGiteNow(
  client: SupabaseClient,
  { giteId, feedIds }: SyncGiteNowInput,
  {
    pollMs = SYNC_POLL_MS,
    timeoutMs = SYNC_TIMEOUT_MS,
    onProgress,
    sleep = defaultSleep,
    now = Date.now,
  }: SyncWaitOptions = {},
): Promise<SyncGiteNowResult> {
  const [before, marker] = await Promise.all([
    getGiteFeeds(client, giteId),
    getLatestSyncLog(client, giteId),
  ]);
  const asked = new Set(feedIds);
  const requested = before.filter((feed) => feed.is_active && asked.has(feed.id)).map((f) => f.id);
  if (requested.length === 0) return { kind: 'nothing', feeds: before };
  const baseline = syncBaseline(before);
  await requestFeedSync(client, requested);

  const started = now();
  let feeds = before;
  let lastError: unknown = null;
  for (;;) {
    try {
      feeds = await getGiteFeeds(client, giteId);
      lastError = null;
      onProgress?.(feeds);
      if (isSyncDone(requested, baseline, feeds)) break;
    } catch (error) {
      if (isClientError(error)) throw error;
      lastError = error;
    }
    if (now() - started >= timeoutMs) {
      if (lastError) throw lastError;
      return { kind: 'timeout', feeds };
    }
    await sleep(pollMs);
  }
  const logs = await getSyncLogsSince(client, giteId, requested, marker);
  return { kind: 'done', summary: summarizeSync(logs), feeds };
}

function showFeeds(queryClient: QueryClient, giteId: string, feeds: IcalFeed[]) {
  queryClient.setQueryData<GiteWithFeeds[]>(gitesKeys.list(), (gites) =>
    withGiteFeeds(gites, giteId, feeds),
  );
}

/**
 * The mutation behind the button: pending for the whole wait ("Synchronisation…"), the
 * card's feeds updated at each poll. When it settles, every query is refreshed (the
 * query client does so after any successful mutation): the sync may have added stays.
 */
export function useSyncGiteNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SyncGiteNowInput) =>
      syncGiteNow(supabase, input, {
        onProgress: (feeds) => showFeeds(queryClient, input.giteId, feeds),
      }),
    onSuccess: (result, input) => {
      showFeeds(queryClient, input.giteId, result.feeds);
      return queryClient.invalidateQueries({ queryKey: gitesKeys.all });
    },
  });
}
