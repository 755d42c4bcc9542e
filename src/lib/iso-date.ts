import { locale } from '@/lib/i18n';

/**
 * Calendar days as the database stores them (`date` columns): `YYYY-MM-DD` strings with
 * no time and no zone. Arithmetic goes through UTC midnights, where every day has exactly
 * 24 hours, so a stay across a daylight-saving change still counts whole nights. Pure,
 * except `todayIso()` which reads the device clock.
 */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** True for a real calendar day written `YYYY-MM-DD` (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return (
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(m) - 1 &&
    date.getUTCDate() === Number(d)
  );
}

/** UTC midnight of a day, in milliseconds. */
export function isoToUtcMs(iso: IsoDate): number {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`Date invalide : ${iso}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function fromUtcMs(ms: number): IsoDate {
  const date = new Date(ms);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** `YYYY-MM-DD` from year, month (1–12) and day; out-of-range parts roll over like Date.UTC. */
export function isoFromParts(year: number, month: number, day: number): IsoDate {
  return fromUtcMs(Date.UTC(year, month - 1, day));
}

/** The day a `Date` falls on in the device's own time zone (the owner's local day). */
export function toIsoDate(date: Date): IsoDate {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Today on the owner's device (Europe/Paris in practice). */
export function todayIso(now: Date = new Date()): IsoDate {
  return toIsoDate(now);
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromUtcMs(isoToUtcMs(iso) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((isoToUtcMs(to) - isoToUtcMs(from)) / DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(iso: IsoDate): number {
  const day = new Date(isoToUtcMs(iso)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function isWeekend(iso: IsoDate): boolean {
  return isoWeekday(iso) >= 6;
}

export function minIso(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxIso(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A day written in French ("samedi 7 novembre 2026" with `{ dateStyle: 'full' }`). The
 * formatter works in UTC, where the string's midnight lives, so the day never shifts.
 */
export function formatIsoDate(iso: IsoDate, options: Intl.DateTimeFormatOptions): string {
  const key = JSON.stringify(options);
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formatters.set(key, format);
  }
  return format.format(new Date(isoToUtcMs(iso)));
}
