import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fiscaliteKeys } from '@/features/fiscalite/api/fiscalite-keys';
import type { SavedResults } from '@/features/fiscalite/saved-simulation';
import type { SimulationInput } from '@/features/fiscalite/simulation';
import { ApiError } from '@/lib/api-error';
import type { Json } from '@/lib/database.types';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export interface SaveSimulationInput {
  year: number;
  /** The year's saved simulation to replace, if there is one (one kept per year). */
  id: string | null;
  input: SimulationInput;
  inputsHash: string;
  results: SavedResults;
  receipts: number;
}

/** Saves (or replaces) the year's simulation with the hash of its input. */
export async function saveSimulation(
  client: SupabaseClient,
  { year, id, input, inputsHash, results, receipts }: SaveSimulationInput,
): Promise<void> {
  const row = {
    annee: year,
    regime_retenu: results.regime,
    recettes_brutes: receipts / 100,
    inputs: input as unknown as Json,
    inputs_hash: inputsHash,
    resultats: results as unknown as Json,
    is_stale: false,
    computed_at: new Date().toISOString(),
  };
  if (id !== null) {
    const { data, error, status } = await client
      .from('simulations_fiscales')
      .update(row)
      .eq('id', id)
      .select('id');
    if (error) throw new ApiError(error, status);
    if (data.length > 0) return;
  }
  const { error, status } = await client.from('simulations_fiscales').insert(row);
  if (error) throw new ApiError(error, status);
}

export function useSaveSimulation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveSimulationInput) => saveSimulation(supabase, input),
    // Saving year N changes what year N + 1 starts from: every saved-simulation key.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fiscaliteKeys.savedAll() }),
  });
}
