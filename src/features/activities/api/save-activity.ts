import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActivityValues } from '@/features/activities/activity-form-schema';
import { activityKeys } from '@/features/activities/api/get-activities';
import { ApiError } from '@/lib/api-error';
import { commonMessages } from '@/lib/i18n';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export interface SaveActivityInput {
  giteId: string;
  /** Absent for a new activity. */
  id?: string;
  values: ActivityValues;
}

/** Adds an activity to the gîte, or updates one (RLS and the tenant key keep it the owner's). */
export async function saveActivity(
  client: SupabaseClient,
  { giteId, id, values }: SaveActivityInput,
): Promise<void> {
  if (id === undefined) {
    const { error, status } = await client
      .from('activites_gites')
      .insert({ gite_id: giteId, ...values });
    if (error) throw new ApiError(error, status);
    return;
  }
  const { data, error, status } = await client
    .from('activites_gites')
    .update(values)
    .eq('id', id)
    .select('id');
  if (error) throw new ApiError(error, status);
  if (data.length === 0) {
    throw new ApiError({ message: commonMessages.notFound, code: 'PGRST116' }, 404);
  }
}

export function useSaveActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveActivityInput) => saveActivity(supabase, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: activityKeys.lists() }),
  });
}
