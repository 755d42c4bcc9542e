/** Times and durations of the sync UI, in French. Pure: `now` is always passed in. */
import { gitesMessages as m } from '@/features/gites/messages';
import { formatDateTime, locale } from '@/lib/i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "45 min", "2 h 15", "3 h", "1 j 4 h"; under a minute: "moins d'une minute". */
export function formatElapsed(ms: number): string {
  if (ms < MINUTE) return m.lessThanAMinute;
  if (ms < HOUR) return m.minutes(Math.floor(ms / MINUTE));
  if (ms < DAY) return m.hours(Math.floor(ms / HOUR), Math.floor((ms % HOUR) / MINUTE));
  return m.days(Math.floor(ms / DAY), Math.floor((ms % DAY) / HOUR));
}

function time(iso: string): number | null {
  const value = Date.parse(iso);
  return Number.isNaN(value) ? null : value;
}

/**
 * When something happened, relative to now: "à l'instant" (under a minute, or a moment
 * "in the future" because the server's clock is a little ahead), "il y a 3 min",
 * "il y a 2 h 15", then the date and time past a day.
 */
export function formatAgo(iso: string, now: number): string {
  const at = time(iso);
  if (at === null) return iso;
  const ms = now - at;
  if (ms < MINUTE) return m.justNow;
  if (ms < DAY) return m.ago(formatElapsed(ms));
  return m.onDate(formatDateTime(iso));
}

const timeFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });

function sameLocalDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  );
}

/** The next retry of a failed feed: "nouvelle tentative à 14:32" (or on another day). */
export function formatRetry(runAfter: string, now: number): string {
  const at = time(runAfter);
  if (at === null || at <= now) return m.retrySoon;
  const date = new Date(at);
  return sameLocalDay(date, new Date(now))
    ? m.retryAt(timeFormat.format(date))
    : m.retryOn(formatDateTime(runAfter));
}

const secondsFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });

/** How long one attempt took: "350 ms", "1,2 s", "12 s"; "—" when unknown. */
export function formatAttemptDuration(ms: number | null): string {
  if (ms === null || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${secondsFormat.format(ms >= 10_000 ? Math.round(ms / 1000) : ms / 1000)} s`;
}

const logTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });

/** A history row's date and time, to the second: "24/11/2026 14:32:05". */
export function formatLogTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : logTimeFormat.format(date);
}
