import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { fiscaliteKeys } from '@/features/fiscalite/api/fiscalite-keys';
import type { tripSchema } from '@/features/fiscalite/fiscal-forms';
import { ApiError } from '@/lib/api-error';
import { commonMessages } from '@/lib/i18n';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export type TripValues = z.output<typeof tripSchema>;

const notFound = () => new ApiError({ message: commonMessages.notFound, code: 'PGRST116' }, 404);

/** Adds a trip, or changes one (RLS keeps it the owner's). */
export async function saveTrip(
  client: SupabaseClient,
  { id, values }: { id?: string; values: TripValues },
): Promise<void> {
  if (id === undefined) {
    const { error, status } = await client.from('km_trajets').insert(values);
    if (error) throw new ApiError(error, status);
    return;
  }
  const { data, error, status } = await client
    .from('km_trajets')
    .update(values)
    .eq('id', id)
    .select('id');
  if (error) throw new ApiError(error, status);
  if (data.length === 0) throw notFound();
}

export async function deleteTrip(client: SupabaseClient, id: string): Promise<void> {
  const { data, error, status } = await client
    .from('km_trajets')
    .delete()
    .eq('id', id)
    .select('id');
  if (error) throw new ApiError(error, status);
  if (data.length === 0) throw notFound();
}

/** A trip changes the list and the year's kilometres: its year's (or years', if moved) keys. */
function invalidateTripYears(queryClient: ReturnType<typeof useQueryClient>, years: number[]) {
  return Promise.all(
    [...new Set(years)].map((year) =>
      queryClient.invalidateQueries({ queryKey: fiscaliteKeys.year(year) }),
    ),
  );
}

export function useSaveTrip(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; values: TripValues }) => saveTrip(supabase, input),
    onSuccess: (_data, input) =>
      invalidateTripYears(queryClient, [year, Number(input.values.date.slice(0, 4))]),
  });
}

export function useDeleteTrip(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteTrip(supabase, id),
    onSuccess: () => invalidateTripYears(queryClient, [year]),
  });
}
