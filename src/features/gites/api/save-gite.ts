import { useMutation, useQueryClient } from '@tanstack/react-query';
import { gitesKeys } from '@/features/gites/api/get-gites';
import type { GiteFormValues } from '@/features/gites/gite-form-schema';
import { toGiteColumns } from '@/features/gites/gite-rows';
import { ApiError } from '@/lib/api-error';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export interface SaveGiteInput {
  /** Absent for a new gîte. */
  id?: string;
  values: GiteFormValues;
}

/**
 * Saves a gîte and its whole list of feeds through `save_gite`, one transaction: either
 * everything the owner typed is stored or nothing is. Feeds keep their browser-made ids,
 * so saving the same form twice never adds a feed twice. Returns the gîte's id.
 */
export async function saveGite(
  client: SupabaseClient,
  { id, values }: SaveGiteInput,
): Promise<string> {
  const { data, error, status } = await client.rpc('save_gite', {
    gite: { ...(id ? { id } : {}), ...toGiteColumns(values) },
    feeds: values.feeds.map((feed) => ({ id: feed.id, platform: feed.platform, url: feed.url })),
  });
  if (error) throw new ApiError(error, status);
  return data;
}

export function useSaveGite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveGiteInput) => saveGite(supabase, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gitesKeys.all }),
  });
}
