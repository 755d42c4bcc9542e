/** How the statistics page writes its figures (French). Pure. */
import { locale } from '@/lib/i18n';
import { formatEuros } from '@/lib/money';

const monthShort = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
const monthLong = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });

/** « janv. », « févr. »… for chart axes. */
export function monthShortLabel(month: number): string {
  return monthShort.format(new Date(Date.UTC(2000, month - 1, 1)));
}

/** « Janvier », « Février »… for tables. */
export function monthLongLabel(month: number): string {
  const name = monthLong.format(new Date(Date.UTC(2000, month - 1, 1)));
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Whole euros from cents: « 12 346 € ». */
export function formatCents(cents: number): string {
  return formatEuros(Math.round(cents) / 100, { cents: false });
}

/** A figure that may not exist (a rate without nights): « — » then. */
export function formatOptional<T>(value: T | null, format: (value: T) => string): string {
  return value === null ? '—' : format(value);
}

export function formatNights(nights: number): string {
  return integer.format(nights);
}
