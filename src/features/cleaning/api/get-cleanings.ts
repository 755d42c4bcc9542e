import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { CleaningParams } from '@/features/cleaning/cleaning-params';
import { ApiError } from '@/lib/api-error';
import type { IsoDate } from '@/lib/iso-date';
import { pageRange } from '@/lib/pagination';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** Cleanings per page of the Ménage list. */
export const CLEANINGS_PAGE_SIZE = 20;

/** Every cleaning query key starts with `cleaningKeys.all`. */
export const cleaningKeys = {
  all: ['cleaning'] as const,
  lists: () => [...cleaningKeys.all, 'list'] as const,
  list: (params: CleaningParams, today: IsoDate) =>
    [...cleaningKeys.lists(), { ...params, today }] as const,
  cleaners: () => [...cleaningKeys.all, 'cleaners'] as const,
};

export const CLEANING_SELECT =
  'id, date, heure_debut, heure_fin, status, notes, done_at, done_note, reservation_id, cleaner_id, gite_id, gites(nom), cleaners(nom, telephone), cleaning_same_day, cleaning_next_stay';

export interface NextStay {
  arrivee: IsoDate;
  personnes: number | null;
}

export interface CleaningRow {
  id: string;
  date: IsoDate;
  heure_debut: string | null;
  heure_fin: string | null;
  status: string;
  notes: string | null;
  done_at: string | null;
  done_note: string | null;
  reservation_id: string | null;
  cleaner_id: string | null;
  gite_id: string;
  gites: { nom: string } | null;
  cleaners: { nom: string; telephone: string | null } | null;
  cleaning_same_day: boolean | null;
  cleaning_next_stay: NextStay | null;
}

export interface CleaningsPage {
  rows: CleaningRow[];
  total: number;
}

/**
 * One page of the owner's cleanings, by day (coming ones soonest first, past ones latest
 * first), read with `range()` and an exact count: the filters narrow the owner's rows through
 * idx_cleaning_status / idx_cleaning_gite_date before anything is counted.
 */
export async function getCleaningsPage(
  client: SupabaseClient,
  params: CleaningParams,
  today: IsoDate,
): Promise<CleaningsPage> {
  const { from, to } = pageRange(params.page, CLEANINGS_PAGE_SIZE);
  let query = client.from('cleaning_schedule').select(CLEANING_SELECT, { count: 'exact' });
  query = params.period === 'upcoming' ? query.gte('date', today) : query.lt('date', today);
  if (params.status) query = query.eq('status', params.status);
  if (params.giteId) query = query.eq('gite_id', params.giteId);
  if (params.cleaner === 'none') query = query.is('cleaner_id', null);
  else if (params.cleaner) query = query.eq('cleaner_id', params.cleaner);
  const ascending = params.period === 'upcoming';
  const { data, count, error, status } = await query
    .order('date', { ascending })
    .order('heure_debut', { ascending: true, nullsFirst: false })
    .order('id')
    .range(from, to);
  if (error) throw new ApiError(error, status);
  return { rows: data as unknown as CleaningRow[], total: count ?? data.length };
}

export const cleaningQueries = {
  list: (params: CleaningParams, today: IsoDate) =>
    queryOptions({
      queryKey: cleaningKeys.list(params, today),
      queryFn: () => getCleaningsPage(supabase, params, today),
      placeholderData: keepPreviousData,
    }),
};

export function useCleanings(params: CleaningParams, today: IsoDate) {
  return useQuery(cleaningQueries.list(params, today));
}
