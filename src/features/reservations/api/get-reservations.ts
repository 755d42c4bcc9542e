import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ReservationFilters, ReservationSort } from '@/features/reservations/list-params';
import {
  type CountSource,
  countSource,
  type FilterOp,
  filterOps,
  orderSpecs,
} from '@/features/reservations/reservation-query';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { clampPage, pageCount, pageRange } from '@/lib/pagination';
import { normalizeSearchTerm } from '@/lib/search-normalize';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/**
 * Every reservations query key starts with `reservationKeys.all`: a mutation invalidates
 * it and every list, history and overlap check is refetched.
 */
/** Rows per page of the Réservations list. */
export const PAGE_SIZE = 50;

export const reservationKeys = {
  all: ['reservations'] as const,
  lists: () => [...reservationKeys.all, 'list'] as const,
  page: (filters: ReservationFilters, sort: ReservationSort, page: number) =>
    [...reservationKeys.lists(), 'page', { filters, sort, page }] as const,
  history: (filters: ReservationFilters, sort: ReservationSort) =>
    [...reservationKeys.lists(), 'history', { filters, sort }] as const,
  overlaps: (giteId: string, debut: string, fin: string, excludeId: string | null) =>
    [...reservationKeys.all, 'overlaps', { giteId, debut, fin, excludeId }] as const,
};

/**
 * One row of the list: what the table, the cards and the edit form need. The rows come from
 * the `reservation_list` view, shaped for this list: the stay and its overlap flag (the
 * gîte's name and colour come from the owner's gîtes, which the page loads: gite-lookup.ts). PostgREST 12 spends ≈ 0.1 ms of CPU per column named in `select=`
 * (the list's 19 columns and 2 embeds: 2.9 ms a request, more than the query itself), a
 * view read with `select=*` 0.9 ms — see the migration `20261127000100_reservation_list_view`.
 * The type generator makes every column of a view nullable; these are not (NOT NULL
 * columns), so the reads state the row type (`overrideTypes`).
 * `feed_kind`, `echo_of` and `owner_marked_closure` say what an imported stay is (a stay to
 * complete, an echo of our own export, a period the owner marked as a closure).
 */
export type ReservationListRow = Pick<
  Tables<'reservations'>,
  | 'id'
  | 'gite_id'
  | 'feed_id'
  | 'external_uid'
  | 'plateforme'
  | 'status'
  | 'client_nom'
  | 'client_email'
  | 'client_telephone'
  | 'nb_personnes'
  | 'nb_adultes'
  | 'montant'
  | 'date_debut'
  | 'date_fin'
  | 'notes'
  | 'feed_kind'
  | 'echo_of'
  | 'owner_marked_closure'
> & {
  /** Another live stay of the same gîte shares a night with this one. */
  has_overlap: boolean;
};

/** The builder's filter methods this feature uses (supabase-js query builders have them all). */
interface Filterable<Self> {
  eq(column: string, value: string): Self;
  lte(column: string, value: string): Self;
  gt(column: string, value: string): Self;
  like(column: string, pattern: string): Self;
}

/** Applies the list's filters (see `filterOps`) to any reservations query. */
export function applyFilters<Q extends Filterable<Q>>(query: Q, ops: readonly FilterOp[]): Q {
  let next = query;
  for (const f of ops) {
    switch (f.op) {
      case 'eq':
        next = next.eq(f.column, f.value);
        break;
      case 'lte':
        next = next.lte(f.column, f.value);
        break;
      case 'gt':
        next = next.gt(f.column, f.value);
        break;
      case 'like':
        next = next.like(f.column, f.value);
        break;
    }
  }
  return next;
}

/**
 * Where a list reads from: the `reservation_list` view, or with a name to search
 * `search_reservation_list` (the same rows). Under RLS a LIKE filter cannot use the trigram
 * index (LIKE is not leakproof, so Postgres applies it after reading all the owner's rows),
 * the function can (bench, 22,000-stay owner: 9 ms against 244 ms p95). It matches the name
 * itself; the other filters apply on top either way. Always `select=*` (see ReservationListRow).
 */
export function reservationsSource(
  client: SupabaseClient,
  filters: ReservationFilters,
  options: { count?: 'exact' } = {},
) {
  const ops = filterOps(filters);
  const term = normalizeSearchTerm(filters.search);
  if (term) {
    return applyFilters(
      client.rpc('search_reservation_list', { p_query: term }, options).select('*'),
      ops.filter((op) => op.op !== 'like'),
    );
  }
  return applyFilters(client.from('reservation_list').select('*', options), ops);
}

export interface ReservationsPageRequest {
  filters: ReservationFilters;
  sort: ReservationSort;
  /** 1-based; a page past the end gives the last page. */
  page: number;
}

export interface ReservationsPage {
  rows: ReservationListRow[];
  /** Exact number of matching reservations (one owner's rows, counted by the database). */
  total: number;
  /** The page these rows are: the requested one, or the last one when it was past the end. */
  page: number;
  pageCount: number;
}

/**
 * How a list gets its total. Without filters, or with the status alone, from the owner's
 * counter (`reservation_counts`, kept exact by a trigger), read beside the rows: counting a
 * 22,000-stay owner's rows costs 4 ms on every page, the counter one primary-key read.
 * Otherwise the database counts the matching rows with the query (`count: 'exact'`).
 */
export function listTotal(client: SupabaseClient, filters: ReservationFilters) {
  const source = countSource(filters);
  return {
    queryOptions: source === null ? ({ count: 'exact' } as const) : {},
    counter: source === null ? Promise.resolve(null) : readOwnerCount(client, source),
  };
}

function pageQuery(
  client: SupabaseClient,
  request: ReservationsPageRequest,
  page: number,
  options: { count?: 'exact' },
) {
  const { from, to } = pageRange(page, PAGE_SIZE);
  let query = reservationsSource(client, request.filters, options);
  for (const order of orderSpecs(request.sort)) {
    query = query.order(order.column, {
      ascending: order.ascending,
      nullsFirst: order.nullsFirst,
    });
  }
  return query.range(from, to).overrideTypes<ReservationListRow[], { merge: false }>();
}

/**
 * The signed-in owner's number of stays, all or of one status, from `reservation_counts`
 * (kept exact by a trigger on every write). An owner who never had a stay has no row: 0.
 */
export async function readOwnerCount(client: SupabaseClient, source: CountSource): Promise<number> {
  const { data, error, status } = await client
    .from('reservation_counts')
    .select('confirmed, blocked, cancelled')
    .maybeSingle();
  if (error) throw new ApiError(error, status);
  if (!data) return 0;
  return source === 'all' ? data.confirmed + data.blocked + data.cancelled : data[source];
}

/** Exact count of the matching rows (reads at most one of them, or the owner's counter). */
export async function countReservations(
  client: SupabaseClient,
  filters: ReservationFilters,
): Promise<number> {
  const source = countSource(filters);
  if (source !== null) return readOwnerCount(client, source);
  const { count, error, status } = await reservationsSource(client, filters, {
    count: 'exact',
  }).limit(1);
  if (error) throw new ApiError(error, status);
  return count ?? 0;
}

/** PostgREST's answer to an offset beyond the last row (HTTP 416). */
const RANGE_NOT_SATISFIABLE = 'PGRST103';

/**
 * One page of 50 with the exact total, filtered and sorted by the database. A page past
 * the end (an old link, rows cancelled meanwhile) is not an error: the last page comes back
 * instead, with its number, so the page can correct the URL.
 */
export async function getReservationsPage(
  client: SupabaseClient,
  request: ReservationsPageRequest,
): Promise<ReservationsPage> {
  const wanted = Math.max(1, Math.floor(request.page));
  const total = listTotal(client, request.filters);
  const [first, counted] = await Promise.all([
    pageQuery(client, request, wanted, total.queryOptions),
    total.counter,
  ]);
  if (!first.error) {
    // A write between the two reads could leave the counter one behind the rows: never
    // show fewer than the rows on screen.
    const shown = Math.max(
      counted ?? first.count ?? first.data.length,
      (wanted - 1) * PAGE_SIZE + first.data.length,
    );
    if (first.data.length > 0 || wanted === 1) {
      return {
        rows: first.data,
        total: shown,
        page: wanted,
        pageCount: pageCount(shown, PAGE_SIZE),
      };
    }
  } else if (first.error.code !== RANGE_NOT_SATISFIABLE) {
    throw new ApiError(first.error, first.status);
  }
  // Past the end: count, then read the last page (rows may move in between: loop once more).
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const total = await countReservations(client, request.filters);
    const last = clampPage(wanted, total, PAGE_SIZE);
    const { data, count, error, status } = await pageQuery(client, request, last, {});
    if (error && error.code === RANGE_NOT_SATISFIABLE) continue;
    if (error) throw new ApiError(error, status);
    const finalTotal = Math.max(count ?? total, (last - 1) * PAGE_SIZE + data.length);
    return {
      rows: data,
      total: finalTotal,
      page: last,
      pageCount: pageCount(finalTotal, PAGE_SIZE),
    };
  }
  throw new ApiError({ message: 'La liste change trop vite, réessayez.', code: '' }, 503);
}

export const reservationsQueries = {
  page: (request: ReservationsPageRequest) =>
    queryOptions({
      queryKey: reservationKeys.page(request.filters, request.sort, request.page),
      queryFn: () => getReservationsPage(supabase, request),
    }),
};

/** The current page; the previous one stays on screen while the next loads (no flash). */
export function useReservationsPage(request: ReservationsPageRequest, enabled = true) {
  return useQuery({
    ...reservationsQueries.page(request),
    placeholderData: keepPreviousData,
    enabled,
  });
}
