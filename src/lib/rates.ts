/**
 * Rates and year-on-year changes as the pages show them (the dashboard's occupancy, the
 * statistics' occupancy and changes). Pure.
 */
import { locale } from '@/lib/i18n';

const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
const signedPercent = new Intl.NumberFormat(locale, {
  style: 'percent',
  maximumFractionDigits: 0,
  signDisplay: 'exceptZero',
});

/** A rate (0 … 1) as a whole percentage between 0 and 100, for bars and meters. */
export function ratePercent(rate: number): number {
  if (!Number.isFinite(rate)) return 0;
  return Math.min(100, Math.max(0, Math.round(rate * 100)));
}

/** "57 %" (French spacing). */
export function formatRate(rate: number): string {
  return percent.format(ratePercent(rate) / 100);
}

/**
 * A figure against the same figure a year earlier: +0.12 for 12 % more. Null when the
 * earlier one was nothing (no change can be stated from zero).
 */
export function relativeChange(current: number, previous: number): number | null {
  if (!(previous > 0)) return null;
  return (current - previous) / previous;
}

/** "+12 %", "−5 %", "0 %". */
export function formatChange(change: number): string {
  return signedPercent.format(Math.round(change * 100) / 100);
}
