import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { fiscaliteKeys } from '@/features/fiscalite/api/fiscalite-keys';
import type { settingsSchema } from '@/features/fiscalite/fiscal-forms';
import { ApiError } from '@/lib/api-error';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export type SettingsValues = z.output<typeof settingsSchema>;

/** The year's household settings, created or replaced (one row a year). */
export async function saveSettings(
  client: SupabaseClient,
  { year, id, values }: { year: number; id: string | null; values: SettingsValues },
): Promise<void> {
  if (id !== null) {
    const { data, error, status } = await client
      .from('parametres_fiscaux')
      .update(values)
      .eq('id', id)
      .select('id');
    if (error) throw new ApiError(error, status);
    if (data.length > 0) return;
  }
  // None yet (or deleted meanwhile): one row a year, unique (owner_user_id, annee).
  const { error, status } = await client
    .from('parametres_fiscaux')
    .insert({ annee: year, ...values });
  if (error) throw new ApiError(error, status);
}

export function useSaveSettings(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string | null; values: SettingsValues }) =>
      saveSettings(supabase, { year, ...input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fiscaliteKeys.settings(year) }),
  });
}
