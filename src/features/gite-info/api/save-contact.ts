import { useMutation, useQueryClient } from '@tanstack/react-query';
import { giteInfoKeys } from '@/features/gite-info/api/get-gite-info';
import type { ContactValues } from '@/features/gite-info/gite-info-schema';
import { ApiError } from '@/lib/api-error';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export interface SaveContactInput {
  /** Made in the browser for a new contact, so saving it twice never adds it twice. */
  id: string;
  ordre: number;
  values: ContactValues;
}

/** Creates or updates one contact of the gîte (upsert by id; RLS keeps it to the owner's). */
export async function saveContact(
  client: SupabaseClient,
  giteId: string,
  { id, ordre, values }: SaveContactInput,
): Promise<void> {
  const { error, status } = await client
    .from('infos_gites_contacts')
    .upsert({ id, gite_id: giteId, ordre, ...values }, { onConflict: 'id' });
  if (error) throw new ApiError(error, status);
}

export function useSaveContact(giteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveContactInput) => saveContact(supabase, giteId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: giteInfoKeys.detail(giteId) }),
  });
}
