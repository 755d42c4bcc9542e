/**
 * What a gîte card says about each feed's sync, as plain strings (React renders them as
 * text). Pure: `now` is passed in, so the wording can be tested for any moment.
 */
import type { IcalFeed, LiveSyncTask } from '@/features/gites/api/get-gites';
import { feedStaleness } from '@/features/gites/feed-staleness';
import { gitesMessages as m } from '@/features/gites/messages';
import { formatAgo, formatElapsed, formatRetry } from '@/features/gites/sync-format';
import { platformLabel } from '@/lib/platforms';

export type FeedSyncTone = 'ok' | 'muted' | 'busy' | 'error' | 'warning';

export interface FeedSyncLine {
  tone: FeedSyncTone;
  text: string;
}

export type FeedSyncInput = Pick<
  IcalFeed,
  | 'is_active'
  | 'last_synced_at'
  | 'last_success_at'
  | 'last_status'
  | 'last_error'
  | 'created_at'
  | 'tasks'
>;

/** The feed's pending or processing task (the query only embeds those; at most one). */
export function liveTask(feed: Pick<IcalFeed, 'tasks'>): LiveSyncTask | null {
  return (
    feed.tasks.find((task) => task.status === 'pending' || task.status === 'processing') ?? null
  );
}

/** The main line: the last result, or what is happening now. */
function resultLine(feed: FeedSyncInput, now: number): FeedSyncLine {
  if (!feed.is_active) return { tone: 'muted', text: m.feedInactive };
  const task = liveTask(feed);
  if (task?.status === 'processing') return { tone: 'busy', text: m.syncRunning };
  if (feed.last_status === 'error') {
    const error = feed.last_error?.trim() || m.syncFailedUnknown;
    const text = m.syncFailed(error);
    return {
      tone: 'error',
      text: task ? `${text} — ${formatRetry(task.run_after, now)}` : text,
    };
  }
  // A task not tried yet: the owner (or the schedule) just asked. Its run_after is not
  // compared with the browser's clock, which may be behind the server's.
  if (task?.status === 'pending' && task.attempts === 0) {
    return { tone: 'busy', text: m.syncQueued };
  }
  if (feed.last_synced_at === null) return { tone: 'muted', text: m.neverSynced };
  const when = formatAgo(feed.last_synced_at, now);
  return feed.last_status === 'not_modified'
    ? { tone: 'ok', text: m.unchangedAgo(when) }
    : { tone: 'ok', text: m.syncedAgo(when) };
}

/** One or two lines: the result, then "Pas à jour depuis 2 h 15" when the feed is stale. */
export function feedSyncLines(feed: FeedSyncInput, now: number): FeedSyncLine[] {
  const lines = [resultLine(feed, now)];
  const staleness = feedStaleness(feed, now);
  if (staleness.stale) {
    const duration = formatElapsed(staleness.forMs);
    lines.push({
      tone: 'warning',
      text: staleness.neverRead ? m.neverReadFor(duration) : m.staleFor(duration),
    });
  }
  return lines;
}

/** "Airbnb", or "Airbnb · Appartement" when the feed has a label of its own. */
export function feedName(platform: string, label: string | null): string {
  const name = platformLabel(platform);
  const own = label?.trim();
  return own && own.toLocaleLowerCase('fr') !== name.toLocaleLowerCase('fr')
    ? `${name} · ${own}`
    : name;
}
