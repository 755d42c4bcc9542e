import { isIsoDate } from '@/lib/iso-date';
import { isReservationPlatform, type ReservationPlatform } from '@/lib/platforms';
import { isUuid } from '@/lib/uuid';

/**
 * What the Réservations page shows, as it is kept in the URL
 * (`/reservations?page=3&gite=…&plateforme=airbnb&statut=confirmed&du=…&au=…&q=dupont&tri=montant-desc&vue=historique`),
 * so a reload, a shared link and back/forward all land on the same place. Pure.
 */

export const RESERVATION_STATUSES = ['confirmed', 'blocked', 'cancelled'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

export function isReservationStatus(value: string): value is ReservationStatus {
  return (RESERVATION_STATUSES as readonly string[]).includes(value);
}

/** Arrival date or amount, each way. Every order ends with `id` so pages never shuffle. */
export const RESERVATION_SORTS = ['date-desc', 'date-asc', 'montant-desc', 'montant-asc'] as const;
export type ReservationSort = (typeof RESERVATION_SORTS)[number];
export const DEFAULT_SORT: ReservationSort = 'date-desc';

function isReservationSort(value: string): value is ReservationSort {
  return (RESERVATION_SORTS as readonly string[]).includes(value);
}

/** Pages of 50, or every matching stay in one virtualised list ("Tout l'historique"). */
export type ReservationView = 'pages' | 'history';

/** The filters, combined with AND in the query (never applied in the browser). */
export interface ReservationFilters {
  giteId: string | null;
  platform: ReservationPlatform | null;
  status: ReservationStatus | null;
  /** First day of the interval (YYYY-MM-DD): stays with a night on or after it. */
  from: string | null;
  /** Last day of the interval (YYYY-MM-DD), inclusive: stays arriving on or before it. */
  to: string | null;
  /** Guest-name search, as typed (case and accents are ignored by the query). */
  search: string;
}

export interface ReservationListParams {
  filters: ReservationFilters;
  sort: ReservationSort;
  view: ReservationView;
  /** 1-based; only meaningful in the 'pages' view. */
  page: number;
}

export const SEARCH_MAX_LENGTH = 100;
/** Far beyond any owner's history (20,000 stays = 400 pages); keeps offsets sane. */
export const MAX_PAGE = 100_000;

export const EMPTY_FILTERS: ReservationFilters = {
  giteId: null,
  platform: null,
  status: null,
  from: null,
  to: null,
  search: '',
};

export const DEFAULT_LIST_PARAMS: ReservationListParams = {
  filters: EMPTY_FILTERS,
  sort: DEFAULT_SORT,
  view: 'pages',
  page: 1,
};

/** URL parameter names (French, as the users see them in the address bar). */
export const PARAM = {
  page: 'page',
  gite: 'gite',
  platform: 'plateforme',
  status: 'statut',
  from: 'du',
  to: 'au',
  search: 'q',
  sort: 'tri',
  view: 'vue',
} as const;

function parsePage(raw: string | null): number {
  if (raw === null || !/^\d{1,9}$/.test(raw)) return 1;
  const page = Number(raw);
  if (page < 1) return 1;
  return Math.min(page, MAX_PAGE);
}

function parseDate(raw: string | null): string | null {
  return raw !== null && isIsoDate(raw) ? raw : null;
}

/**
 * Reads the page's state from the URL. Anything unknown or malformed falls back to its
 * default instead of failing: an old bookmark or a hand-edited address still opens.
 */
export function parseListParams(search: URLSearchParams): ReservationListParams {
  const gite = search.get(PARAM.gite);
  const platform = search.get(PARAM.platform);
  const status = search.get(PARAM.status);
  const sort = search.get(PARAM.sort);
  let from = parseDate(search.get(PARAM.from));
  let to = parseDate(search.get(PARAM.to));
  // "du 31/08 au 01/07" means the same interval as "du 01/07 au 31/08".
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  return {
    filters: {
      giteId: gite !== null && isUuid(gite) ? gite.toLowerCase() : null,
      platform: platform !== null && isReservationPlatform(platform) ? platform : null,
      status: status !== null && isReservationStatus(status) ? status : null,
      from,
      to,
      search: (search.get(PARAM.search) ?? '').trim().slice(0, SEARCH_MAX_LENGTH),
    },
    sort: sort !== null && isReservationSort(sort) ? sort : DEFAULT_SORT,
    view: search.get(PARAM.view) === 'historique' ? 'history' : 'pages',
    page: parsePage(search.get(PARAM.page)),
  };
}

/**
 * Writes the state back, leaving out every default (a bare `/reservations` is page 1,
 * newest first, no filter). The order of the keys is fixed, so equal states give equal URLs.
 */
export function serializeListParams(params: ReservationListParams): URLSearchParams {
  const out = new URLSearchParams();
  const { filters } = params;
  if (filters.giteId) out.set(PARAM.gite, filters.giteId);
  if (filters.platform) out.set(PARAM.platform, filters.platform);
  if (filters.status) out.set(PARAM.status, filters.status);
  if (filters.from) out.set(PARAM.from, filters.from);
  if (filters.to) out.set(PARAM.to, filters.to);
  const search = filters.search.trim();
  if (search) out.set(PARAM.search, search);
  if (params.sort !== DEFAULT_SORT) out.set(PARAM.sort, params.sort);
  if (params.view === 'history') out.set(PARAM.view, 'historique');
  // The history scrolls by date: sorted otherwise, it falls back to pages, which keep theirs.
  const paged = params.view === 'pages' || !supportsKeyset(params.sort);
  if (paged && params.page > 1) out.set(PARAM.page, String(params.page));
  return out;
}

/** The same state with other filters: back to page 1, since the old page may not exist. */
export function withFilters(
  params: ReservationListParams,
  patch: Partial<ReservationFilters>,
): ReservationListParams {
  return { ...params, filters: { ...params.filters, ...patch }, page: 1 };
}

export function hasActiveFilters(filters: ReservationFilters): boolean {
  return (
    filters.giteId !== null ||
    filters.platform !== null ||
    filters.status !== null ||
    filters.from !== null ||
    filters.to !== null ||
    filters.search.trim() !== ''
  );
}

/**
 * The keyset ("Tout l'historique") list walks (date_debut, id); sorting by amount has no
 * such walk, so that sort stays in pages.
 */
export function supportsKeyset(sort: ReservationSort): sort is 'date-desc' | 'date-asc' {
  return sort === 'date-desc' || sort === 'date-asc';
}
