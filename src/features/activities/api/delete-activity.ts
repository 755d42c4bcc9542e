import { useMutation, useQueryClient } from '@tanstack/react-query';
import { activityKeys } from '@/features/activities/api/get-activities';
import { ApiError } from '@/lib/api-error';
import { commonMessages } from '@/lib/i18n';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export async function deleteActivity(client: SupabaseClient, id: string): Promise<void> {
  const { data, error, status } = await client
    .from('activites_gites')
    .delete()
    .eq('id', id)
    .select('id');
  if (error) throw new ApiError(error, status);
  if (data.length === 0) {
    throw new ApiError({ message: commonMessages.notFound, code: 'PGRST116' }, 404);
  }
}

export function useDeleteActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteActivity(supabase, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: activityKeys.lists() }),
  });
}
