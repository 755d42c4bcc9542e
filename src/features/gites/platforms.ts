/** The calendar platforms a feed can come from (checked by the database too). */
export const PLATFORMS = ['airbnb', 'booking', 'abritel', 'gites_de_france', 'other'] as const;

export type Platform = (typeof PLATFORMS)[number];

const labels: Record<Platform, string> = {
  airbnb: 'Airbnb',
  booking: 'Booking.com',
  abritel: 'Abritel',
  gites_de_france: 'Gîtes de France',
  other: 'Autre',
};

export function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value);
}

export function platformLabel(value: string): string {
  return isPlatform(value) ? labels[value] : labels.other;
}

export const platformOptions: ReadonlyArray<{ value: Platform; label: string }> = PLATFORMS.map(
  (value) => ({ value, label: labels[value] }),
);
