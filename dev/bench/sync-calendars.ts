/**
 * The calendars of `npm run bench:sync`, generated in memory: for each bench feed, 10–40 events
 * over two years (a year back, a year ahead) in its platform's style —
 *
 *   airbnb           "Reserved" with the reservation link in DESCRIPTION (folded), ~15 % "Airbnb
 *                    (Not available)" blocks; UIDs <12 hex>-<32 hex>@airbnb.com
 *   booking          "CLOSED - Not available" for everything; UIDs <32 hex>@booking.com
 *   abritel (VRBO)   "Reserved - <Guest>", "Reserved" or "Blocked"; UUIDs
 *   gites_de_france  a VTIMEZONE, timed stays (TZID=Europe/Paris, 16:00 → 10:00) "Location -
 *                    <Guest>" with STATUS (a few CANCELLED), all-day "Fermé" blocks
 *
 * The feeds of one gîte never overlap each other (a gîte is let once a night): the two years are
 * cut into one slot per event of the gîte, the feeds' events interleaved, each event inside its
 * slot with a free day on each side. Deterministic: the same plan gives the same bytes.
 *
 * `applyChange(run)` is the "with changes" phase: every feed gets one new stay (after the two
 * years, disjoint from the gîte's other feeds and from earlier runs) and one future event moved
 * by a day inside its slot.
 */

export type BenchPlatform = 'airbnb' | 'booking' | 'abritel' | 'gites_de_france';

/** One feed of the bench dataset, as the database arranged it. */
export interface BenchFeedPlan {
  /** The feed's number: its URL is /feeds/bench/<index>.ics. */
  index: number;
  /** The gîte's number (feeds of one gîte share it). */
  gite: number;
  /** 0-based position of the feed among its gîte's feeds. */
  slot: number;
  platform: BenchPlatform;
}

interface BenchEvent {
  uid: string;
  /** Days since 1970-01-01 (UTC). */
  start: number;
  end: number;
  summary: string;
  description: string | null;
  status: 'CONFIRMED' | 'CANCELLED' | null;
  /** Timed (TZID) rather than all-day. */
  timed: boolean;
  /** The slot the event may move in: [slotStart, slotEnd). */
  slotStart: number;
  slotEnd: number;
}

export interface BenchFeed {
  plan: BenchFeedPlan;
  events: BenchEvent[];
  /** For new UIDs in later runs. */
  rng: () => number;
}

const DAY_MS = 86_400_000;
const WINDOW_DAYS = 730;

/** mulberry32: small, fast, seeded. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const int = (rng: () => number, min: number, max: number) =>
  min + Math.floor(rng() * (max - min + 1));

function hex(rng: () => number, length: number): string {
  let out = '';
  while (out.length < length)
    out += Math.floor(rng() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  return out.slice(0, length);
}

function uuid(rng: () => number): string {
  const h = hex(rng, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

const GUESTS = [
  'Sophie Martin',
  'Famille Leroy',
  'Mélanie Dubois',
  'Thomas Bernard',
  'M. et Mme Garnier',
  'Camille Petit',
  'Lucas Moreau',
  'Chloé Lefèvre',
  'Hugo Fontaine',
  'Famille Roux',
  'Élodie Mercier',
  'Nicolas Girard',
] as const;

const pick = <T>(rng: () => number, list: readonly T[]): T =>
  list[Math.floor(rng() * list.length)] as T;

function newEvent(
  platform: BenchPlatform,
  rng: () => number,
  start: number,
  end: number,
  slotStart: number,
  slotEnd: number,
  forceStay = false,
): BenchEvent {
  const base = { start, end, slotStart, slotEnd, description: null, status: null, timed: false };
  const r = forceStay ? 0 : rng();
  switch (platform) {
    case 'airbnb':
      return r < 0.85
        ? {
            ...base,
            uid: `${hex(rng, 12)}-${hex(rng, 32)}@airbnb.com`,
            summary: 'Reserved',
            description: `Reservation URL: https://www.airbnb.com/hosting/reservations/details/HM${hex(rng, 8).toUpperCase()}\\nPhone Number (Last 4 Digits): ${int(rng, 1000, 9999)}`,
          }
        : {
            ...base,
            uid: `${hex(rng, 12)}-${hex(rng, 32)}@airbnb.com`,
            summary: 'Airbnb (Not available)',
          };
    case 'booking':
      return { ...base, uid: `${hex(rng, 32)}@booking.com`, summary: 'CLOSED - Not available' };
    case 'abritel':
      return {
        ...base,
        uid: uuid(rng),
        summary: r < 0.5 ? `Reserved - ${pick(rng, GUESTS)}` : r < 0.8 ? 'Reserved' : 'Blocked',
      };
    case 'gites_de_france':
      return r < 0.8
        ? {
            ...base,
            uid: `gdf-res-${hex(rng, 10)}@gites-de-france.com`,
            summary: `Location - ${pick(rng, GUESTS)}`,
            status: rng() < 0.04 ? 'CANCELLED' : 'CONFIRMED',
            timed: true,
          }
        : { ...base, uid: `gdf-blk-${hex(rng, 10)}@gites-de-france.com`, summary: 'Fermé' };
  }
}

/** Generates every feed's events (see the module comment). `today` in days since the epoch. */
export function generateFeeds(plans: readonly BenchFeedPlan[], today: number): BenchFeed[] {
  const byGite = new Map<number, BenchFeedPlan[]>();
  for (const plan of plans) {
    const list = byGite.get(plan.gite) ?? [];
    list.push(plan);
    byGite.set(plan.gite, list);
  }
  const windowStart = today - WINDOW_DAYS / 2;
  const feeds: BenchFeed[] = [];
  for (const [gite, list] of byGite) {
    list.sort((a, b) => a.slot - b.slot);
    const rng = seeded(gite * 7919 + 17);
    const counts = list.map(() => int(rng, 10, 40));
    // Interleave the feeds' events over the two years: event e of feed j at (e + ½) / count_j.
    const order: { feed: number; key: number }[] = [];
    counts.forEach((count, feed) => {
      for (let e = 0; e < count; e++) order.push({ feed, key: (e + 0.5) / count });
    });
    order.sort((a, b) => a.key - b.key || a.feed - b.feed);
    const slotLength = Math.floor(WINDOW_DAYS / order.length);
    const gitFeeds: BenchFeed[] = list.map((plan) => ({
      plan,
      events: [],
      rng: seeded(plan.index * 104_729 + 3),
    }));
    order.forEach(({ feed }, position) => {
      const target = gitFeeds[feed];
      if (!target) return;
      const slotStart = windowStart + position * slotLength;
      const nights = int(rng, 1, Math.min(14, slotLength - 2));
      const offset = int(rng, 1, slotLength - nights - 1);
      const start = slotStart + offset;
      target.events.push(
        newEvent(
          target.plan.platform,
          target.rng,
          start,
          start + nights,
          slotStart,
          slotStart + slotLength,
        ),
      );
    });
    feeds.push(...gitFeeds);
  }
  return feeds.sort((a, b) => a.plan.index - b.plan.index);
}

/**
 * The "with changes" phase's edit of run `run` (1, 2, …): one new stay after the two years, one
 * future event moved by a day (later if its slot has room, else earlier).
 */
export function applyChange(feed: BenchFeed, run: number, today: number): void {
  const windowEnd = today + WINDOW_DAYS / 2;
  const start = windowEnd + 1 + ((run - 1) * 3 + feed.plan.slot) * 5;
  feed.events.push(
    newEvent(feed.plan.platform, feed.rng, start, start + 2, start, start + 5, true),
  );
  const future = feed.events.filter(
    (e) => e.start >= today + 2 && e.end <= windowEnd && e.status !== 'CANCELLED',
  );
  const moved = future[(run - 1) % Math.max(1, future.length)];
  if (!moved) return;
  const shift = moved.end + 1 <= moved.slotEnd ? 1 : -1;
  moved.start += shift;
  moved.end += shift;
}

function ymd(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

/** RFC 5545 folding: lines of at most 75 octets, continued by a space (our lines are ASCII-safe
 * except guest names, which are short). */
function fold(line: string): string {
  if (Buffer.byteLength(line) <= 75) return line;
  const parts: string[] = [];
  let rest = line;
  let width = 75;
  while (Buffer.byteLength(rest) > width) {
    let cut = width;
    while (Buffer.byteLength(rest.slice(0, cut)) > width) cut--;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
    width = 74;
  }
  parts.push(rest);
  return parts.join('\r\n ');
}

const PARIS_TIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'X-LIC-LOCATION:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const HEADERS: Record<BenchPlatform, string[]> = {
  airbnb: [
    'PRODID;X-RICAL-TZSOURCE=TZINFO:-//Airbnb Inc//Hosting Calendar 0.8.8//EN',
    'CALSCALE:GREGORIAN',
    'VERSION:2.0',
  ],
  booking: [
    'VERSION:2.0',
    'PRODID:-//admin.booking.com//NONSGML v1.0//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ],
  abritel: ['VERSION:2.0', 'CALSCALE:GREGORIAN', 'PRODID:-//HomeAway.com, Inc.//EN'],
  gites_de_france: [
    'VERSION:2.0',
    'PRODID:-//Gites de France//Planning de disponibilites 2.1//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-TIMEZONE:Europe/Paris',
    ...PARIS_TIMEZONE,
  ],
};

/** The feed as its platform would serve it. `stamp`: DTSTAMP, e.g. 20261120T080000Z. */
export function renderFeed(feed: BenchFeed, stamp: string): string {
  const lines = ['BEGIN:VCALENDAR', ...HEADERS[feed.plan.platform]];
  for (const e of feed.events) {
    lines.push('BEGIN:VEVENT', `DTSTAMP:${stamp}`);
    if (e.timed) {
      lines.push(
        `DTSTART;TZID=Europe/Paris:${ymd(e.start)}T160000`,
        `DTEND;TZID=Europe/Paris:${ymd(e.end)}T100000`,
      );
    } else {
      lines.push(`DTSTART;VALUE=DATE:${ymd(e.start)}`, `DTEND;VALUE=DATE:${ymd(e.end)}`);
    }
    lines.push(`SUMMARY:${e.summary}`, `UID:${e.uid}`);
    if (e.description) lines.push(fold(`DESCRIPTION:${e.description}`));
    if (e.status) lines.push(`STATUS:${e.status}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}

export const benchFeedPath = (index: number) => `/feeds/bench/${index}.ics`;

export const daysSinceEpoch = (ms: number) => Math.floor(ms / DAY_MS);
