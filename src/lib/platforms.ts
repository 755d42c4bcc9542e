/**
 * Where stays come from. Feeds come from the five calendar platforms; a reservation can
 * also be a direct booking. Both lists are checked by the database too.
 */
export const PLATFORMS = ['airbnb', 'booking', 'abritel', 'gites_de_france', 'other'] as const;
export const RESERVATION_PLATFORMS = [...PLATFORMS, 'direct'] as const;

export type Platform = (typeof PLATFORMS)[number];
export type ReservationPlatform = (typeof RESERVATION_PLATFORMS)[number];

const labels: Record<ReservationPlatform, string> = {
  airbnb: 'Airbnb',
  booking: 'Booking.com',
  abritel: 'Abritel',
  gites_de_france: 'Gîtes de France',
  other: 'Autre',
  direct: 'Direct',
};

/** One colour per source, the same in every list, calendar and chart (readable on white). */
const colours: Record<ReservationPlatform, string> = {
  airbnb: '#e0455b',
  booking: '#1f5fbf',
  abritel: '#1c8a8a',
  gites_de_france: '#5f8f2a',
  other: '#6b6b76',
  direct: '#b26b00',
};

export function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value);
}

export function isReservationPlatform(value: string): value is ReservationPlatform {
  return (RESERVATION_PLATFORMS as readonly string[]).includes(value);
}

export function platformLabel(value: string): string {
  return isReservationPlatform(value) ? labels[value] : labels.other;
}

export function platformColour(value: string): string {
  return isReservationPlatform(value) ? colours[value] : colours.other;
}

export const platformOptions: ReadonlyArray<{ value: Platform; label: string }> = PLATFORMS.map(
  (value) => ({ value, label: labels[value] }),
);

export const reservationPlatformOptions: ReadonlyArray<{
  value: ReservationPlatform;
  label: string;
}> = RESERVATION_PLATFORMS.map((value) => ({ value, label: labels[value] }));
