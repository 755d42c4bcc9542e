import { queryOptions, useQuery } from '@tanstack/react-query';
import { fiscaliteKeys } from '@/features/fiscalite/api/fiscalite-keys';
import { ApiError } from '@/lib/api-error';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export interface TripTotals {
  trips: number;
  businessKm: number;
}

/**
 * The year's trips and business kilometres (`fiscal_trip_totals`, round trips twice). On the
 * primary, not the replica: the page adds a trip and shows the new total at once.
 */
export async function getTripTotals(client: SupabaseClient, year: number): Promise<TripTotals> {
  const { data, error, status } = await client.rpc(
    'fiscal_trip_totals',
    { p_year: year },
    { get: true },
  );
  if (error) throw new ApiError(error, status);
  const row = data[0];
  return { trips: row?.trajets ?? 0, businessKm: Number(row?.km_professionnels ?? 0) };
}

export const tripTotalsQueries = {
  year: (year: number) =>
    queryOptions({
      queryKey: fiscaliteKeys.tripTotals(year),
      queryFn: () => getTripTotals(supabase, year),
    }),
};

export function useTripTotals(year: number) {
  return useQuery(tripTotalsQueries.year(year));
}
