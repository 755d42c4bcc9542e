import { queryOptions, useQuery } from '@tanstack/react-query';
import { fiscaliteKeys } from '@/features/fiscalite/api/fiscalite-keys';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export type ComponentRecord = Pick<
  Tables<'composants_amortissables'>,
  | 'id'
  | 'gite_id'
  | 'libelle'
  | 'nature'
  | 'cout_centimes'
  | 'date_mise_en_service'
  | 'duree_annees'
>;

/** A gîte has a handful of components (land, structure, roof, fittings, furniture…). */
const MAX_COMPONENTS = 1000;

/** Every depreciable component (and land) of the owner's gîtes: they span years. */
export async function getComponents(client: SupabaseClient): Promise<ComponentRecord[]> {
  const { data, error, status } = await client
    .from('composants_amortissables')
    .select('id, gite_id, libelle, nature, cout_centimes, date_mise_en_service, duree_annees')
    .order('gite_id')
    .order('created_at')
    .order('id')
    .range(0, MAX_COMPONENTS - 1);
  if (error) throw new ApiError(error, status);
  return data;
}

export const componentsQueries = {
  list: () =>
    queryOptions({
      queryKey: fiscaliteKeys.components(),
      queryFn: () => getComponents(supabase),
    }),
};

export function useComponents() {
  return useQuery(componentsQueries.list());
}
