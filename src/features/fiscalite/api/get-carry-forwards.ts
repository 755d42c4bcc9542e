import { queryOptions, useQuery } from '@tanstack/react-query';
import { fiscaliteKeys } from '@/features/fiscalite/api/fiscalite-keys';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export type CarryForwardRecord = Pick<
  Tables<'reports_fiscaux'>,
  'id' | 'nature' | 'annee_origine' | 'montant_centimes'
>;

/** At most one entry per kind and year of origin: a bounded list. */
const MAX_ENTRIES = 500;

/** The carry-forwards the owner entered for the years before the app, oldest first. */
export async function getCarryForwards(client: SupabaseClient): Promise<CarryForwardRecord[]> {
  const { data, error, status } = await client
    .from('reports_fiscaux')
    .select('id, nature, annee_origine, montant_centimes')
    .order('annee_origine')
    .order('nature')
    .range(0, MAX_ENTRIES - 1);
  if (error) throw new ApiError(error, status);
  return data;
}

export const carryForwardsQueries = {
  list: () =>
    queryOptions({
      queryKey: fiscaliteKeys.carryForwards(),
      queryFn: () => getCarryForwards(supabase),
    }),
};

export function useCarryForwards() {
  return useQuery(carryForwardsQueries.list());
}
