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

/**
 * What an imported stay is beyond its status, for a badge and the edit form:
 *  - 'echo': a platform's block that mirrors one of our own stays (our export, re-imported):
 *    kept, but neither a stay nor a double booking;
 *  - 'closure': a period the feed left undecided that the owner marked as a closure;
 *  - 'to-complete': a period the feed left undecided (Booking.com's "CLOSED - Not
 *    available", its real stays included) and the owner has not completed yet (no guest
 *    name): a stay until the owner completes it or marks it as a closure.
 * Null for direct bookings, plain imported stays and blocks, and cancelled stays.
 */
export type ImportedNature = 'echo' | 'closure' | 'to-complete';

export function importedNature(row: {
  status: string;
  feed_kind: string | null;
  echo_of: string | null;
  owner_marked_closure: boolean;
  client_nom: string | null;
}): ImportedNature | null {
  if (row.status === 'cancelled') return null;
  if (row.echo_of !== null) return 'echo';
  if (row.feed_kind !== 'to_complete') return null;
  if (row.owner_marked_closure) return 'closure';
  return row.client_nom?.trim() ? null : 'to-complete';
}
