import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { policeFormKeys } from '@/features/police-forms/api/police-form-keys';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { pageRange } from '@/lib/pagination';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** Forms per page of the « Fiches de police » list. */
export const POLICE_FORMS_PAGE_SIZE = 25;

/**
 * A row of the list. `reservation_id` is null once the stay was deleted with its gîte: the
 * form is kept for its 6 months all the same, with the gîte's name it was recorded under.
 */
export type PoliceFormListRow = Pick<
  Tables<'police_forms'>,
  | 'id'
  | 'reservation_id'
  | 'gite_nom'
  | 'nom'
  | 'prenoms'
  | 'nationalite'
  | 'date_arrivee'
  | 'date_depart'
  | 'created_at'
>;

const LIST_SELECT =
  'id, reservation_id, gite_nom, nom, prenoms, nationalite, date_arrivee, date_depart, created_at';

/**
 * A page of the owner's police forms, the newest first, with the exact total (RLS keeps it to
 * the owner's; the (owner_user_id, created_at desc, id desc) index serves the order).
 */
export async function getPoliceFormsPage(
  client: SupabaseClient,
  page: number,
): Promise<{ rows: PoliceFormListRow[]; total: number }> {
  const { from, to } = pageRange(page, POLICE_FORMS_PAGE_SIZE);
  const { data, count, error, status } = await client
    .from('police_forms')
    .select(LIST_SELECT, { count: 'exact' })
    .order('created_at', { ascending: false })
    .order('id', { ascending: false })
    .range(from, to);
  // Past the last page (HTTP 416): an empty page; the pager offers the real ones.
  if (error?.code === 'PGRST103') {
    const counted = await client.from('police_forms').select('id', { count: 'exact', head: true });
    if (counted.error) throw new ApiError(counted.error, counted.status);
    return { rows: [], total: counted.count ?? 0 };
  }
  if (error) throw new ApiError(error, status);
  const rows: PoliceFormListRow[] = data;
  return { rows, total: count ?? rows.length };
}

export const policeFormsQueries = {
  page: (page: number) =>
    queryOptions({
      queryKey: policeFormKeys.page(page),
      queryFn: () => getPoliceFormsPage(supabase, page),
      placeholderData: keepPreviousData,
    }),
};

export function usePoliceFormsPage(page: number) {
  return useQuery(policeFormsQueries.page(page));
}
