import { queryOptions, useQuery } from '@tanstack/react-query';
import { dashboardKeys } from '@/features/dashboard/api/get-dashboard-summary';
import { ApiError } from '@/lib/api-error';
import type { IsoDate } from '@/lib/iso-date';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** How many coming cleanings the dashboard lists (the Ménage page has the rest). */
export const NEXT_CLEANINGS = 5;

export interface NextCleaning {
  id: string;
  date: IsoDate;
  gites: { nom: string } | null;
  cleaners: { nom: string } | null;
  cleaning_same_day: boolean | null;
}

/** The next planned cleanings from today, soonest first (idx_cleaning_status). */
export async function getNextCleanings(
  client: SupabaseClient,
  today: IsoDate,
): Promise<NextCleaning[]> {
  const { data, error, status } = await client
    .from('cleaning_schedule')
    .select('id, date, gites(nom), cleaners(nom), cleaning_same_day')
    .eq('status', 'planned')
    .gte('date', today)
    .order('date')
    .order('heure_debut', { nullsFirst: false })
    .limit(NEXT_CLEANINGS);
  if (error) throw new ApiError(error, status);
  return data;
}

export const nextCleaningsQueries = {
  list: (today: IsoDate) =>
    queryOptions({
      queryKey: [...dashboardKeys.all, 'next-cleanings', today] as const,
      queryFn: () => getNextCleanings(supabase, today),
    }),
};

export function useNextCleanings(today: IsoDate) {
  return useQuery(nextCleaningsQueries.list(today));
}
