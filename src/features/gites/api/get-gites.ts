import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { compareGitesInOwnerOrder } from '@/lib/owner-gites';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** Every gîtes query key starts with `gitesKeys.all`: invalidating it refreshes them all. */
export const gitesKeys = {
  all: ['gites'] as const,
  lists: () => [...gitesKeys.all, 'list'] as const,
  list: () => [...gitesKeys.lists()] as const,
  details: () => [...gitesKeys.all, 'detail'] as const,
  detail: (id: string) => [...gitesKeys.details(), id] as const,
  syncHistories: () => [...gitesKeys.all, 'sync-history'] as const,
  syncHistory: (giteId: string, page: number) =>
    [...gitesKeys.syncHistories(), giteId, { page }] as const,
};

/** A feed's task waiting to run or running (at most one per feed: a unique index). */
export type LiveSyncTask = Pick<
  Tables<'sync_queue'>,
  'id' | 'status' | 'run_after' | 'attempts' | 'last_error'
>;

/** A feed with its sync state, as the gîte card shows it. */
export type IcalFeed = Pick<
  Tables<'ical_feeds'>,
  | 'id'
  | 'gite_id'
  | 'platform'
  | 'label'
  | 'url'
  | 'is_active'
  | 'last_synced_at'
  | 'last_success_at'
  | 'last_status'
  | 'last_error'
  | 'created_at'
> & {
  /** Its pending or processing task, if any (0 or 1 element). */
  tasks: LiveSyncTask[];
};

export type Gite = Pick<
  Tables<'gites'>,
  | 'id'
  | 'nom'
  | 'adresse'
  | 'code_postal'
  | 'ville'
  | 'capacite'
  | 'couleur'
  | 'ordre'
  | 'created_at'
>;

export type GiteWithFeeds = Gite & { ical_feeds: IcalFeed[] };

/** The feed columns the card needs, with its live task (filter on `LIVE_TASK_STATUSES`). */
export const FEED_SELECT =
  'id, gite_id, platform, label, url, is_active, last_synced_at, last_success_at, last_status, last_error, created_at, tasks:sync_queue(id, status, run_after, attempts, last_error)';

/** Statuses of a task not finished yet (the queue keeps done and failed ones a day). */
export const LIVE_TASK_STATUSES = ['pending', 'processing'] as const;

const GITE_SELECT = `id, nom, adresse, code_postal, ville, capacite, couleur, ordre, created_at, ical_feeds(${FEED_SELECT})`;

/** An owner has a few gîtes (50 for the largest): one bounded page holds them all. */
const MAX_GITES = 500;

/**
 * The signed-in owner's gîtes (RLS keeps it to theirs), each with its iCal feeds, their
 * sync state and live task.
 */
export async function getGites(client: SupabaseClient): Promise<GiteWithFeeds[]> {
  const { data, error, status } = await client
    .from('gites')
    .select(GITE_SELECT)
    .in('ical_feeds.tasks.status', [...LIVE_TASK_STATUSES])
    .order('created_at', { referencedTable: 'ical_feeds' })
    .order('ordre')
    .order('created_at')
    .range(0, MAX_GITES - 1);
  if (error) throw new ApiError(error, status);
  return data.toSorted(compareGitesInOwnerOrder);
}

export const gitesQueries = {
  list: () => queryOptions({ queryKey: gitesKeys.list(), queryFn: () => getGites(supabase) }),
};

export function useGites() {
  return useQuery(gitesQueries.list());
}
