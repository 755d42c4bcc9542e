import { queryOptions, useQuery } from '@tanstack/react-query';
import { notificationKeys } from '@/features/notifications/api/get-notifications';
import { ApiError } from '@/lib/api-error';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** How often the header's count is read again while the app is open. */
export const UNREAD_REFRESH_MS = 60_000;

/**
 * The owner's unread notifications: a HEAD request with an exact count (no rows travel),
 * served by idx_notifications_user_read (owner_user_id, is_read, …).
 */
export async function getUnreadCount(client: SupabaseClient): Promise<number> {
  const { count, error, status } = await client
    .from('notifications')
    .select('id', { count: 'exact', head: true })
    .eq('is_read', false);
  if (error) throw new ApiError(error, status);
  return count ?? 0;
}

export const unreadCountQuery = () =>
  queryOptions({
    queryKey: notificationKeys.unreadCount(),
    queryFn: () => getUnreadCount(supabase),
    refetchInterval: UNREAD_REFRESH_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    staleTime: 15_000,
  });

export function useUnreadCount() {
  return useQuery(unreadCountQuery());
}
