import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError } from '@/lib/api-error';
import type { IsoDate } from '@/lib/iso-date';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** Every dashboard query key starts with `dashboardKeys.all`: invalidating it refreshes them all. */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  summaries: () => [...dashboardKeys.all, 'summary'] as const,
  summary: (today: IsoDate) => [...dashboardKeys.summaries(), today] as const,
};

const stayItem = z.object({
  id: z.string(),
  gite_id: z.string(),
  gite_nom: z.string(),
  client_nom: z.string().nullable(),
  plateforme: z.string(),
  status: z.string(),
  date_debut: z.string(),
  date_fin: z.string(),
  nb_personnes: z.number().nullable(),
});

const upcomingItem = stayItem.extend({
  /** An arrival on `date` (its date_debut) or a departure on `date` (its date_fin). */
  kind: z.enum(['arrival', 'departure']),
  date: z.string(),
});

const occupancyItem = z.object({
  gite_id: z.string(),
  gite_nom: z.string(),
  nights_booked: z.number(),
  nights_blocked: z.number(),
  nights_in_month: z.number(),
  /** Booked nights over the nights of the month, 0 … 1. */
  rate: z.number(),
});

/** What `dashboard_summary(p_today)` returns (jsonb), checked before the page uses it. */
const dashboardSummarySchema = z.object({
  arrivals_today: z.array(stayItem),
  departures_today: z.array(stayItem),
  next_7_days: z.array(upcomingItem),
  occupancy: z.array(occupancyItem),
  revenue_ytd: z.number(),
  revenue_ytd_previous: z.number(),
});

export type DashboardStay = z.infer<typeof stayItem>;
export type DashboardUpcoming = z.infer<typeof upcomingItem>;
export type DashboardOccupancy = z.infer<typeof occupancyItem>;
export type DashboardSummary = z.infer<typeof dashboardSummarySchema>;

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
  const { data, error, status } = await client.rpc('dashboard_summary', { p_today: today });
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
