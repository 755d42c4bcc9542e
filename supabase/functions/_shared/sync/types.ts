/**
 * The iCal sync's shared vocabulary. Everything under supabase/functions/_shared/ runs both in
 * Node (the local stack, the tests, the benchmark) and in Deno (the deployed edge functions):
 * web-standard APIs only (fetch, URL, TextEncoder, crypto.subtle), no `node:` imports; the
 * runtime-specific parts (DNS, TLS) are passed in by the caller.
 */

/** ical_feeds.platform */
export type FeedPlatform = 'airbnb' | 'booking' | 'abritel' | 'gites_de_france' | 'other';

/**
 * What an event of a feed is, once the platform's conventions are applied:
 *  - `stay`: a booking (Airbnb "Reserved", a VRBO/Gîtes de France reservation…);
 *  - `block`: the owner closed the dates on the platform (Airbnb "Airbnb (Not available)");
 *  - `to_complete`: a period the platform says is unavailable without saying whether it is a
 *    booking or a closure (Booking.com "CLOSED - Not available", which it writes for its real
 *    stays too). Kept as a stay for the owner to complete or mark as a closure, never dropped.
 */
export type FeedEventKind = 'stay' | 'block' | 'to_complete';

/** One event of a feed, as the database stores it (reservations upserted by uid). */
export interface FeedEvent {
  /** The event's UID; for an event without one, a stable hash of its dates and summary. */
  uid: string;
  /** Arrival day, YYYY-MM-DD (the gîte's local date). */
  start: string;
  /** Departure day, YYYY-MM-DD, after `start` (an all-day DTEND is the departure day). */
  end: string;
  kind: FeedEventKind;
  /** STATUS:CANCELLED: the stay is cancelled on the platform. */
  cancelled: boolean;
  /** The guest's name when the feed gives one (rare: most platforms hide it). */
  guestName: string | null;
  /** SUMMARY as the feed wrote it (plain text, ≤ 500 characters). */
  summary: string | null;
}

export type ParseResult =
  | {
      ok: true;
      events: FeedEvent[] /** Events left out (no usable dates…), with why. */;
      skipped: string[];
      /**
       * The UIDs of the events left out (those that have one): they are still in the feed, so
       * their stays are kept as they are rather than cancelled.
       */
      unreadableUids: string[];
    }
  | { ok: false /** In French, for the owner: why this is not a calendar. */; error: string };
