import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { fiscaliteKeys } from '@/features/fiscalite/api/fiscalite-keys';
import type { carryForwardSchema } from '@/features/fiscalite/fiscal-forms';
import { ApiError } from '@/lib/api-error';
import { commonMessages } from '@/lib/i18n';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export type CarryForwardValues = z.output<typeof carryForwardSchema>;

/** Adds a carry-forward entered by hand (one per kind and year of origin: 23505 otherwise). */
export async function addCarryForward(
  client: SupabaseClient,
  values: CarryForwardValues,
): Promise<void> {
  const { error, status } = await client.from('reports_fiscaux').insert(values);
  if (error) throw new ApiError(error, status);
}

export async function deleteCarryForward(client: SupabaseClient, id: string): Promise<void> {
  const { data, error, status } = await client
    .from('reports_fiscaux')
    .delete()
    .eq('id', id)
    .select('id');
  if (error) throw new ApiError(error, status);
  if (data.length === 0) {
    throw new ApiError({ message: commonMessages.notFound, code: 'PGRST116' }, 404);
  }
}

export function useAddCarryForward() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: CarryForwardValues) => addCarryForward(supabase, values),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fiscaliteKeys.carryForwards() }),
  });
}

export function useDeleteCarryForward() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteCarryForward(supabase, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fiscaliteKeys.carryForwards() }),
  });
}
