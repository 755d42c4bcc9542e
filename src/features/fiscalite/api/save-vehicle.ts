import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { fiscaliteKeys } from '@/features/fiscalite/api/fiscalite-keys';
import type { vehicleSchema } from '@/features/fiscalite/fiscal-forms';
import { ApiError } from '@/lib/api-error';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export type VehicleValues = z.output<typeof vehicleSchema>;

/**
 * The year's vehicle, created or changed (one a year).
 */
export async function saveVehicle(
  client: SupabaseClient,
  { year, id, values }: { year: number; id: string | null; values: VehicleValues },
): Promise<void> {
  if (id !== null) {
    const { data, error, status } = await client
      .from('vehicules_fiscaux')
      .update(values)
      .eq('id', id)
      .select('id');
    if (error) throw new ApiError(error, status);
    if (data.length > 0) return;
  }
  // None yet (or deleted meanwhile): one row a year, unique (owner_user_id, annee).
  const { error, status } = await client
    .from('vehicules_fiscaux')
    .insert({ annee: year, ...values });
  if (error) throw new ApiError(error, status);
}

export async function deleteVehicle(client: SupabaseClient, year: number): Promise<void> {
  const { error, status } = await client.from('vehicules_fiscaux').delete().eq('annee', year);
  if (error) throw new ApiError(error, status);
}

export function useSaveVehicle(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string | null; values: VehicleValues }) =>
      saveVehicle(supabase, { year, ...input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fiscaliteKeys.vehicle(year) }),
  });
}

export function useDeleteVehicle(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteVehicle(supabase, year),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fiscaliteKeys.vehicle(year) }),
  });
}
