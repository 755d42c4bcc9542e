/**
 * A sheet link's validity, in the gîte's days (the database turns them into Europe/Paris
 * midnights: create_guest_sheet / guest_sheet_window in 20261125000200_guest_sheets.sql).
 * Pure.
 */
import { addDays, daysBetween, type IsoDate, isIsoDate } from '@/lib/iso-date';

/** Days before arrival the sheet opens by default (the guest reads it while travelling). */
export const OPENS_DAYS_BEFORE = 3;
/** Days after departure it stays open by default (a forgotten item, the way home). */
export const CLOSES_DAYS_AFTER = 1;
/** The longest window the database accepts. */
export const MAX_WINDOW_DAYS = 366;

/** First and last day (inclusive) a stay's sheet is open by default. */
export function defaultValidity(
  arrival: IsoDate,
  departure: IsoDate,
): { from: IsoDate; until: IsoDate } {
  return {
    from: addDays(arrival, -OPENS_DAYS_BEFORE),
    until: addDays(departure, CLOSES_DAYS_AFTER),
  };
}

export type ValidityError = 'missing' | 'order' | 'too-long';

/** What is wrong with a window the owner typed, or null (the same rules as the database). */
export function validityError(from: string, until: string): ValidityError | null {
  if (!isIsoDate(from) || !isIsoDate(until)) return 'missing';
  const days = daysBetween(from, until);
  if (days < 0) return 'order';
  if (days > MAX_WINDOW_DAYS) return 'too-long';
  return null;
}
