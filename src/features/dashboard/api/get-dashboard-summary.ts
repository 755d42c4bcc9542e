import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DashboardSummary } from '@/features/dashboard/api/dashboard-summary-schema';
import { ApiError } from '@/lib/api-error';
import type { IsoDate } from '@/lib/iso-date';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** Every dashboard query key starts with `dashboardKeys.all`: invalidating it refreshes them all. */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  summaries: () => [...dashboardKeys.all, 'summary'] as const,
  summary: (today: IsoDate) => [...dashboardKeys.summaries(), today] as const,
};

export type {
  DashboardOccupancy,
  DashboardStay,
  DashboardSummary,
  DashboardUpcoming,
} from '@/features/dashboard/api/dashboard-summary-schema';

/**
 * The Tableau de bord in one request: the database reads today's arrivals and
 * departures, the next 7 days, this month's occupancy per gîte and the revenue to date
 * (this year and last year) from the owner's indexed rows, and returns only that.
 * `today` is the owner's local day, not the server's.
 */
export async function getDashboardSummary(
  client: SupabaseClient,
  today: IsoDate,
): Promise<DashboardSummary> {
  // The answer's schema (zod) downloads while the request is on its way. GET (the function
  // is stable): the service worker keeps GET answers for the offline mode, never POSTs.
  const [{ dashboardSummarySchema }, { data, error, status }] = await Promise.all([
    import('@/features/dashboard/api/dashboard-summary-schema'),
    client.rpc('dashboard_summary', { p_today: today }, { get: true }),
  ]);
  if (error) throw new ApiError(error, status);
  const parsed = dashboardSummarySchema.safeParse(data);
  if (!parsed.success) {
    throw new ApiError(
      { message: `dashboard_summary: unexpected answer (${parsed.error.message})`, code: '' },
      status,
    );
  }
  return parsed.data;
}

export const dashboardQueries = {
  summary: (today: IsoDate) =>
    queryOptions({
      queryKey: dashboardKeys.summary(today),
      queryFn: () => getDashboardSummary(supabase, today),
    }),
};

export function useDashboardSummary(today: IsoDate) {
  return useQuery(dashboardQueries.summary(today));
}
