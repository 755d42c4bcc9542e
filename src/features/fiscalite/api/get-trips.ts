import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { fiscaliteKeys } from '@/features/fiscalite/api/fiscalite-keys';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { clampPage, pageCount, pageRange } from '@/lib/pagination';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export const TRIPS_PAGE_SIZE = 10;

export type TripRow = Pick<
  Tables<'km_trajets'>,
  'id' | 'date' | 'motif' | 'distance_km' | 'aller_retour' | 'vehicule'
>;

export interface TripsPage {
  rows: TripRow[];
  total: number;
  /** The page these rows are: the one asked for, or the last one if it was past the end. */
  page: number;
  pageCount: number;
}

const TRIP_SELECT = 'id, date, motif, distance_km, aller_retour, vehicule';
/** PostgREST's answer to an offset beyond the last row (HTTP 416). */
const RANGE_NOT_SATISFIABLE = 'PGRST103';

function yearQuery(client: SupabaseClient, year: number, head: boolean) {
  return client
    .from('km_trajets')
    .select(TRIP_SELECT, { count: 'exact', head })
    .gte('date', `${year}-01-01`)
    .lt('date', `${year + 1}-01-01`);
}

/**
 * One page of the year's trips, latest first, with the exact total (RLS keeps it to the
 * owner's; idx_km_trajets_owner_date serves it). A page past the end gives the last page.
 */
export async function getTripsPage(
  client: SupabaseClient,
  year: number,
  page: number,
  pageSize = TRIPS_PAGE_SIZE,
): Promise<TripsPage> {
  let wanted = Math.max(1, Math.floor(page));
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const { from, to } = pageRange(wanted, pageSize);
    const { data, count, error, status } = await yearQuery(client, year, false)
      .order('date', { ascending: false })
      .order('id', { ascending: false })
      .range(from, to);
    if (error && error.code === RANGE_NOT_SATISFIABLE) {
      const counted = await yearQuery(client, year, true);
      if (counted.error) throw new ApiError(counted.error, counted.status);
      wanted = clampPage(wanted, counted.count ?? 0, pageSize);
      continue;
    }
    if (error) throw new ApiError(error, status);
    const total = Math.max(count ?? 0, (wanted - 1) * pageSize + data.length);
    return { rows: data, total, page: wanted, pageCount: pageCount(total, pageSize) };
  }
  throw new ApiError({ message: 'La liste change trop vite, réessayez.', code: '' }, 503);
}

export const tripsQueries = {
  page: (year: number, page: number) =>
    queryOptions({
      queryKey: fiscaliteKeys.tripsPage(year, page),
      queryFn: () => getTripsPage(supabase, year, page),
    }),
};

/** A page of trips; the previous page stays on screen while the next one loads. */
export function useTripsPage(year: number, page: number) {
  return useQuery({ ...tripsQueries.page(year, page), placeholderData: keepPreviousData });
}
