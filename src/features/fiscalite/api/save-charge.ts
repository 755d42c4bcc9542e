import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { fiscaliteKeys } from '@/features/fiscalite/api/fiscalite-keys';
import type { chargeSchema } from '@/features/fiscalite/fiscal-forms';
import { ApiError } from '@/lib/api-error';
import { commonMessages } from '@/lib/i18n';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export type ChargeValues = z.output<typeof chargeSchema>;

const notFound = () => new ApiError({ message: commonMessages.notFound, code: 'PGRST116' }, 404);

/** Adds a charge to the year, or changes one. */
export async function saveCharge(
  client: SupabaseClient,
  { year, id, values }: { year: number; id?: string; values: ChargeValues },
): Promise<void> {
  if (id === undefined) {
    const { error, status } = await client
      .from('charges_fiscales')
      .insert({ annee: year, ...values });
    if (error) throw new ApiError(error, status);
    return;
  }
  const { data, error, status } = await client
    .from('charges_fiscales')
    .update(values)
    .eq('id', id)
    .select('id');
  if (error) throw new ApiError(error, status);
  if (data.length === 0) throw notFound();
}

export async function deleteCharge(client: SupabaseClient, id: string): Promise<void> {
  const { data, error, status } = await client
    .from('charges_fiscales')
    .delete()
    .eq('id', id)
    .select('id');
  if (error) throw new ApiError(error, status);
  if (data.length === 0) throw notFound();
}

export function useSaveCharge(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; values: ChargeValues }) =>
      saveCharge(supabase, { year, ...input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fiscaliteKeys.charges(year) }),
  });
}

export function useDeleteCharge(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteCharge(supabase, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fiscaliteKeys.charges(year) }),
  });
}
