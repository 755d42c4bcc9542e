import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteGite } from '@/features/gites/api/delete-gite';
import { gitesKeys } from '@/features/gites/api/get-gites';
import { insertFeeds } from '@/features/gites/api/insert-feeds';
import type { GiteFormValues } from '@/features/gites/gite-form-schema';
import { toGiteColumns } from '@/features/gites/gite-rows';
import { ApiError } from '@/lib/api-error';
import { supabase } from '@/lib/supabase';

/**
 * Creates a gîte and its feeds. If the feeds cannot be saved, the new gîte is deleted
 * again: the owner never finds a gîte without the calendars they typed.
 */
export async function createGite(values: GiteFormValues): Promise<{ id: string }> {
  const { data, error, status } = await supabase
    .from('gites')
    .insert(toGiteColumns(values))
    .select('id')
    .single();
  if (error) throw new ApiError(error, status);
  try {
    await insertFeeds(data.id, values.feeds);
  } catch (feedError) {
    await deleteGite(data.id).catch(() => undefined);
    throw feedError;
  }
  return data;
}

export function useCreateGite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createGite,
    onSettled: () => queryClient.invalidateQueries({ queryKey: gitesKeys.all }),
  });
}
