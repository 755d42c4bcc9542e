import type {
  ReservationFilters,
  ReservationSort,
  ReservationStatus,
} from '@/features/reservations/list-params';
import { normalizeSearchTerm } from '@/lib/search-normalize';
import { isUuid } from '@/lib/uuid';

/**
 * How the list's state becomes PostgREST filters and orders. Pure: the fetchers in `api/`
 * apply these to a supabase-js query, the unit tests check them without a server.
 */

export type FilterOp =
  | { op: 'eq'; column: 'gite_id' | 'plateforme' | 'status'; value: string }
  /** Arrives on or before the interval's last day. */
  | { op: 'lte'; column: 'date_debut'; value: string }
  /** Leaves after the interval's first day, i.e. has a night on or after it. */
  | { op: 'gt'; column: 'date_fin'; value: string }
  /** Guest name, lower case without accents (trigram-indexed computed field). */
  | { op: 'like'; column: 'client_nom_search'; value: string };

/**
 * The filters as PostgREST conditions, ANDed by the query. The date interval keeps the
 * stays that have at least one night in [from, to] (both days included): a stay occupies
 * the nights date_debut … date_fin − 1, so it overlaps when date_debut ≤ to and
 * date_fin > from. Either bound may be open.
 */
export function filterOps(filters: ReservationFilters): FilterOp[] {
  const ops: FilterOp[] = [];
  if (filters.giteId) ops.push({ op: 'eq', column: 'gite_id', value: filters.giteId });
  if (filters.platform) ops.push({ op: 'eq', column: 'plateforme', value: filters.platform });
  if (filters.status) ops.push({ op: 'eq', column: 'status', value: filters.status });
  if (filters.to) ops.push({ op: 'lte', column: 'date_debut', value: filters.to });
  if (filters.from) ops.push({ op: 'gt', column: 'date_fin', value: filters.from });
  const term = normalizeSearchTerm(filters.search);
  if (term) ops.push({ op: 'like', column: 'client_nom_search', value: `%${term}%` });
  return ops;
}

/**
 * Which per-owner counter (table `reservation_counts`, kept by a trigger) gives the total of
 * a list with these filters: every stay, or one status. Null when other filters apply — the
 * database counts those matching rows itself (few: they are narrowed by an index).
 */
export type CountSource = 'all' | ReservationStatus;

export function countSource(filters: ReservationFilters): CountSource | null {
  const narrowed =
    filters.giteId !== null ||
    filters.platform !== null ||
    filters.from !== null ||
    filters.to !== null ||
    normalizeSearchTerm(filters.search) !== '';
  if (narrowed) return null;
  return filters.status ?? 'all';
}

export interface OrderSpec {
  column: 'date_debut' | 'montant' | 'id';
  ascending: boolean;
  /** Only for `montant` (nullable). The date and id are never null: no NULLS clause, so the
   * order is the index's own (owner, date_debut desc, id desc) — with `nulls last` Postgres
   * read and sorted every stay of the owner for each page (a 22,000-stay owner's page 1). */
  nullsFirst?: false;
}

/**
 * The full order of a sort. Amounts without a value (blocks, stays still to complete) go
 * last whichever way; `id` breaks every tie, so a row never moves between two pages.
 */
export function orderSpecs(sort: ReservationSort): OrderSpec[] {
  switch (sort) {
    case 'date-desc':
      return [
        { column: 'date_debut', ascending: false },
        { column: 'id', ascending: false },
      ];
    case 'date-asc':
      return [
        { column: 'date_debut', ascending: true },
        { column: 'id', ascending: true },
      ];
    case 'montant-desc':
      return [
        { column: 'montant', ascending: false, nullsFirst: false },
        { column: 'date_debut', ascending: false },
        { column: 'id', ascending: false },
      ];
    case 'montant-asc':
      return [
        { column: 'montant', ascending: true, nullsFirst: false },
        { column: 'date_debut', ascending: false },
        { column: 'id', ascending: false },
      ];
  }
}

/** Where the next keyset page starts: the last row already shown. */
export interface KeysetCursor {
  date_debut: string;
  id: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The PostgREST `or` condition of the rows after `cursor` in (date_debut, id) order:
 * newest first, `date_debut < X or (date_debut = X and id < Y)`. The values are checked
 * (a date, a uuid) before they go into the filter string, which has its own syntax.
 */
export function keysetCondition(cursor: KeysetCursor, direction: 'desc' | 'asc'): string {
  if (!ISO_DATE.test(cursor.date_debut) || !isUuid(cursor.id)) {
    throw new Error(`Curseur de pagination invalide : ${cursor.date_debut} / ${cursor.id}`);
  }
  const op = direction === 'desc' ? 'lt' : 'gt';
  return `date_debut.${op}.${cursor.date_debut},and(date_debut.eq.${cursor.date_debut},id.${op}.${cursor.id})`;
}

/** The cursor after a page, or null when the page was the last one (shorter than asked). */
export function nextCursor(
  rows: ReadonlyArray<{ date_debut: string; id: string }>,
  limit: number,
): KeysetCursor | null {
  if (rows.length < limit) return null;
  const last = rows[rows.length - 1];
  return last ? { date_debut: last.date_debut, id: last.id } : null;
}
