import { useMutation, useQueryClient } from '@tanstack/react-query';
import { reservationKeys } from '@/features/reservations/api/get-reservations';
import type {
  DirectReservationValues,
  ImportedReservationValues,
} from '@/features/reservations/reservation-form-schema';
import { ApiError } from '@/lib/api-error';
import { commonMessages } from '@/lib/i18n';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export type UpdateReservationInput =
  | { id: string; kind: 'direct'; values: DirectReservationValues }
  | { id: string; kind: 'imported'; values: ImportedReservationValues };

/**
 * Saves an edited reservation. A direct booking changes every field; an imported stay
 * only the owner's (guest, amount, notes), so its dates, gîte and platform keep
 * following its feed. The direct update is also limited to rows that are not imported:
 * even a stale form can never move an imported stay's dates.
 */
export async function updateReservation(
  client: SupabaseClient,
  input: UpdateReservationInput,
): Promise<void> {
  const request =
    input.kind === 'direct'
      ? client
          .from('reservations')
          .update(input.values)
          .eq('id', input.id)
          .is('feed_id', null)
          .is('external_uid', null)
      : client.from('reservations').update(input.values).eq('id', input.id);
  const { data, error, status } = await request.select('id');
  if (error) throw new ApiError(error, status);
  if (data.length === 0) {
    throw new ApiError({ message: commonMessages.notFound, code: 'PGRST116' }, 404);
  }
}

export function useUpdateReservation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateReservationInput) => updateReservation(supabase, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reservationKeys.all }),
  });
}
