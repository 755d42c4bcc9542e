import { queryOptions, useQuery } from '@tanstack/react-query';
import { statisticsKeys } from '@/features/statistics/api/get-statistics';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { locale } from '@/lib/i18n';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** A gîte as the statistics page names it. */
export type StatisticsGite = Pick<Tables<'gites'>, 'id' | 'nom' | 'couleur'>;

/** An owner has a few gîtes (50 for the largest): one bounded request holds them all. */
const MAX_GITES = 500;
const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });

/** The signed-in owner's gîtes (RLS keeps it to theirs), in the owner's order. */
export async function getStatisticsGites(client: SupabaseClient): Promise<StatisticsGite[]> {
  const { data, error, status } = await client
    .from('gites')
    .select('id, nom, couleur, ordre')
    .order('ordre')
    .range(0, MAX_GITES - 1);
  if (error) throw new ApiError(error, status);
  return data
    .toSorted((a, b) => a.ordre - b.ordre || collator.compare(a.nom, b.nom))
    .map(({ id, nom, couleur }) => ({ id, nom, couleur }));
}

export const statisticsGitesQueries = {
  list: () =>
    queryOptions({
      queryKey: statisticsKeys.gites(),
      queryFn: () => getStatisticsGites(supabase),
    }),
};

export function useStatisticsGites() {
  return useQuery(statisticsGitesQueries.list());
}
