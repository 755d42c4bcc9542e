import { periodRange } from '@/features/taxe-sejour/ledger';

export interface ReportPeriod {
  kind: 'mois' | 'trimestre';
  year: number;
  /** 1..12 for a month, 1..4 for a quarter. */
  index: number;
  page: number;
}

/** The report's period from the URL (?periode=trimestre&annee=2031&n=1&page=2); bad values fall back to the current quarter. */
export function readPeriod(params: URLSearchParams, today: string): ReportPeriod {
  const kind = params.get('periode') === 'mois' ? 'mois' : 'trimestre';
  const thisYear = Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7));
  const yearParam = Number(params.get('annee'));
  const year =
    Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : thisYear;
  const max = kind === 'mois' ? 12 : 4;
  const nParam = Number(params.get('n'));
  const fallback = kind === 'mois' ? thisMonth : Math.ceil(thisMonth / 3);
  const index = Number.isInteger(nParam) && nParam >= 1 && nParam <= max ? nParam : fallback;
  const pageParam = Number(params.get('page'));
  const page = Number.isInteger(pageParam) && pageParam >= 1 ? pageParam : 1;
  return { kind, year, index, page };
}

export function periodSearch(period: ReportPeriod): string {
  const search = new URLSearchParams({
    periode: period.kind,
    annee: String(period.year),
    n: String(period.index),
  });
  if (period.page > 1) search.set('page', String(period.page));
  return `?${search.toString()}`;
}

export function periodDates(period: ReportPeriod): { from: string; to: string } {
  return periodRange(period.kind, period.year, period.index);
}
