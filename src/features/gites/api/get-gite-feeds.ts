import { FEED_SELECT, type IcalFeed, LIVE_TASK_STATUSES } from '@/features/gites/api/get-gites';
import { ApiError } from '@/lib/api-error';
import type { SupabaseClient } from '@/lib/supabase';

/**
 * One gîte's feeds with their sync state and live task, in the card's order: what
 * "Synchroniser maintenant" reads before asking and then every 1.5 s while it waits (one
 * small request instead of the whole list). No query of its own: the sync mutation copies
 * each answer into the gîtes list (see `useSyncGiteNow`).
 */
export async function getGiteFeeds(client: SupabaseClient, giteId: string): Promise<IcalFeed[]> {
  const { data, error, status } = await client
    .from('ical_feeds')
    .select(FEED_SELECT)
    .eq('gite_id', giteId)
    .in('tasks.status', [...LIVE_TASK_STATUSES])
    .order('created_at')
    .limit(100);
  if (error) throw new ApiError(error, status);
  return data;
}
