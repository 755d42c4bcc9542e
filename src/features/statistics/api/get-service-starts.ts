import { queryOptions, useQuery } from '@tanstack/react-query';
import { statisticsKeys } from '@/features/statistics/api/get-statistics';
import type { ServiceStarts } from '@/features/statistics/statistics-model';
import { ApiError } from '@/lib/api-error';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/**
 * Since when each of the owner's gîtes counts in the statistics (`gite_service_starts`: the
 * earlier of its addition to the app and its first stay's arrival). GET: the service
 * worker keeps the answer for the offline mode.
 */
export async function getServiceStarts(client: SupabaseClient): Promise<ServiceStarts> {
  const { data, error, status } = await client.rpc('gite_service_starts', undefined, {
    get: true,
  });
  if (error) throw new ApiError(error, status);
  return new Map(data.map((row) => [row.gite_id, row.since]));
}

export const serviceStartsQueries = {
  list: () =>
    queryOptions({
      queryKey: statisticsKeys.serviceStarts(),
      queryFn: () => getServiceStarts(supabase),
    }),
};

export function useServiceStarts() {
  return useQuery(serviceStartsQueries.list());
}
