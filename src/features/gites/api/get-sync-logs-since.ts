import type { SyncLogResult } from '@/features/gites/sync-run';
import { ApiError } from '@/lib/api-error';
import type { SupabaseClient } from '@/lib/supabase';

/** The newest attempt of a gîte's history when the owner asked for a sync (server time). */
export interface SyncLogMarker {
  id: number;
  synced_at: string;
}

/** The gîte's newest sync_logs row, or null (read on the (gite_id, synced_at desc) index). */
export async function getLatestSyncLog(
  client: SupabaseClient,
  giteId: string,
): Promise<SyncLogMarker | null> {
  const { data, error, status } = await client
    .from('sync_logs')
    .select('id, synced_at')
    .eq('gite_id', giteId)
    .order('synced_at', { ascending: false })
    .order('id', { ascending: false })
    .limit(1)
    .maybeSingle();
  if (error) throw new ApiError(error, status);
  return data;
}

/** Attempts of a sync, at most this many (a few per feed; a gîte has at most 10 feeds). */
const MAX_LOGS = 200;

/**
 * The attempts written for these feeds after `marker` (the newest row before the
 * request): what the sync just did. Bounded by time too, so the index does the work.
 */
export async function getSyncLogsSince(
  client: SupabaseClient,
  giteId: string,
  feedIds: readonly string[],
  marker: SyncLogMarker | null,
): Promise<SyncLogResult[]> {
  let query = client
    .from('sync_logs')
    .select('id, feed_id, status, added, updated, cancelled')
    .eq('gite_id', giteId)
    .in('feed_id', [...feedIds]);
  if (marker) query = query.gte('synced_at', marker.synced_at).gt('id', marker.id);
  const { data, error, status } = await query
    .order('synced_at', { ascending: false })
    .order('id', { ascending: false })
    .limit(MAX_LOGS);
  if (error) throw new ApiError(error, status);
  return data;
}
