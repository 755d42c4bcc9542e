import { queryOptions, useQuery } from '@tanstack/react-query';
import { taxeKeys } from '@/features/taxe-sejour/api/taxe-keys';
import type { TaxeSettingsRow } from '@/features/taxe-sejour/settings-schema';
import { ApiError } from '@/lib/api-error';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export interface TaxeGite {
  id: string;
  nom: string;
  settings: TaxeSettingsRow | null;
}

/** The owner's gîtes with their taxe de séjour settings (a few gîtes: bounded reads). */
export async function getTaxeSettings(client: SupabaseClient): Promise<TaxeGite[]> {
  const [gites, settings] = await Promise.all([
    client.from('gites').select('id, nom').order('ordre').order('nom').range(0, 499),
    client
      .from('taxe_sejour_settings')
      .select(
        'gite_id, commune, regle, tarif_centimes, taux_points_base, plafond_centimes, taxe_additionnelle, plateformes_collectrices',
      )
      .range(0, 499),
  ]);
  for (const answer of [gites, settings]) {
    if (answer.error) throw new ApiError(answer.error, answer.status);
  }
  const byGite = new Map((settings.data ?? []).map(({ gite_id, ...row }) => [gite_id, row]));
  return (gites.data ?? []).map((g) => ({ ...g, settings: byGite.get(g.id) ?? null }));
}

export const taxeSettingsQueries = {
  list: () =>
    queryOptions({ queryKey: taxeKeys.settings(), queryFn: () => getTaxeSettings(supabase) }),
};

export function useTaxeSettings() {
  return useQuery(taxeSettingsQueries.list());
}
