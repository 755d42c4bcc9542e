import { queryOptions, useQuery } from '@tanstack/react-query';
import { cleaningKeys } from '@/features/cleaning/api/get-cleanings';
import { ApiError } from '@/lib/api-error';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export interface CleaningGite {
  id: string;
  nom: string;
}

/** The owner's gîtes for the filter, in the owner's order (50 for the largest owner). */
export async function getCleaningGites(client: SupabaseClient): Promise<CleaningGite[]> {
  const { data, error, status } = await client
    .from('gites')
    .select('id, nom')
    .order('ordre')
    .order('nom')
    .range(0, 499);
  if (error) throw new ApiError(error, status);
  return data;
}

export const cleaningGitesQueries = {
  list: () =>
    queryOptions({ queryKey: cleaningKeys.gites(), queryFn: () => getCleaningGites(supabase) }),
};

export function useCleaningGites() {
  return useQuery(cleaningGitesQueries.list());
}
