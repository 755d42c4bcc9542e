import type { NextStay } from '@/features/cleaning/api/get-cleanings';
import { cleaningMessages as m } from '@/features/cleaning/messages';
import { formatIsoDate, type IsoDate } from '@/lib/iso-date';

/** '10:00:00' (a Postgres time) → '10:00'; null stays null. */
export function shortTime(time: string | null): string | null {
  return time ? time.slice(0, 5) : null;
}

/** « de 10:00 à 14:00 », « à partir de 10:00 », or '' without hours. */
export function timeWindow(start: string | null, end: string | null): string {
  return m.window(shortTime(start), shortTime(end));
}

/** « mardi 24 novembre » */
export function cleaningDay(date: IsoDate): string {
  const text = formatIsoDate(date, { weekday: 'long', day: 'numeric', month: 'long' });
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** « Prochains voyageurs le 28/11 : 4 personnes », or that none is due within 60 days. */
export function nextGuestsText(next: NextStay | null): string {
  if (!next) return m.noNextGuests;
  return m.nextGuests(
    formatIsoDate(next.arrivee, { day: '2-digit', month: '2-digit' }),
    next.personnes,
  );
}

export function statusLabel(status: string): string {
  return m.status[status] ?? status;
}
