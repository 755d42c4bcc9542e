import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ActivityRow } from '@/features/activities/activity-form-schema';
import { ACTIVITIES_PAGE_SIZE, type ActivityListParams } from '@/features/activities/list-params';
import { ApiError } from '@/lib/api-error';
import { clampPage, pageCount, pageRange } from '@/lib/pagination';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** Every activities query key starts with `activityKeys.all`. */
export const activityKeys = {
  all: ['activities'] as const,
  lists: () => [...activityKeys.all, 'list'] as const,
  list: (giteId: string, params: ActivityListParams) =>
    [...activityKeys.lists(), giteId, params] as const,
  gites: () => [...activityKeys.all, 'gite'] as const,
  gite: (giteId: string) => [...activityKeys.gites(), giteId] as const,
};

const ACTIVITY_SELECT =
  'id, nom, categorie, description, adresse, distance_km, url, telephone, ordre';

export interface ActivitiesPage {
  rows: ActivityRow[];
  /** Exact number of the gîte's activities in the category (counted with the page). */
  total: number;
  /** The page these rows are: the one asked for, or the last one if it was past the end. */
  page: number;
  pageCount: number;
}

/** PostgREST's answer to an offset beyond the last row (HTTP 416). */
const RANGE_NOT_SATISFIABLE = 'PGRST103';

function listQuery(
  client: SupabaseClient,
  giteId: string,
  categorie: string | null,
  options: { count: 'exact'; head?: boolean },
) {
  let query = client.from('activites_gites').select(ACTIVITY_SELECT, options).eq('gite_id', giteId);
  if (categorie) query = query.eq('categorie', categorie);
  return query;
}

/**
 * One page of a gîte's activities, optionally of one category, nearest first then by name,
 * with the exact total (RLS keeps it to the owner's rows; idx_activites_gite serves it).
 * A page past the end (after a deletion) gives the last page.
 */
export async function getActivitiesPage(
  client: SupabaseClient,
  giteId: string,
  { categorie, page }: ActivityListParams,
  pageSize = ACTIVITIES_PAGE_SIZE,
): Promise<ActivitiesPage> {
  let wanted = Math.max(1, Math.floor(page));
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const { from, to } = pageRange(wanted, pageSize);
    const { data, count, error, status } = await listQuery(client, giteId, categorie, {
      count: 'exact',
    })
      .order('ordre')
      .order('distance_km', { nullsFirst: false })
      .order('nom')
      .order('id')
      .range(from, to);
    if (error && error.code === RANGE_NOT_SATISFIABLE) {
      const counted = await listQuery(client, giteId, categorie, { count: 'exact', head: true });
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

/** The gîte's name for the page title; null when it does not exist or is another owner's. */
export async function getActivityGite(
  client: SupabaseClient,
  giteId: string,
): Promise<{ id: string; nom: string } | null> {
  const { data, error, status } = await client
    .from('gites')
    .select('id, nom')
    .eq('id', giteId)
    .maybeSingle();
  if (error) throw new ApiError(error, status);
  return data;
}

export const activityQueries = {
  page: (giteId: string, params: ActivityListParams) =>
    queryOptions({
      queryKey: activityKeys.list(giteId, params),
      queryFn: () => getActivitiesPage(supabase, giteId, params),
    }),
  gite: (giteId: string) =>
    queryOptions({
      queryKey: activityKeys.gite(giteId),
      queryFn: () => getActivityGite(supabase, giteId),
    }),
};

/** A page of the list; the previous page stays on screen while the next one loads. */
export function useActivitiesPage(giteId: string, params: ActivityListParams) {
  return useQuery({ ...activityQueries.page(giteId, params), placeholderData: keepPreviousData });
}

export function useActivityGite(giteId: string) {
  return useQuery(activityQueries.gite(giteId));
}
