import { queryOptions, useQuery } from '@tanstack/react-query';
import { type GuestSheetRow, SHEET_SELECT } from '@/features/guest-sheets/api/get-guest-sheets';
import { guestSheetKeys } from '@/features/guest-sheets/api/guest-sheet-keys';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export type SheetStay = Pick<
  Tables<'reservations'>,
  'id' | 'client_nom' | 'date_debut' | 'date_fin' | 'status'
> & { gite: Pick<Tables<'gites'>, 'nom'> };

export interface StaySheets {
  /** Null when the stay does not exist (or is not the owner's). */
  stay: SheetStay | null;
  /** The stay's sheets, newest first (the live one, if any, is the first). */
  sheets: GuestSheetRow[];
}

/** A stay and its sheet links (at most 20: a stay rarely has more than a few). */
export async function getStaySheets(
  client: SupabaseClient,
  reservationId: string,
): Promise<StaySheets> {
  const [stay, sheets] = await Promise.all([
    client
      .from('reservations')
      .select('id, client_nom, date_debut, date_fin, status, gite:gites!inner(nom)')
      .eq('id', reservationId)
      .maybeSingle(),
    client
      .from('client_access_tokens')
      .select(SHEET_SELECT)
      .eq('reservation_id', reservationId)
      .order('created_at', { ascending: false })
      .order('id', { ascending: false })
      .range(0, 19),
  ]);
  if (stay.error) throw new ApiError(stay.error, stay.status);
  if (sheets.error) throw new ApiError(sheets.error, sheets.status);
  const found: SheetStay | null = stay.data;
  const rows: GuestSheetRow[] = sheets.data;
  return { stay: found, sheets: rows };
}

export const staySheetsQueries = {
  stay: (reservationId: string) =>
    queryOptions({
      queryKey: guestSheetKeys.stay(reservationId),
      queryFn: () => getStaySheets(supabase, reservationId),
    }),
};

export function useStaySheets(reservationId: string) {
  return useQuery(staySheetsQueries.stay(reservationId));
}
