import { useMutation, useQueryClient } from '@tanstack/react-query';
import { giteInfoKeys } from '@/features/gite-info/api/get-gite-info';
import {
  type EquipmentItem,
  type EquipmentSection,
  equipmentSectionJson,
} from '@/features/gite-info/equipment';
import type {
  ConsignesValues,
  CoreValues,
  Langue,
  WifiValues,
} from '@/features/gite-info/gite-info-schema';
import { ApiError } from '@/lib/api-error';
import type { TablesInsert } from '@/lib/database.types';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** One section of the editor, saved on its own. */
export type GiteInfoSection =
  | { kind: 'core'; values: CoreValues }
  | { kind: 'wifi'; values: WifiValues }
  | { kind: 'consignes'; langue: Langue; values: ConsignesValues }
  | { kind: 'equipment'; section: EquipmentSection; items: EquipmentItem[] };

/**
 * Saves one section of a gîte's infos: an upsert on the section's row (one per gîte, or per
 * gîte and language), so the first save creates it and the next ones update it. Only that
 * section's columns are sent: an equipment section leaves the other four as they are.
 * owner_user_id is filled by the database; the tenant foreign key refuses another owner's gîte.
 */
export async function saveGiteInfoSection(
  client: SupabaseClient,
  giteId: string,
  section: GiteInfoSection,
): Promise<void> {
  let answer: { error: { message: string; code?: string } | null; status: number };
  switch (section.kind) {
    case 'core':
      answer = await client
        .from('infos_gites_core')
        .upsert({ gite_id: giteId, ...section.values }, { onConflict: 'gite_id' });
      break;
    case 'wifi':
      answer = await client
        .from('infos_gites_wifi')
        .upsert({ gite_id: giteId, ...section.values }, { onConflict: 'gite_id' });
      break;
    case 'consignes':
      answer = await client
        .from('infos_gites_consignes')
        .upsert(
          { gite_id: giteId, langue: section.langue, ...section.values },
          { onConflict: 'gite_id,langue' },
        );
      break;
    case 'equipment': {
      const row: TablesInsert<'infos_gites_equipements'> = { gite_id: giteId };
      row[section.section] = equipmentSectionJson(section.items);
      answer = await client.from('infos_gites_equipements').upsert(row, { onConflict: 'gite_id' });
      break;
    }
  }
  if (answer.error) throw new ApiError(answer.error, answer.status);
}

export function useSaveGiteInfoSection(giteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (section: GiteInfoSection) => saveGiteInfoSection(supabase, giteId, section),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: giteInfoKeys.detail(giteId) }),
  });
}
