/**
 * When a feed is "not up to date": pure, `now` injected. A feed read successfully less than
 * 2 hours ago is fresh (it is read every 15 minutes: 2 hours is 8 missed reads, a platform
 * down or a link that broke). A feed never read counts from when it was added. An inactive
 * feed is never stale: it is not meant to be read.
 */

export const STALE_AFTER_MS = 2 * 60 * 60 * 1000;

export interface StalenessInput {
  is_active: boolean;
  /** Last attempt that read the feed (success or not modified); null if never read. */
  last_success_at: string | null;
  created_at: string;
}

export type Staleness =
  | { stale: false }
  | {
      stale: true;
      /** Milliseconds since the last successful read (or since the feed was added). */
      forMs: number;
      /** True when the feed was never read at all. */
      neverRead: boolean;
    };

function time(iso: string): number | null {
  const value = Date.parse(iso);
  return Number.isNaN(value) ? null : value;
}

export function feedStaleness(feed: StalenessInput, now: number): Staleness {
  if (!feed.is_active) return { stale: false };
  const neverRead = feed.last_success_at === null;
  const since = time(feed.last_success_at ?? feed.created_at);
  if (since === null) return { stale: false };
  const forMs = now - since;
  return forMs >= STALE_AFTER_MS ? { stale: true, forMs, neverRead } : { stale: false };
}
