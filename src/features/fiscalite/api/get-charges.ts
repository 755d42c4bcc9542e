import { queryOptions, useQuery } from '@tanstack/react-query';
import { fiscaliteKeys } from '@/features/fiscalite/api/fiscalite-keys';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export type ChargeRecord = Pick<
  Tables<'charges_fiscales'>,
  'id' | 'nature' | 'libelle' | 'montant_centimes'
>;

/** An owner enters a few dozen charges a year at most: one bounded request holds them. */
const MAX_CHARGES = 500;

/** The year's charges, in the order they were entered. */
export async function getCharges(client: SupabaseClient, year: number): Promise<ChargeRecord[]> {
  const { data, error, status } = await client
    .from('charges_fiscales')
    .select('id, nature, libelle, montant_centimes')
    .eq('annee', year)
    .order('created_at')
    .order('id')
    .range(0, MAX_CHARGES - 1);
  if (error) throw new ApiError(error, status);
  return data;
}

export const chargesQueries = {
  year: (year: number) =>
    queryOptions({
      queryKey: fiscaliteKeys.charges(year),
      queryFn: () => getCharges(supabase, year),
    }),
};

export function useCharges(year: number) {
  return useQuery(chargesQueries.year(year));
}
