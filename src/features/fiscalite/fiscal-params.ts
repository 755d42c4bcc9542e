import type { IsoDate } from '@/lib/iso-date';

/** What the Fiscalité page's URL says: `/fiscalite?annee=2025&trajets=2`. */
export interface FiscalParams {
  /** The year of income simulated (a year the rules table knows). */
  year: number;
  /** Page of the year's trips, from 1. */
  tripsPage: number;
}

/**
 * The years the page offers: those of the rules table up to the current year (a tax year is
 * simulated once it has started), most recent first.
 */
export function fiscalYearChoices(today: IsoDate, known: readonly number[]): number[] {
  const current = Number(today.slice(0, 4));
  return known.filter((year) => year <= current).sort((a, b) => b - a);
}

/** The default year: the last one ended (the one declared this spring), else the first offered. */
function defaultYear(today: IsoDate, choices: readonly number[]): number {
  const last = Number(today.slice(0, 4)) - 1;
  return choices.includes(last) ? last : (choices[0] ?? last);
}

/** Reads the URL, pure: an unknown year is the default one, a malformed page the first. */
export function parseFiscalParams(
  search: URLSearchParams,
  today: IsoDate,
  known: readonly number[],
): FiscalParams {
  const choices = fiscalYearChoices(today, known);
  const raw = search.get('annee');
  const year = raw !== null && /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
  const rawPage = search.get('trajets');
  const page = rawPage !== null && /^\d{1,4}$/.test(rawPage) ? Number(rawPage) : 1;
  return {
    year: choices.includes(year) ? year : defaultYear(today, choices),
    tripsPage: Math.max(1, page),
  };
}

export function fiscalSearch({ year, tripsPage }: FiscalParams): string {
  const search = new URLSearchParams({ annee: String(year) });
  if (tripsPage > 1) search.set('trajets', String(tripsPage));
  return `?${search.toString()}`;
}
