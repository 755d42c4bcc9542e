import { isReservationStatus } from '@/features/reservations/list-params';
import { reservationsMessages as m } from '@/features/reservations/messages';
import { daysBetween, formatIsoDate } from '@/lib/iso-date';
import { formatEuros } from '@/lib/money';

/** Display helpers of the reservations list. Pure (days never shift with the time zone). */

/** Nights between arrival and departure (departure day excluded). */
export function nightsBetween(debut: string, fin: string): number {
  return daysBetween(debut, fin);
}

const DAY = { day: '2-digit', month: '2-digit', year: 'numeric' } as const;

/** 2026-07-14 → 14/07/2026. */
export function formatDay(iso: string): string {
  return formatIsoDate(iso, DAY);
}

/** "14/07/2026 → 21/07/2026". */
export function formatStay(debut: string, fin: string): string {
  return `${formatDay(debut)} → ${formatDay(fin)}`;
}

/** 1250.5 → "1 250,50 €"; no amount → "—". */
export function formatAmount(montant: number | null): string {
  return montant === null ? m.noAmount : formatEuros(montant);
}

export function statusLabel(status: string): string {
  return isReservationStatus(status) ? m.status[status] : status;
}

/** The guest's name, or a placeholder for stays imported without one (Booking.com). */
export function guestName(clientNom: string | null): string {
  const name = clientNom?.trim();
  return name ? name : m.noName;
}
