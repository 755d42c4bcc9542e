import { z } from 'zod';

/*
 * The shape of `dashboard_summary(p_today)`'s answer. In a module of its own so that zod is
 * fetched alongside the request (get-dashboard-summary.ts), not before the dashboard's first
 * paint (dev/build/budget.ts).
 */

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
export const dashboardSummarySchema = z.object({
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
