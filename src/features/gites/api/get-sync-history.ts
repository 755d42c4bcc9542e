import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { gitesKeys } from '@/features/gites/api/get-gites';
import { SYNC_HISTORY_PAGE_SIZE } from '@/features/gites/sync-history';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { clampPage, pageCount, pageRange } from '@/lib/pagination';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export type SyncHistoryRow = Pick<
  Tables<'sync_logs'>,
  | 'id'
  | 'feed_id'
  | 'status'
  | 'http_status'
  | 'added'
  | 'updated'
  | 'cancelled'
  | 'error'
  | 'duration_ms'
  | 'synced_at'
> & { feed: Pick<Tables<'ical_feeds'>, 'platform' | 'label'> | null };

const HISTORY_SELECT =
  'id, feed_id, status, http_status, added, updated, cancelled, error, duration_ms, synced_at, feed:ical_feeds(platform, label)';

export interface SyncHistoryRequest {
  giteId: string;
  /** 1-based; a page past the end gives the last page. */
  page: number;
  pageSize?: number;
}

export interface SyncHistoryPage {
  rows: SyncHistoryRow[];
  /** Exact number of attempts of the gîte (counted by the database with the page). */
  total: number;
  /** The page these rows are: the one asked for, or the last one if that was past the end. */
  page: number;
  pageCount: number;
}

/** PostgREST's answer to an offset beyond the last row (HTTP 416). */
const RANGE_NOT_SATISFIABLE = 'PGRST103';

function historyQuery(client: SupabaseClient, giteId: string, page: number, pageSize: number) {
  const { from, to } = pageRange(page, pageSize);
  return client
    .from('sync_logs')
    .select(HISTORY_SELECT, { count: 'exact' })
    .eq('gite_id', giteId)
    .order('synced_at', { ascending: false })
    .order('id', { ascending: false })
    .range(from, to);
}

/**
 * One page of a gîte's sync attempts, newest first, with the exact total (RLS keeps it to
 * the owner's rows; the (gite_id, synced_at desc) index serves the order). Attempts are
 * kept 90 days: a page that no longer exists gives the last one.
 */
export async function getSyncHistoryPage(
  client: SupabaseClient,
  { giteId, page, pageSize = SYNC_HISTORY_PAGE_SIZE }: SyncHistoryRequest,
): Promise<SyncHistoryPage> {
  let wanted = Math.max(1, Math.floor(page));
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const { data, count, error, status } = await historyQuery(client, giteId, wanted, pageSize);
    if (error && error.code === RANGE_NOT_SATISFIABLE) {
      const counted = await client
        .from('sync_logs')
        .select('id', { count: 'exact', head: true })
        .eq('gite_id', giteId);
      if (counted.error) throw new ApiError(counted.error, counted.status);
      wanted = clampPage(wanted, counted.count ?? 0, pageSize);
      continue;
    }
    if (error) throw new ApiError(error, status);
    const total = Math.max(count ?? 0, (wanted - 1) * pageSize + data.length);
    const rows: SyncHistoryRow[] = data;
    return { rows, total, page: wanted, pageCount: pageCount(total, pageSize) };
  }
  throw new ApiError({ message: 'L’historique change trop vite, réessayez.', code: '' }, 503);
}

export const syncHistoryQueries = {
  page: (giteId: string, page: number) =>
    queryOptions({
      queryKey: gitesKeys.syncHistory(giteId, page),
      queryFn: () => getSyncHistoryPage(supabase, { giteId, page }),
    }),
};

/** A page of the history; the previous page stays on screen while the next one loads. */
export function useSyncHistory(giteId: string, page: number) {
  return useQuery({ ...syncHistoryQueries.page(giteId, page), placeholderData: keepPreviousData });
}
