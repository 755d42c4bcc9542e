import { useMutation, useQueryClient } from '@tanstack/react-query';
import { taxeKeys } from '@/features/taxe-sejour/api/taxe-keys';
import type { TaxeSettingsValues } from '@/features/taxe-sejour/settings-schema';
import { ApiError } from '@/lib/api-error';
import type { TablesInsert } from '@/lib/database.types';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** Creates or replaces a gîte's settings (one row per gîte); the other rule's fields are cleared. */
export async function saveTaxeSettings(
  client: SupabaseClient,
  giteId: string,
  values: TaxeSettingsValues,
): Promise<void> {
  const row: TablesInsert<'taxe_sejour_settings'> = {
    gite_id: giteId,
    tarif_centimes: null,
    taux_points_base: null,
    plafond_centimes: null,
    ...values,
  };
  const { error, status } = await client
    .from('taxe_sejour_settings')
    .upsert(row, { onConflict: 'gite_id' });
  if (error) throw new ApiError(error, status);
}

export function useSaveTaxeSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ giteId, values }: { giteId: string; values: TaxeSettingsValues }) =>
      saveTaxeSettings(supabase, giteId, values),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taxeKeys.all }),
  });
}
