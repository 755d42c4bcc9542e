import { useMutation, useQueryClient } from '@tanstack/react-query';
import { giteInfoKeys } from '@/features/gite-info/api/get-gite-info';
import { ApiError } from '@/lib/api-error';
import { commonMessages } from '@/lib/i18n';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export async function deleteContact(client: SupabaseClient, id: string): Promise<void> {
  const { data, error, status } = await client
    .from('infos_gites_contacts')
    .delete()
    .eq('id', id)
    .select('id');
  if (error) throw new ApiError(error, status);
  if (data.length === 0) {
    throw new ApiError({ message: commonMessages.notFound, code: 'PGRST116' }, 404);
  }
}

export function useDeleteContact(giteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteContact(supabase, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: giteInfoKeys.detail(giteId) }),
  });
}
