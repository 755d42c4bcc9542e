import type { CalendarStay } from '@/features/calendar/api/get-calendar-month';
import { calendarMessages as m } from '@/features/calendar/messages';
import { formatIsoDate } from '@/lib/iso-date';
import { platformLabel } from '@/lib/platforms';

type StayText = Pick<
  CalendarStay,
  'client_nom' | 'status' | 'plateforme' | 'date_debut' | 'date_fin'
>;

export function isBlock(stay: Pick<CalendarStay, 'status'>): boolean {
  return stay.status === 'blocked';
}

/** What names a stay: the guest, or what it is when there is no guest. */
export function stayTitle(stay: StayText): string {
  if (isBlock(stay)) return m.blockedTitle;
  const nom = stay.client_nom?.trim();
  return nom ? nom : m.guestUnknown;
}

/** The short label drawn inside a bar. */
export function stayBarLabel(stay: StayText): string {
  if (isBlock(stay)) return m.blocked;
  const nom = stay.client_nom?.trim();
  return nom ? nom : platformLabel(stay.plateforme);
}

/** "Léa Martin, Airbnb, du samedi 7 novembre au samedi 14 novembre 2026". */
export function stayDescription(stay: StayText): string {
  const sameYear = stay.date_debut.slice(0, 4) === stay.date_fin.slice(0, 4);
  return m.stayDescription({
    who: stayTitle(stay),
    platform: platformLabel(stay.plateforme),
    from: formatIsoDate(stay.date_debut, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      ...(sameYear ? {} : { year: 'numeric' }),
    }),
    to: formatIsoDate(stay.date_fin, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }),
  });
}
