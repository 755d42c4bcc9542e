import { useMutation, useQueryClient } from '@tanstack/react-query';
import { reservationKeys } from '@/features/reservations/api/get-reservations';
import { ApiError } from '@/lib/api-error';
import { commonMessages } from '@/lib/i18n';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/**
 * Cancels a direct booking: its status becomes `cancelled` (the database stamps
 * cancelled_at). Nothing is deleted, the stay stays in the history and the revenue
 * figures stop counting it. Imported stays are left alone: their feed decides, and a
 * stay that leaves its feed is cancelled by the sync.
 */
export async function cancelReservation(client: SupabaseClient, id: string): Promise<void> {
  const { data, error, status } = await client
    .from('reservations')
    .update({ status: 'cancelled' })
    .eq('id', id)
    .is('feed_id', null)
    .is('external_uid', null)
    .select('id');
  if (error) throw new ApiError(error, status);
  if (data.length === 0) {
    throw new ApiError({ message: commonMessages.notFound, code: 'PGRST116' }, 404);
  }
}

export function useCancelReservation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => cancelReservation(supabase, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reservationKeys.all }),
  });
}
