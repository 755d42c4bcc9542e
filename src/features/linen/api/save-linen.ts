import { useMutation, useQueryClient } from '@tanstack/react-query';
import { linenKeys } from '@/features/linen/api/get-linen';
import type { LinenValues } from '@/features/linen/linen-form-schema';
import { linenMessages as m } from '@/features/linen/messages';
import { ApiError } from '@/lib/api-error';
import { commonMessages } from '@/lib/i18n';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export type LinenChange =
  | { kind: 'add'; giteId: string; values: LinenValues }
  | { kind: 'edit'; id: string; values: LinenValues }
  /** The dirty linen came back from the wash: it is counted clean. */
  | { kind: 'washed'; id: string; clean: number; dirty: number }
  | { kind: 'delete'; id: string };

function duplicate(error: { code?: string | null }): boolean {
  return error.code === '23505';
}

export async function changeLinen(client: SupabaseClient, change: LinenChange): Promise<void> {
  if (change.kind === 'add') {
    const { error, status } = await client
      .from('linen_stocks')
      .insert({ gite_id: change.giteId, ...change.values });
    if (error)
      throw new ApiError(duplicate(error) ? { ...error, message: m.duplicate } : error, status);
    return;
  }
  const request =
    change.kind === 'delete'
      ? client.from('linen_stocks').delete().eq('id', change.id)
      : change.kind === 'edit'
        ? client.from('linen_stocks').update(change.values).eq('id', change.id)
        : client
            .from('linen_stocks')
            .update({ quantite_propre: change.clean + change.dirty, quantite_sale: 0 })
            .eq('id', change.id)
            // Only if nobody changed the counts meanwhile (another tab, another device).
            .eq('quantite_propre', change.clean)
            .eq('quantite_sale', change.dirty);
  const { data, error, status } = await request.select('id');
  if (error)
    throw new ApiError(duplicate(error) ? { ...error, message: m.duplicate } : error, status);
  if (data.length === 0) {
    throw new ApiError({ message: commonMessages.notFound, code: 'PGRST116' }, 404);
  }
}

export function useChangeLinen() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: LinenChange) => changeLinen(supabase, change),
    onSettled: () => queryClient.invalidateQueries({ queryKey: linenKeys.all }),
  });
}
