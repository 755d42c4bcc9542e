import { locale } from '@/lib/i18n';
import type { IsoDate } from '@/lib/iso-date';

const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
const signedPercent = new Intl.NumberFormat(locale, {
  style: 'percent',
  maximumFractionDigits: 0,
  signDisplay: 'exceptZero',
});

/** An occupancy rate (0 … 1) as a whole percentage between 0 and 100, for bars and meters. */
export function ratePercent(rate: number): number {
  if (!Number.isFinite(rate)) return 0;
  return Math.min(100, Math.max(0, Math.round(rate * 100)));
}

/** "57 %" (French spacing). */
export function formatRate(rate: number): string {
  return percent.format(ratePercent(rate) / 100);
}

/**
 * This year's revenue to date against last year's at the same date: +0.12 for 12 % more.
 * Null when last year had nothing to compare with.
 */
export function revenueChange(current: number, previous: number): number | null {
  if (!(previous > 0)) return null;
  return (current - previous) / previous;
}

/** "+12 %", "−5 %", "0 %". */
export function formatChange(change: number): string {
  return signedPercent.format(Math.round(change * 100) / 100);
}

/** Items grouped by day, days in order, each day's items in the order given. */
export function groupByDate<T extends { date: IsoDate }>(
  items: readonly T[],
): Array<{ date: IsoDate; items: T[] }> {
  const groups = new Map<IsoDate, T[]>();
  for (const item of items) {
    const group = groups.get(item.date);
    if (group) group.push(item);
    else groups.set(item.date, [item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, grouped]) => ({ date, items: grouped }));
}
