/**
 * Reads an iCal feed (Airbnb, Booking.com, Abritel…) into the events the sync upserts.
 *
 * - Parsing is ical.js's (unfolding, escapes, parameters, VTIMEZONE); this module only decides
 *   what the values mean for a gîte: arrival and departure days in the gîte's time zone, the
 *   platform's conventions (./platform-rules.ts), a stable UID for each event.
 * - A body that is not a calendar gives `{ ok: false }` with a French message for the owner; an
 *   event that cannot be read is left out with a reason, the rest of the feed still syncs.
 * - RRULEs are not expanded: availability feeds write one event per stay or block, so an event
 *   with an RRULE gives its first occurrence only.
 * - Runs in Node and Deno: web-standard APIs only (Intl, TextEncoder, crypto.subtle).
 */
import ICAL from 'ical.js';
import { classifyEvent } from './platform-rules.ts';
import type { FeedEvent, FeedPlatform, ParseResult } from './types.ts';

export interface ParseFeedOptions {
  /** The gîte's IANA time zone: date-times are read as local dates there. */
  timeZone?: string;
}

export const DEFAULT_TIME_ZONE = 'Europe/Paris';
/** reservations.external_uid is capped at 1,024 characters. */
export const MAX_UID_LENGTH = 1024;
export const MAX_SUMMARY_LENGTH = 500;

export async function parseFeed(
  body: string,
  platform: FeedPlatform,
  options: ParseFeedOptions = {},
): Promise<ParseResult> {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isIanaTimeZone(timeZone)) {
    return { ok: false, error: `Le fuseau horaire du gîte est inconnu : « ${timeZone} ».` };
  }
  const calendars = readCalendars(body);
  if (!Array.isArray(calendars)) return calendars;

  const read: ReadEvent[] = [];
  const skipped: string[] = [];
  const unreadableUids = new Set<string>();
  let position = 0;
  for (const calendar of calendars) {
    for (const vevent of calendar.getAllSubcomponents('vevent')) {
      position += 1;
      const event = readEvent(vevent, platform, timeZone);
      if ('reason' in event) {
        skipped.push(`${describe(vevent, position)}: ${event.reason}`);
        // Still in the feed: its stay must not be cancelled as if it had left it.
        const rawUid = textValue(vevent, 'uid')?.trim();
        if (rawUid) unreadableUids.add(await feedUid(rawUid));
      } else {
        read.push({ ...event, uid: await stableUid(event), position });
      }
    }
  }
  const events = dedupe(read);
  for (const event of events) unreadableUids.delete(event.uid);
  return { ok: true, events, skipped, unreadableUids: [...unreadableUids] };
}

// ---------------------------------------------------------------------------------------------
// The body

type NotACalendar = { ok: false; error: string };

/** The VCALENDARs of the body (several when feeds were concatenated), or why there are none. */
function readCalendars(body: string): ICAL.Component[] | NotACalendar {
  // A UTF-8 BOM decoded as text is U+FEFF; concatenated files may carry one each.
  const text = body.replace(/(^|\n)\uFEFF/g, '$1');
  if (text.trim() === '') {
    return notACalendar('Le calendrier est vide : le lien ne renvoie aucun contenu.');
  }
  if (text.trimStart().startsWith('<')) {
    return notACalendar(
      "Le lien renvoie une page web et non un calendrier iCal (page de connexion, d'erreur ou de " +
        "présentation) : copiez le lien d'export iCal (.ics) donné par la plateforme.",
    );
  }
  const begins = text.match(/^BEGIN:VCALENDAR[ \t]*\r?$/gim)?.length ?? 0;
  const ends = text.match(/^END:VCALENDAR[ \t]*\r?$/gim)?.length ?? 0;
  if (begins === 0) {
    return notACalendar(
      "Le lien ne renvoie pas un calendrier iCal (le contenu reçu ne contient pas « BEGIN:VCALENDAR ») : copiez le lien d'export iCal (.ics) donné par la plateforme.",
    );
  }
  if (ends < begins) {
    return notACalendar(
      "Le calendrier reçu est incomplet (il s'arrête avant « END:VCALENDAR ») : le téléchargement a sans doute été interrompu ; si cela se répète, vérifiez le lien auprès de la plateforme.",
    );
  }
  try {
    const parsed: unknown = ICAL.parse(text);
    // One component parses to ['vcalendar', props, comps]; several to an array of those.
    const roots = (isJCalComponent(parsed) ? [parsed] : (parsed as unknown[])).filter(
      isJCalComponent,
    );
    return roots.map((jCal) => new ICAL.Component(jCal)).filter((c) => c.name === 'vcalendar');
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : String(error);
    return notACalendar(
      `Le calendrier iCal est mal formé et n'a pas pu être lu (détail technique : ${detail}).`,
    );
  }
}

function notACalendar(error: string): NotACalendar {
  return { ok: false, error };
}

function isJCalComponent(value: unknown): value is [string, unknown[], unknown[]] {
  return Array.isArray(value) && typeof value[0] === 'string' && Array.isArray(value[1]);
}

// ---------------------------------------------------------------------------------------------
// One event

type EventWithoutUid = Omit<FeedEvent, 'uid'> & { rawUid: string | null; sequence: number };
type ReadEvent = FeedEvent & { sequence: number; position: number };

function readEvent(
  vevent: ICAL.Component,
  platform: FeedPlatform,
  timeZone: string,
): EventWithoutUid | { reason: string } {
  const dates = readStay(vevent, timeZone);
  if ('reason' in dates) return dates;

  const summary = cleanText(textValue(vevent, 'summary'), MAX_SUMMARY_LENGTH);
  const { kind, guestName } = classifyEvent(platform, summary);
  const status = textValue(vevent, 'status')?.trim().toUpperCase();
  const sequence = Number(safely(() => vevent.getFirstPropertyValue('sequence')));
  const rawUid = textValue(vevent, 'uid')?.trim() || null;
  // DESCRIPTION is never read: Airbnb puts the reservation link and the guest's phone there.
  return {
    ...dates,
    kind,
    // "CANCELED" is the American spelling some exporters use.
    cancelled: status === 'CANCELLED' || status === 'CANCELED',
    guestName,
    summary,
    rawUid,
    sequence: Number.isFinite(sequence) ? sequence : 0,
  };
}

/** Arrival and departure days, as the gîte's local dates, with departure after arrival. */
function readStay(
  vevent: ICAL.Component,
  timeZone: string,
): { start: string; end: string } | { reason: string } {
  const dtstart = vevent.getFirstProperty('dtstart');
  if (!dtstart) return { reason: 'no DTSTART' };
  const startTime = readTime(dtstart);
  if (!startTime) return { reason: 'unreadable DTSTART' };
  const start = localDate(startTime, tzidOf(dtstart), timeZone);

  const dtend = vevent.getFirstProperty('dtend');
  const duration = vevent.getFirstProperty('duration');
  let endTime: ICAL.Time | null;
  let end: string;
  if (dtend) {
    endTime = readTime(dtend);
    if (!endTime) return { reason: 'unreadable DTEND' };
    end = localDate(endTime, tzidOf(dtend), timeZone);
  } else if (duration) {
    endTime = safely(() => {
      const time = startTime.clone();
      time.addDuration(duration.getFirstValue() as ICAL.Duration);
      return time;
    });
    if (!endTime) return { reason: 'unreadable DURATION' };
    end = localDate(endTime, tzidOf(dtstart), timeZone);
  } else {
    // Neither DTEND nor DURATION: one night.
    endTime = null;
    end = addDays(start, 1);
  }
  // A timed event ending the day it starts (a few hours blocked) still takes the night.
  if (endTime && !endTime.isDate && end === start) end = addDays(start, 1);
  if (end <= start) return { reason: `ends before it starts (${start} → ${end})` };
  return { start, end };
}

/**
 * A DTSTART/DTEND value as ical.js reads it, or null when it is not a real date. Some exporters
 * write an all-day `DTSTART:20270705` without VALUE=DATE, which ical.js cannot read as a
 * date-time: eight digits are taken as the date they are.
 */
function readTime(prop: ICAL.Property): ICAL.Time | null {
  const raw: unknown = prop.toJSON()[3]; // jCal: [name, parameters, type, value]
  if (typeof raw !== 'string') return null;
  const digits = raw.replace(/\D/g, '');
  const time = safely(() =>
    digits.length === 8
      ? ICAL.Time.fromDateString(`${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`)
      : prop.getFirstValue(),
  );
  if (!(time instanceof ICAL.Time)) return null;
  // ical.js rolls impossible values over (2027-13-40 becomes 2028-02-09): refuse them instead.
  const fields = time.isDate
    ? [time.year, time.month, time.day]
    : [time.year, time.month, time.day, time.hour, time.minute, time.second];
  const written = fields.map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('');
  return written === digits ? time : null;
}

function tzidOf(prop: ICAL.Property): string | null {
  const tzid: unknown = prop.getParameter('tzid');
  return typeof tzid === 'string' && tzid !== '' ? tzid : null;
}

/**
 * The local date, in `timeZone`, of a DATE or DATE-TIME value:
 *  - a DATE is that date (all-day events have no time zone);
 *  - UTC (`Z`) or a TZID the feed defines in a VTIMEZONE: ical.js knows the instant;
 *  - a TZID without VTIMEZONE: Intl knows IANA names ("Europe/Paris");
 *  - floating, or a TZID nobody knows: the wall-clock date, taken as the gîte's local time.
 */
function localDate(time: ICAL.Time, tzid: string | null, timeZone: string): string {
  const wallDate = isoDate(time.year, time.month, time.day);
  if (time.isDate) return wallDate;
  let instant: number | null = null;
  if (time.zone && time.zone !== ICAL.Timezone.localTimezone) {
    instant = safely(() => time.toUnixTime() * 1000);
  }
  if (instant === null && tzid && isIanaTimeZone(tzid)) {
    instant = wallClockToInstant(time, tzid);
  }
  return instant === null ? wallDate : dateInZone(instant, timeZone);
}

// ---------------------------------------------------------------------------------------------
// Dates and time zones (Intl: the same tz database in Node and Deno)

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function addDays(date: string, days: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const next = new Date(Date.UTC(year, month - 1, day + days));
  return isoDate(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function isIanaTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of `timeZone` at `instant` (ms), as numbers. */
function wallClock(instant: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return { year, month, day, hour, minute, second };
}

function dateInZone(instant: number, timeZone: string): string {
  const { year, month, day } = wallClock(instant, timeZone);
  return isoDate(year, month, day);
}

/** The instant a wall-clock time of `timeZone` denotes (two passes settle DST changes). */
function wallClockToInstant(time: ICAL.Time, timeZone: string): number {
  const asUtc = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  const offsetAt = (instant: number) => {
    const w = wallClock(instant, timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - instant;
  };
  const first = asUtc - offsetAt(asUtc);
  return asUtc - offsetAt(first);
}

// ---------------------------------------------------------------------------------------------
// UIDs and duplicates

/**
 * The event's UID as the database keys it. Without a UID, a hash of what the event says, so the
 * next sync finds the same one; a UID too long for the column, or with control characters
 * (a NUL would fail the whole upsert), is replaced by its hash.
 */
async function stableUid(event: EventWithoutUid): Promise<string> {
  if (event.rawUid === null) {
    return `generated-${await sha256Hex(`${event.start}|${event.end}|${event.summary ?? ''}`)}`;
  }
  return feedUid(event.rawUid);
}

/** An event's UID as stored: as written, or hashed when too long or not plain text. */
async function feedUid(uid: string): Promise<string> {
  if (Array.from(uid).length > MAX_UID_LENGTH || /\p{Cc}/u.test(uid)) {
    return `hashed-${await sha256Hex(uid)}`;
  }
  return uid;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Each UID once: the database upserts the feed in one statement, which fails on a repeated key.
 * A repeated UID is the same event written twice or a RECURRENCE-ID override: keep the highest
 * SEQUENCE (the latest revision), then the last one in the file.
 */
function dedupe(events: ReadEvent[]): FeedEvent[] {
  const kept = new Map<string, ReadEvent>();
  for (const event of events) {
    const previous = kept.get(event.uid);
    if (!previous || event.sequence >= previous.sequence) kept.set(event.uid, event);
  }
  return [...kept.values()]
    .sort((a, b) => a.position - b.position)
    .map(({ uid, start, end, kind, cancelled, guestName, summary }) => ({
      uid,
      start,
      end,
      kind,
      cancelled,
      guestName,
      summary,
    }));
}

// ---------------------------------------------------------------------------------------------
// Text

/** A text property's value; ical.js has already unfolded and unescaped it. */
function textValue(vevent: ICAL.Component, name: string): string | null {
  const value = safely(() => vevent.getFirstPropertyValue(name));
  return typeof value === 'string' ? value : null;
}

/**
 * Plain text the database can store and a screen can show: line breaks and tabs become spaces,
 * other control characters go, at most `max` characters (code points, as Postgres counts them).
 */
function cleanText(value: string | null, max: number): string | null {
  if (value === null) return null;
  const text = value
    .replace(/[\t\n\v\f\r]+/g, ' ')
    .replace(/\p{Cc}/gu, '')
    .trim();
  const cut = Array.from(text).slice(0, max).join('').trim();
  return cut === '' ? null : cut;
}

/** How the skipped list names an event: its UID, or its place in the feed. */
function describe(vevent: ICAL.Component, position: number): string {
  const uid = cleanText(textValue(vevent, 'uid'), 80);
  return uid ? `Event ${uid}` : `Event #${position} (no UID)`;
}

function safely<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
