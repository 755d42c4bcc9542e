import { queryOptions, useQuery } from '@tanstack/react-query';
import { fiscaliteKeys } from '@/features/fiscalite/api/fiscalite-keys';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export type FiscalGite = Pick<Tables<'gites'>, 'id' | 'nom' | 'categorie_fiscale'>;

/** An owner has a few gîtes (50 for the largest): one bounded request holds them all. */
const MAX_GITES = 500;

/** The owner's gîtes with their tax category, in the owner's order. */
export async function getFiscalGites(client: SupabaseClient): Promise<FiscalGite[]> {
  const { data, error, status } = await client
    .from('gites')
    .select('id, nom, categorie_fiscale')
    .order('ordre')
    .order('nom')
    .range(0, MAX_GITES - 1);
  if (error) throw new ApiError(error, status);
  return data;
}

export const fiscalGitesQueries = {
  list: () =>
    queryOptions({ queryKey: fiscaliteKeys.gites(), queryFn: () => getFiscalGites(supabase) }),
};

export function useFiscalGites() {
  return useQuery(fiscalGitesQueries.list());
}
