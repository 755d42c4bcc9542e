import { useMutation } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-error';
import { commonMessages } from '@/lib/i18n';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/**
 * The owner says what an undecided imported period is (Booking.com's "CLOSED - Not
 * available"): a closure (blocked, and the sync keeps it blocked while the platform lists
 * it) or a stay after all. Only such periods can be changed this way: the filters make a
 * stale screen unable to touch a direct booking, an echo or a cancelled stay.
 */
export async function markImportedClosure(
  client: SupabaseClient,
  id: string,
  closure: boolean,
): Promise<void> {
  const { data, error, status } = await client
    .from('reservations')
    .update({ owner_marked_closure: closure, status: closure ? 'blocked' : 'confirmed' })
    .eq('id', id)
    .eq('feed_kind', 'to_complete')
    .is('echo_of', null)
    .neq('status', 'cancelled')
    .select('id');
  if (error) throw new ApiError(error, status);
  if (data.length === 0) {
    throw new ApiError({ message: commonMessages.notFound, code: 'PGRST116' }, 404);
  }
}

/** Every reservations query is refetched after it (the query client's MutationCache). */
export function useMarkImportedClosure() {
  return useMutation({
    mutationFn: ({ id, closure }: { id: string; closure: boolean }) =>
      markImportedClosure(supabase, id, closure),
  });
}
