import { queryOptions, useQuery } from '@tanstack/react-query';
import { fiscaliteKeys } from '@/features/fiscalite/api/fiscalite-keys';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export type SavedSimulation = Pick<
  Tables<'simulations_fiscales'>,
  'id' | 'annee' | 'inputs_hash' | 'resultats' | 'regime_retenu' | 'computed_at'
>;

export interface SavedSimulations {
  /** The latest saved simulation of the year. */
  current: SavedSimulation | null;
  /** The latest of the year before: what this year starts from (carry-forwards). */
  previous: SavedSimulation | null;
}

/** The latest saved simulations of `year` and `year − 1` (idx_simulations_owner_annee). */
export async function getSavedSimulations(
  client: SupabaseClient,
  year: number,
): Promise<SavedSimulations> {
  const { data, error, status } = await client
    .from('simulations_fiscales')
    .select('id, annee, inputs_hash, resultats, regime_retenu, computed_at')
    .in('annee', [year, year - 1])
    .order('annee', { ascending: false })
    .order('computed_at', { ascending: false })
    .range(0, 49);
  if (error) throw new ApiError(error, status);
  return {
    current: data.find((row) => row.annee === year) ?? null,
    previous: data.find((row) => row.annee === year - 1) ?? null,
  };
}

export const savedSimulationsQueries = {
  year: (year: number) =>
    queryOptions({
      queryKey: fiscaliteKeys.saved(year),
      queryFn: () => getSavedSimulations(supabase, year),
    }),
};

export function useSavedSimulations(year: number) {
  return useQuery(savedSimulationsQueries.year(year));
}
