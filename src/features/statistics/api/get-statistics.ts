import { queryOptions, useQuery } from '@tanstack/react-query';
import { statisticsRowsSchema } from '@/features/statistics/api/statistics-schema';
import type { StatisticsRow } from '@/features/statistics/statistics-model';
import { ApiError } from '@/lib/api-error';
import { heavyReads, type SupabaseClient } from '@/lib/supabase';

/** Every statistics query key starts with `statisticsKeys.all`. */
export const statisticsKeys = {
  all: ['statistics'] as const,
  years: () => [...statisticsKeys.all, 'year'] as const,
  year: (year: number, giteId: string | null) =>
    [...statisticsKeys.years(), year, giteId ?? 'all'] as const,
  serviceStarts: () => [...statisticsKeys.all, 'service-starts'] as const,
};

/**
 * A year's and the previous year's figures by month, per platform and per gîte, computed by
 * the database (`stay_statistics`): a few hundred rows, never the stays themselves. GET (the
 * function is stable): the service worker keeps the answer for the offline mode.
 */
export async function getStayStatistics(
  client: SupabaseClient,
  year: number,
  giteId: string | null,
): Promise<StatisticsRow[]> {
  const { data, error, status } = await client.rpc(
    'stay_statistics',
    giteId ? { p_year: year, p_gite_id: giteId } : { p_year: year },
    { get: true },
  );
  if (error) throw new ApiError(error, status);
  const parsed = statisticsRowsSchema.safeParse(data);
  if (!parsed.success) {
    throw new ApiError(
      { message: `stay_statistics: unexpected answer (${parsed.error.message})`, code: '' },
      status,
    );
  }
  return parsed.data;
}

export const statisticsQueries = {
  year: (year: number, giteId: string | null) =>
    queryOptions({
      queryKey: statisticsKeys.year(year, giteId),
      // A heavy read: on the read replica when one is configured (falls back to the primary).
      queryFn: () => heavyReads.run((client) => getStayStatistics(client, year, giteId)),
    }),
};

export function useStayStatistics(year: number, giteId: string | null) {
  return useQuery(statisticsQueries.year(year, giteId));
}
