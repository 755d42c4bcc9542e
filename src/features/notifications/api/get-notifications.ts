import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { NotificationParams } from '@/features/notifications/notification-params';
import { ApiError } from '@/lib/api-error';
import { pageRange } from '@/lib/pagination';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** Notifications per page. */
export const NOTIFICATIONS_PAGE_SIZE = 20;

/** Every notification query key starts with `notificationKeys.all`. */
export const notificationKeys = {
  all: ['notifications'] as const,
  lists: () => [...notificationKeys.all, 'list'] as const,
  list: (params: NotificationParams) => [...notificationKeys.lists(), params] as const,
  unreadCount: () => [...notificationKeys.all, 'unread-count'] as const,
};

export const NOTIFICATION_SELECT = 'id, type, titre, message, lien, is_read, created_at';

export interface NotificationRow {
  id: string;
  type: string;
  titre: string;
  message: string | null;
  lien: string | null;
  is_read: boolean;
  created_at: string;
}

export interface NotificationsPage {
  rows: NotificationRow[];
  total: number;
}

/**
 * One page of the owner's notifications with `range()` and an exact count, in the order of
 * idx_notifications_user_read (owner_user_id, is_read, created_at desc): unread first, then
 * newest first; or the unread ones only. RLS keeps the owner to their rows.
 */
export async function getNotificationsPage(
  client: SupabaseClient,
  params: NotificationParams,
): Promise<NotificationsPage> {
  const { from, to } = pageRange(params.page, NOTIFICATIONS_PAGE_SIZE);
  let query = client.from('notifications').select(NOTIFICATION_SELECT, { count: 'exact' });
  if (params.unreadOnly) query = query.eq('is_read', false);
  const { data, count, error, status } = await query
    .order('is_read', { ascending: true })
    .order('created_at', { ascending: false })
    .order('id', { ascending: false })
    .range(from, to);
  if (error) throw new ApiError(error, status);
  return { rows: data, total: count ?? data.length };
}

export const notificationQueries = {
  list: (params: NotificationParams) =>
    queryOptions({
      queryKey: notificationKeys.list(params),
      queryFn: () => getNotificationsPage(supabase, params),
      placeholderData: keepPreviousData,
    }),
};

export function useNotifications(params: NotificationParams) {
  return useQuery(notificationQueries.list(params));
}
