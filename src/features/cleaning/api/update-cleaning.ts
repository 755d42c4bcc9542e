import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cleaningKeys } from '@/features/cleaning/api/get-cleanings';
import type { TaskValues } from '@/features/cleaning/cleaning-form-schema';
import { ApiError } from '@/lib/api-error';
import { commonMessages } from '@/lib/i18n';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** What the owner changes on a cleaning: the task's details, or done / reopened. */
export type CleaningChange =
  | { kind: 'details'; values: TaskValues }
  | { kind: 'done'; note: string | null }
  | { kind: 'reopen' };

function columns(change: CleaningChange) {
  switch (change.kind) {
    case 'details':
      return change.values;
    case 'done':
      return { status: 'done', done_at: new Date().toISOString(), done_note: change.note };
    case 'reopen':
      return { status: 'planned', done_at: null, done_note: null };
  }
}

/** One cleaning of the owner's (RLS; a cleaner of another owner fails the composite key). */
export async function updateCleaning(
  client: SupabaseClient,
  id: string,
  change: CleaningChange,
): Promise<void> {
  const { data, error, status } = await client
    .from('cleaning_schedule')
    .update(columns(change))
    .eq('id', id)
    .select('id');
  if (error) throw new ApiError(error, status);
  if (data.length === 0) {
    throw new ApiError({ message: commonMessages.notFound, code: 'PGRST116' }, 404);
  }
}

export function useUpdateCleaning() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: CleaningChange }) =>
      updateCleaning(supabase, id, change),
    onSettled: () => queryClient.invalidateQueries({ queryKey: cleaningKeys.lists() }),
  });
}
