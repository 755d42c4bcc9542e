import { guestSheetsMessages as m } from '@/features/guest-sheets/messages';
import { addDays, formatIsoDate, type IsoDate } from '@/lib/iso-date';

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The gîte's day (Europe/Paris) of a moment, `YYYY-MM-DD`. */
export function parisDay(iso: string): IsoDate {
  return PARIS_DAY.format(new Date(iso));
}

/**
 * A sheet's validity as the owner chose it: first and last day, inclusive (valid_until is the
 * midnight after the last day).
 */
export function validityDays(
  validFrom: string,
  validUntil: string,
): { from: IsoDate; until: IsoDate } {
  return { from: parisDay(validFrom), until: addDays(parisDay(validUntil), -1) };
}

export function shortDay(iso: IsoDate): string {
  return formatIsoDate(iso, { day: '2-digit', month: '2-digit', year: 'numeric' });
}

export function stayDates(debut: IsoDate, fin: IsoDate): string {
  return `${shortDay(debut)} → ${shortDay(fin)}`;
}

export function guestLabel(nom: string | null): string {
  const trimmed = nom?.trim();
  return trimmed ? trimmed : m.guestUnknown;
}
