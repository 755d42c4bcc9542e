import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { locale } from '@/lib/i18n';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/**
 * The owner's gîtes as the other pages name them (Réservations, Calendrier, Statistiques,
 * Ménage): id, name and colour, in the owner's order. Shared here rather than in a feature
 * because every one of those features needs it and a feature does not import another: one
 * fetcher and one query key, so the pages share one cached list (any successful write marks
 * it stale, as every query: src/lib/query-client.ts).
 */
export type OwnerGite = Pick<Tables<'gites'>, 'id' | 'nom' | 'couleur'>;

/** An owner has a few gîtes (50 for the largest): one bounded request holds them all. */
const MAX_GITES = 500;

const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });

/**
 * The owner's order (`ordre`), then the names with French collation ("Écurie" next to
 * "Ecole"), whatever the database's collation.
 */
export function compareGitesInOwnerOrder(
  a: Pick<Tables<'gites'>, 'ordre' | 'nom'>,
  b: Pick<Tables<'gites'>, 'ordre' | 'nom'>,
): number {
  return a.ordre - b.ordre || collator.compare(a.nom, b.nom);
}

export const ownerGitesKeys = {
  all: ['owner-gites'] as const,
};

/** The signed-in owner's gîtes (RLS keeps it to theirs), in the owner's order. */
export async function getOwnerGites(client: SupabaseClient): Promise<OwnerGite[]> {
  const { data, error, status } = await client
    .from('gites')
    .select('id, nom, couleur, ordre')
    .order('ordre')
    .order('created_at')
    .range(0, MAX_GITES - 1);
  if (error) throw new ApiError(error, status);
  return data
    .toSorted(compareGitesInOwnerOrder)
    .map(({ id, nom, couleur }) => ({ id, nom, couleur }));
}

export const ownerGitesQueries = {
  list: () =>
    queryOptions({ queryKey: ownerGitesKeys.all, queryFn: () => getOwnerGites(supabase) }),
};

export function useOwnerGites() {
  return useQuery(ownerGitesQueries.list());
}
