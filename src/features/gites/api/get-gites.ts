import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { locale } from '@/lib/i18n';
import { supabase } from '@/lib/supabase';

/** Every gîtes query key starts with `gitesKeys.all`: invalidating it refreshes them all. */
export const gitesKeys = {
  all: ['gites'] as const,
  lists: () => [...gitesKeys.all, 'list'] as const,
  list: () => [...gitesKeys.lists()] as const,
  details: () => [...gitesKeys.all, 'detail'] as const,
  detail: (id: string) => [...gitesKeys.details(), id] as const,
};

export type IcalFeed = Pick<
  Tables<'ical_feeds'>,
  | 'id'
  | 'gite_id'
  | 'platform'
  | 'url'
  | 'is_active'
  | 'last_synced_at'
  | 'last_error'
  | 'created_at'
>;

export type Gite = Pick<
  Tables<'gites'>,
  | 'id'
  | 'nom'
  | 'adresse'
  | 'code_postal'
  | 'ville'
  | 'capacite'
  | 'couleur'
  | 'ordre'
  | 'created_at'
>;

export type GiteWithFeeds = Gite & { ical_feeds: IcalFeed[] };

const GITE_SELECT =
  'id, nom, adresse, code_postal, ville, capacite, couleur, ordre, created_at, ical_feeds(id, gite_id, platform, url, is_active, last_synced_at, last_error, created_at)';

/** An owner has a few gîtes (50 for the largest): one bounded page holds them all. */
const MAX_GITES = 500;

const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });

/** The signed-in owner's gîtes (RLS keeps it to theirs), each with its iCal feeds. */
export async function getGites(): Promise<GiteWithFeeds[]> {
  const { data, error, status } = await supabase
    .from('gites')
    .select(GITE_SELECT)
    .order('created_at', { referencedTable: 'ical_feeds' })
    .order('ordre')
    .order('created_at')
    .range(0, MAX_GITES - 1);
  if (error) throw new ApiError(error, status);
  // The owner's order first, then names with French collation ("Écurie" next to
  // "Ecole"), whatever the database's collation.
  return data.toSorted((a, b) => a.ordre - b.ordre || collator.compare(a.nom, b.nom));
}

export const gitesQueries = {
  list: () => queryOptions({ queryKey: gitesKeys.list(), queryFn: getGites }),
};

export function useGites() {
  return useQuery(gitesQueries.list());
}
