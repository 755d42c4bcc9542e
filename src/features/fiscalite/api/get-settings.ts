import { queryOptions, useQuery } from '@tanstack/react-query';
import { fiscaliteKeys } from '@/features/fiscalite/api/fiscalite-keys';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export type SettingsRecord = Pick<
  Tables<'parametres_fiscaux'>,
  'id' | 'taux_marginal_bp' | 'autres_revenus_pro_centimes'
>;

/** The household's optional settings of the year, or null when none are entered. */
export async function getSettings(
  client: SupabaseClient,
  year: number,
): Promise<SettingsRecord | null> {
  const { data, error, status } = await client
    .from('parametres_fiscaux')
    .select('id, taux_marginal_bp, autres_revenus_pro_centimes')
    .eq('annee', year)
    .maybeSingle();
  if (error) throw new ApiError(error, status);
  return data;
}

export const settingsQueries = {
  year: (year: number) =>
    queryOptions({
      queryKey: fiscaliteKeys.settings(year),
      queryFn: () => getSettings(supabase, year),
    }),
};

export function useSettings(year: number) {
  return useQuery(settingsQueries.year(year));
}
