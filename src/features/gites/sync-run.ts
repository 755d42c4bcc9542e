/**
 * "Synchroniser maintenant", the logic without the network: when the feeds asked for are
 * done, and what to tell the owner afterwards. Pure.
 */
import type { GiteWithFeeds, IcalFeed } from '@/features/gites/api/get-gites';
import { liveTask } from '@/features/gites/feed-sync-status';
import { gitesMessages as m } from '@/features/gites/messages';
import type { Tables } from '@/lib/database.types';

/** Each requested feed's `last_synced_at` (server time) read just before the request. */
export type SyncBaseline = ReadonlyMap<string, string | null>;

export function syncBaseline(
  feeds: readonly Pick<IcalFeed, 'id' | 'last_synced_at'>[],
): SyncBaseline {
  return new Map(feeds.map((feed) => [feed.id, feed.last_synced_at]));
}

/**
 * A requested feed is settled when nothing more will happen to it now:
 *   - it has no pending or processing task left (done, failed for good, or deleted); or
 *   - its task is back to pending after an attempt (attempts > 0) that was recorded since
 *     the request (`last_synced_at` moved): a failure waiting for its retry in 1, 5 or
 *     30 minutes.
 * A task the request just created is pending with 0 attempts; a failed task the request
 * raised is pending with attempts > 0 but the same `last_synced_at` until it is tried
 * again. No clock is compared: the browser's and the server's may differ.
 */
export function isFeedSettled(
  feed: Pick<IcalFeed, 'id' | 'last_synced_at' | 'tasks'> | undefined,
  baseline: SyncBaseline,
): boolean {
  if (!feed) return true;
  const task = liveTask(feed);
  if (!task) return true;
  return (
    task.status === 'pending' &&
    task.attempts > 0 &&
    feed.last_synced_at !== (baseline.get(feed.id) ?? null)
  );
}

/** The sync is done when every requested feed is settled. */
export function isSyncDone(
  requested: readonly string[],
  baseline: SyncBaseline,
  feeds: readonly Pick<IcalFeed, 'id' | 'last_synced_at' | 'tasks'>[],
): boolean {
  const byId = new Map(feeds.map((feed) => [feed.id, feed]));
  return requested.every((id) => isFeedSettled(byId.get(id), baseline));
}

export type SyncLogResult = Pick<
  Tables<'sync_logs'>,
  'id' | 'feed_id' | 'status' | 'added' | 'updated' | 'cancelled'
>;

export interface SyncSummary {
  /** Feeds whose latest attempt read them (success or not modified). */
  synced: number;
  /** Feeds whose latest attempt failed. */
  failed: number;
  added: number;
  updated: number;
  cancelled: number;
}

/** Sums the attempts written since the request; each feed counts once, by its latest attempt. */
export function summarizeSync(logs: readonly SyncLogResult[]): SyncSummary {
  const latest = new Map<string, SyncLogResult>();
  const summary: SyncSummary = { synced: 0, failed: 0, added: 0, updated: 0, cancelled: 0 };
  for (const log of logs) {
    const previous = latest.get(log.feed_id);
    if (!previous || log.id > previous.id) latest.set(log.feed_id, log);
    summary.added += log.added;
    summary.updated += log.updated;
    summary.cancelled += log.cancelled;
  }
  for (const log of latest.values()) {
    if (log.status === 'error') summary.failed += 1;
    else summary.synced += 1;
  }
  return summary;
}

function changes(summary: SyncSummary): string {
  const parts: string[] = [];
  if (summary.added > 0) parts.push(m.newStays(summary.added));
  if (summary.updated > 0) parts.push(m.updatedStays(summary.updated, parts.length === 0));
  if (summary.cancelled > 0) parts.push(m.cancelledStays(summary.cancelled, parts.length === 0));
  return parts.length > 0 ? parts.join(', ') : m.noChange;
}

/** "3 calendriers synchronisés : 2 nouvelles réservations, 1 modifiée." and the like. */
export function syncSummaryMessage(summary: SyncSummary): string {
  if (summary.synced === 0 && summary.failed === 0) return m.syncFinished;
  if (summary.synced === 0) return m.allFailed(summary.failed);
  const head = `${m.calendarsSynced(summary.synced)} : ${changes(summary)}`;
  return summary.failed > 0 ? `${head} ; ${m.calendarsFailed(summary.failed)}.` : `${head}.`;
}

/** The gîtes list with one gîte's feeds replaced by fresher ones (the others untouched). */
export function withGiteFeeds(
  gites: GiteWithFeeds[] | undefined,
  giteId: string,
  feeds: IcalFeed[],
): GiteWithFeeds[] | undefined {
  return gites?.map((gite) => (gite.id === giteId ? { ...gite, ical_feeds: feeds } : gite));
}
