import { useMutation, useQueryClient } from '@tanstack/react-query';
import { reservationKeys } from '@/features/reservations/api/get-reservations';
import type { DirectReservationValues } from '@/features/reservations/reservation-form-schema';
import { ApiError } from '@/lib/api-error';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** Adds a direct booking (platform `direct`, confirmed); owner_user_id is set by the database. */
export async function createReservation(
  client: SupabaseClient,
  values: DirectReservationValues,
): Promise<{ id: string }> {
  const { data, error, status } = await client
    .from('reservations')
    .insert({ ...values, plateforme: 'direct', status: 'confirmed' })
    .select('id')
    .single();
  if (error) throw new ApiError(error, status);
  return data;
}

export function useCreateReservation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: DirectReservationValues) => createReservation(supabase, values),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reservationKeys.all }),
  });
}
