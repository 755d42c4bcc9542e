import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notificationKeys } from '@/features/notifications/api/get-notifications';
import { ApiError } from '@/lib/api-error';
import { type SupabaseClient, supabase, supabaseAuth } from '@/lib/supabase';

/**
 * Every unread notification of the signed-in owner marked read in ONE update, filtered by
 * owner and is_read = false (the index's leading columns). Returns how many were marked.
 */
export async function markAllNotificationsRead(
  client: SupabaseClient,
  ownerId: string,
): Promise<number> {
  const { data, error, status } = await client
    .from('notifications')
    .update({ is_read: true, read_at: new Date().toISOString() })
    .eq('owner_user_id', ownerId)
    .eq('is_read', false)
    .select('id');
  if (error) throw new ApiError(error, status);
  return data.length;
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const { data } = await supabaseAuth.getSession();
      const ownerId = data.session?.user.id;
      if (!ownerId) throw new ApiError({ message: 'Session expirée.', code: 'PGRST301' }, 401);
      return markAllNotificationsRead(supabase, ownerId);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
