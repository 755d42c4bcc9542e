import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cleaningKeys } from '@/features/cleaning/api/get-cleanings';
import type { TaskValues } from '@/features/cleaning/cleaning-form-schema';
import { ApiError } from '@/lib/api-error';
import { CHANGED_MEANWHILE, commonMessages } from '@/lib/i18n';
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

/** The status a change starts from: « Fait » a planned cleaning, « Rouvrir » a done one. */
const FROM_STATUS: Record<CleaningChange['kind'], string | null> = {
  details: null,
  done: 'planned',
  reopen: 'done',
};

/**
 * One cleaning of the owner's (RLS; a cleaner of another owner fails the composite key).
 * « Fait » and « Rouvrir » apply only to the status the owner saw: a cleaner who reported
 * the cleaning done meanwhile keeps their time and note, a cancelled one stays cancelled.
 */
export async function updateCleaning(
  client: SupabaseClient,
  id: string,
  change: CleaningChange,
): Promise<void> {
  let query = client.from('cleaning_schedule').update(columns(change)).eq('id', id);
  const from = FROM_STATUS[change.kind];
  if (from) query = query.eq('status', from);
  const { data, error, status } = await query.select('id');
  if (error) throw new ApiError(error, status);
  if (data.length === 0) {
    throw from
      ? new ApiError({ message: commonMessages.changedMeanwhile, code: CHANGED_MEANWHILE }, 409)
      : new ApiError({ message: commonMessages.notFound, code: 'PGRST116' }, 404);
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
