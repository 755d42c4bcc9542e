import { isUuid } from '@/lib/uuid';

export const CLEANING_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type CleaningStatus = (typeof CLEANING_STATUSES)[number];

/** What the Ménage page's URL says: `/menage?periode=passes&statut=done&gite=…&page=2`. */
export interface CleaningParams {
  /** Coming cleanings, soonest first, or past ones, latest first. */
  period: 'upcoming' | 'past';
  /** Null: every status. */
  status: CleaningStatus | null;
  giteId: string | null;
  /** A cleaner's id, 'none' for the unassigned, null for all. */
  cleaner: string | 'none' | null;
  page: number;
}

export const DEFAULT_CLEANING_PARAMS: CleaningParams = {
  period: 'upcoming',
  status: 'planned',
  giteId: null,
  cleaner: null,
  page: 1,
};

function isStatus(value: string): value is CleaningStatus {
  return (CLEANING_STATUSES as readonly string[]).includes(value);
}

/** Reads the URL, pure: anything malformed is the default (never sent to the server). */
export function parseCleaningParams(search: URLSearchParams): CleaningParams {
  const status = search.get('statut');
  const gite = search.get('gite');
  const cleaner = search.get('intervenant');
  const page = search.get('page');
  return {
    period: search.get('periode') === 'passes' ? 'past' : 'upcoming',
    status: status === 'tous' ? null : status !== null && isStatus(status) ? status : 'planned',
    giteId: gite && isUuid(gite) ? gite.toLowerCase() : null,
    cleaner:
      cleaner === 'aucun' ? 'none' : cleaner && isUuid(cleaner) ? cleaner.toLowerCase() : null,
    page: page !== null && /^\d{1,5}$/.test(page) ? Math.max(1, Number(page)) : 1,
  };
}

/** The query string of a view; defaults are left out. */
export function cleaningSearch(params: CleaningParams): string {
  const search = new URLSearchParams();
  if (params.period === 'past') search.set('periode', 'passes');
  if (params.status !== 'planned') search.set('statut', params.status ?? 'tous');
  if (params.giteId) search.set('gite', params.giteId);
  if (params.cleaner)
    search.set('intervenant', params.cleaner === 'none' ? 'aucun' : params.cleaner);
  if (params.page > 1) search.set('page', String(params.page));
  const text = search.toString();
  return text ? `?${text}` : '';
}
