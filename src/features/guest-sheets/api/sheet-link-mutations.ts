import { useMutation } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-error';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** What the owner gets back when a link is made: the raw token, shown once. */
export interface IssuedSheet {
  id: string;
  token: string;
  langue: 'fr' | 'en';
  valid_from: string;
  valid_until: string;
}

export interface SheetOptions {
  langue: 'fr' | 'en';
  /** First and last day (inclusive, the gîte's days); the database's defaults when null. */
  validFrom: string | null;
  validUntil: string | null;
}

function issued(data: unknown): IssuedSheet {
  const row = Array.isArray(data) ? (data[0] as Record<string, unknown> | undefined) : undefined;
  if (
    !row ||
    typeof row.id !== 'string' ||
    typeof row.token !== 'string' ||
    (row.langue !== 'fr' && row.langue !== 'en') ||
    typeof row.valid_from !== 'string' ||
    typeof row.valid_until !== 'string'
  ) {
    throw new ApiError({ message: 'Réponse inattendue du serveur.', code: '' }, 502);
  }
  return {
    id: row.id,
    token: row.token,
    langue: row.langue,
    valid_from: row.valid_from,
    valid_until: row.valid_until,
  };
}

const optionArgs = (options: SheetOptions) => ({
  p_langue: options.langue,
  ...(options.validFrom ? { p_valid_from: options.validFrom } : {}),
  ...(options.validUntil ? { p_valid_until: options.validUntil } : {}),
});

/** A new link for a stay of the owner's; the stay's previous link stops working. */
export async function createGuestSheet(
  client: SupabaseClient,
  reservationId: string,
  options: SheetOptions,
): Promise<IssuedSheet> {
  const { data, error, status } = await client.rpc('create_guest_sheet', {
    p_reservation_id: reservationId,
    ...optionArgs(options),
  });
  if (error) throw new ApiError(error, status);
  return issued(data);
}

/** A new token for a sheet (same stay; language and validity kept unless given). */
export async function regenerateGuestSheet(
  client: SupabaseClient,
  sheetId: string,
  options: SheetOptions | null,
): Promise<IssuedSheet> {
  const { data, error, status } = await client.rpc('regenerate_guest_sheet', {
    p_sheet_id: sheetId,
    ...(options ? optionArgs(options) : {}),
  });
  if (error) throw new ApiError(error, status);
  return issued(data);
}

export async function revokeGuestSheet(client: SupabaseClient, sheetId: string): Promise<void> {
  const { error, status } = await client.rpc('revoke_guest_sheet', { p_sheet_id: sheetId });
  if (error) throw new ApiError(error, status);
}

/** Each refetches every query on success (the query client's MutationCache). */
export function useCreateGuestSheet() {
  return useMutation({
    mutationFn: (input: { reservationId: string; options: SheetOptions }) =>
      createGuestSheet(supabase, input.reservationId, input.options),
  });
}

export function useRegenerateGuestSheet() {
  return useMutation({
    mutationFn: (input: { sheetId: string; options: SheetOptions | null }) =>
      regenerateGuestSheet(supabase, input.sheetId, input.options),
  });
}

export function useRevokeGuestSheet() {
  return useMutation({ mutationFn: (sheetId: string) => revokeGuestSheet(supabase, sheetId) });
}
