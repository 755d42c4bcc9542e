import { queryOptions, useQuery } from '@tanstack/react-query';
import { cleaningKeys } from '@/features/cleaning/api/get-cleanings';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export type Cleaner = Pick<
  Tables<'cleaners'>,
  'id' | 'nom' | 'telephone' | 'link_created_at' | 'link_revoked_at' | 'link_opened_at'
> & { has_link: boolean };

/** An owner works with a handful of cleaners: one bounded request holds them all. */
const MAX_CLEANERS = 200;

/** The owner's cleaners by name, with the state of their link (never its hash). */
export async function getCleaners(client: SupabaseClient): Promise<Cleaner[]> {
  const { data, error, status } = await client
    .from('cleaners')
    .select('id, nom, telephone, link_created_at, link_revoked_at, link_opened_at, token_hash')
    .order('nom')
    .range(0, MAX_CLEANERS - 1);
  if (error) throw new ApiError(error, status);
  return data.map(({ token_hash, ...cleaner }) => ({ ...cleaner, has_link: token_hash !== null }));
}

export const cleanersQueries = {
  list: () =>
    queryOptions({ queryKey: cleaningKeys.cleaners(), queryFn: () => getCleaners(supabase) }),
};

export function useCleaners() {
  return useQuery(cleanersQueries.list());
}
