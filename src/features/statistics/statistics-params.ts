import type { IsoDate } from '@/lib/iso-date';
import { isUuid } from '@/lib/uuid';

/** What the statistics page's URL says: `/statistiques?annee=2025&gite=<id>`. */
export interface StatisticsParams {
  year: number;
  /** Null: all the owner's gîtes; an id: that gîte alone. */
  giteId: string | null;
  /** Page of the monthly table, from 1. */
  page: number;
}

/** The years the page offers: from ten years back to next year (stays already booked). */
export function yearChoices(today: IsoDate): number[] {
  const current = Number(today.slice(0, 4));
  return Array.from({ length: 12 }, (_, index) => current + 1 - index);
}

/**
 * Reads the URL, pure: a missing or unknown year is this year, a malformed gîte id is every
 * gîte, a malformed page is the first (nothing malformed ever reaches the server).
 */
export function parseStatisticsParams(search: URLSearchParams, today: IsoDate): StatisticsParams {
  const choices = yearChoices(today);
  const rawYear = search.get('annee');
  const year = rawYear !== null && /^\d{4}$/.test(rawYear) ? Number(rawYear) : Number.NaN;
  const gite = search.get('gite');
  const rawPage = search.get('page');
  const page = rawPage !== null && /^\d{1,4}$/.test(rawPage) ? Number(rawPage) : 1;
  return {
    year: choices.includes(year) ? year : Number(today.slice(0, 4)),
    giteId: gite && isUuid(gite) ? gite.toLowerCase() : null,
    page: Math.max(1, page),
  };
}

/** The query string of a statistics view (the page is left out when it is the first). */
export function statisticsSearch({ year, giteId, page }: StatisticsParams): string {
  const search = new URLSearchParams({ annee: String(year) });
  if (giteId) search.set('gite', giteId);
  if (page > 1) search.set('page', String(page));
  return `?${search.toString()}`;
}
