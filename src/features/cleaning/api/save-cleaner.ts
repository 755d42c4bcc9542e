import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cleaningKeys } from '@/features/cleaning/api/get-cleanings';
import type { CleanerValues } from '@/features/cleaning/cleaning-form-schema';
import { ApiError } from '@/lib/api-error';
import { commonMessages } from '@/lib/i18n';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** Adds a cleaner, or changes one's name and phone. */
export async function saveCleaner(
  client: SupabaseClient,
  { id, values }: { id?: string; values: CleanerValues },
): Promise<void> {
  if (id === undefined) {
    const { error, status } = await client.from('cleaners').insert(values);
    if (error) throw new ApiError(error, status);
    return;
  }
  const { data, error, status } = await client
    .from('cleaners')
    .update(values)
    .eq('id', id)
    .select('id');
  if (error) throw new ApiError(error, status);
  if (data.length === 0) {
    throw new ApiError({ message: commonMessages.notFound, code: 'PGRST116' }, 404);
  }
}

/** Deletes a cleaner; their cleanings stay, unassigned (the foreign key sets null). */
export async function deleteCleaner(client: SupabaseClient, id: string): Promise<void> {
  const { error, status } = await client.from('cleaners').delete().eq('id', id);
  if (error) throw new ApiError(error, status);
}

export function useSaveCleaner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; values: CleanerValues }) => saveCleaner(supabase, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: cleaningKeys.all }),
  });
}

export function useDeleteCleaner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteCleaner(supabase, id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: cleaningKeys.all }),
  });
}
