import { useMutation, useQueryClient } from '@tanstack/react-query';
import { policeFormKeys } from '@/features/police-forms/api/police-form-keys';
import { ApiError } from '@/lib/api-error';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** Deletes one of the owner's forms (RLS: their own only); a form already gone is an error. */
export async function deletePoliceForm(client: SupabaseClient, id: string): Promise<void> {
  const { data, error, status } = await client
    .from('police_forms')
    .delete()
    .eq('id', id)
    .select('id');
  if (error) throw new ApiError(error, status);
  if (data.length === 0) {
    throw new ApiError({ message: 'Cette fiche n’existe plus.', code: 'P0002' }, 404);
  }
}

export function useDeletePoliceForm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deletePoliceForm(supabase, id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: policeFormKeys.all }),
  });
}
