import { useMutation, useQueryClient } from '@tanstack/react-query';
import { gitesKeys } from '@/features/gites/api/get-gites';
import { ApiError } from '@/lib/api-error';
import { commonMessages } from '@/lib/i18n';
import { supabase } from '@/lib/supabase';

/** Deletes a gîte; the database deletes its feeds and reservations with it (on delete cascade). */
export async function deleteGite(id: string): Promise<void> {
  const { data, error, status } = await supabase.from('gites').delete().eq('id', id).select('id');
  if (error) throw new ApiError(error, status);
  if (data.length === 0) {
    throw new ApiError({ message: commonMessages.notFound, code: 'PGRST116' }, 404);
  }
}

export function useDeleteGite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteGite,
    onSettled: () => queryClient.invalidateQueries({ queryKey: gitesKeys.all }),
  });
}
