import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteFeeds } from '@/features/gites/api/delete-feeds';
import { gitesKeys } from '@/features/gites/api/get-gites';
import { insertFeeds } from '@/features/gites/api/insert-feeds';
import { updateFeed } from '@/features/gites/api/update-feed';
import { feedChanges, type SavedFeed } from '@/features/gites/feed-changes';
import type { GiteFormValues } from '@/features/gites/gite-form-schema';
import { toGiteColumns } from '@/features/gites/gite-rows';
import { ApiError } from '@/lib/api-error';
import { commonMessages } from '@/lib/i18n';
import { supabase } from '@/lib/supabase';

export interface UpdateGiteInput {
  id: string;
  values: GiteFormValues;
  /** The feeds as they were when the form opened. */
  savedFeeds: readonly SavedFeed[];
}

/**
 * Saves the gîte's columns, then its feeds (removed ones deleted, changed ones updated,
 * new ones inserted by their browser-made id). Every step is idempotent: after a
 * failure, saving the same form again finishes the job without duplicating anything.
 */
export async function updateGite({ id, values, savedFeeds }: UpdateGiteInput): Promise<void> {
  const { data, error, status } = await supabase
    .from('gites')
    .update(toGiteColumns(values))
    .eq('id', id)
    .select('id');
  if (error) throw new ApiError(error, status);
  if (data.length === 0) {
    throw new ApiError({ message: commonMessages.notFound, code: 'PGRST116' }, 404);
  }
  const changes = feedChanges(savedFeeds, values.feeds);
  try {
    // Deletions first: a URL moved from a removed feed to a new one must not clash
    // with the unique (gite_id, url) constraint.
    await deleteFeeds(id, changes.removedIds);
    for (const feed of changes.updated) await updateFeed(id, feed);
    await insertFeeds(id, changes.added);
  } catch (cause) {
    throw new PartialSaveError(cause);
  }
}

/** The gîte was saved but not all of its feeds: saving again completes it. */
export class PartialSaveError extends Error {
  constructor(cause: unknown) {
    super('Gîte enregistré, calendriers en partie seulement', { cause });
    this.name = 'PartialSaveError';
  }
}

export function useUpdateGite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateGite,
    // Also after a failure: part of the save may have landed.
    onSettled: () => queryClient.invalidateQueries({ queryKey: gitesKeys.all }),
  });
}
