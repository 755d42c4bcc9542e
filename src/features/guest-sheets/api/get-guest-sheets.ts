import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { guestSheetKeys } from '@/features/guest-sheets/api/guest-sheet-keys';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { clampPage, pageCount, pageRange } from '@/lib/pagination';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** Sheets per page of the « Fiches clients » list. */
export const SHEETS_PAGE_SIZE = 25;

export type GuestSheetRow = Pick<
  Tables<'client_access_tokens'>,
  | 'id'
  | 'reservation_id'
  | 'langue'
  | 'valid_from'
  | 'valid_until'
  | 'revoked_at'
  | 'first_opened_at'
  | 'created_at'
> & {
  reservation: Pick<Tables<'reservations'>, 'client_nom' | 'date_debut' | 'date_fin'> & {
    gite: Pick<Tables<'gites'>, 'nom'>;
  };
};

/** The hash is never read by the app: it is of no use to anyone but the database. */
export const SHEET_SELECT =
  'id, reservation_id, langue, valid_from, valid_until, revoked_at, first_opened_at, created_at, reservation:reservations!inner(client_nom, date_debut, date_fin, gite:gites!inner(nom))';

export interface GuestSheetsPage {
  rows: GuestSheetRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** PostgREST's answer to an offset beyond the last row (HTTP 416). */
const RANGE_NOT_SATISFIABLE = 'PGRST103';

function pageQuery(client: SupabaseClient, page: number) {
  const { from, to } = pageRange(page, SHEETS_PAGE_SIZE);
  return client
    .from('client_access_tokens')
    .select(SHEET_SELECT, { count: 'exact' })
    .order('created_at', { ascending: false })
    .order('id', { ascending: false })
    .range(from, to);
}

/**
 * One page of the owner's sheets, newest first, with the exact total (RLS keeps it to the
 * owner's rows; the (owner_user_id, created_at desc) index serves the order). A page past the
 * end gives the last one.
 */
export async function getGuestSheetsPage(
  client: SupabaseClient,
  page: number,
): Promise<GuestSheetsPage> {
  let wanted = Math.max(1, Math.floor(page));
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const { data, count, error, status } = await pageQuery(client, wanted);
    if (error && error.code === RANGE_NOT_SATISFIABLE) {
      const counted = await client
        .from('client_access_tokens')
        .select('id', { count: 'exact', head: true });
      if (counted.error) throw new ApiError(counted.error, counted.status);
      wanted = clampPage(wanted, counted.count ?? 0, SHEETS_PAGE_SIZE);
      continue;
    }
    if (error) throw new ApiError(error, status);
    const total = Math.max(count ?? 0, (wanted - 1) * SHEETS_PAGE_SIZE + data.length);
    const rows: GuestSheetRow[] = data;
    return { rows, total, page: wanted, pageCount: pageCount(total, SHEETS_PAGE_SIZE) };
  }
  throw new ApiError({ message: 'La liste change trop vite, réessayez.', code: '' }, 503);
}

export const guestSheetsQueries = {
  page: (page: number) =>
    queryOptions({
      queryKey: guestSheetKeys.page(page),
      queryFn: () => getGuestSheetsPage(supabase, page),
    }),
};

/** A page of the list; the previous page stays on screen while the next one loads. */
export function useGuestSheetsPage(page: number) {
  return useQuery({ ...guestSheetsQueries.page(page), placeholderData: keepPreviousData });
}
