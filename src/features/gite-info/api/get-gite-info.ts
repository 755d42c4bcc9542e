import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ContactRow } from '@/features/gite-info/gite-info-schema';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** Every infos query key starts with `giteInfoKeys.all`. */
export const giteInfoKeys = {
  all: ['gite-info'] as const,
  details: () => [...giteInfoKeys.all, 'detail'] as const,
  detail: (giteId: string) => [...giteInfoKeys.details(), giteId] as const,
};

export type CoreRow = Pick<
  Tables<'infos_gites_core'>,
  'nom' | 'adresse_complete' | 'latitude' | 'longitude' | 'telephone_urgence' | 'email_contact'
>;
export type WifiRow = Pick<
  Tables<'infos_gites_wifi'>,
  | 'ssid'
  | 'wifi_password'
  | 'securite'
  | 'debit_approximatif'
  | 'localisation_box'
  | 'zones_reception'
>;
export type ConsignesRow = Pick<
  Tables<'infos_gites_consignes'>,
  | 'langue'
  | 'consignes_arrivee'
  | 'consignes_sejour'
  | 'consignes_sortie'
  | 'code_acces'
  | 'horaire_arrivee'
  | 'horaire_depart'
  | 'instructions_parking'
>;
export type EquipementsRow = Pick<
  Tables<'infos_gites_equipements'>,
  'chauffage' | 'cuisine' | 'multimedia' | 'exterieur' | 'divers'
>;

export interface GiteInfo {
  gite: { id: string; nom: string };
  core: CoreRow | null;
  wifi: WifiRow | null;
  consignes: { fr: ConsignesRow | null; en: ConsignesRow | null };
  equipements: EquipementsRow | null;
  contacts: ContactRow[];
}

/** An owner lists a dozen contacts per gîte at most; this bounds the read all the same. */
const MAX_CONTACTS = 200;

/**
 * A gîte's guest information, read from the five tables in parallel (RLS keeps it to the
 * owner's rows). `null` when the gîte does not exist or is another owner's.
 */
export async function getGiteInfo(
  client: SupabaseClient,
  giteId: string,
): Promise<GiteInfo | null> {
  const [gite, core, wifi, consignes, equipements, contacts] = await Promise.all([
    client.from('gites').select('id, nom').eq('id', giteId).maybeSingle(),
    client
      .from('infos_gites_core')
      .select('nom, adresse_complete, latitude, longitude, telephone_urgence, email_contact')
      .eq('gite_id', giteId)
      .maybeSingle(),
    client
      .from('infos_gites_wifi')
      .select(
        'ssid, wifi_password, securite, debit_approximatif, localisation_box, zones_reception',
      )
      .eq('gite_id', giteId)
      .maybeSingle(),
    client
      .from('infos_gites_consignes')
      .select(
        'langue, consignes_arrivee, consignes_sejour, consignes_sortie, code_acces, horaire_arrivee, horaire_depart, instructions_parking',
      )
      .eq('gite_id', giteId),
    client
      .from('infos_gites_equipements')
      .select('chauffage, cuisine, multimedia, exterieur, divers')
      .eq('gite_id', giteId)
      .maybeSingle(),
    client
      .from('infos_gites_contacts')
      .select('id, type, nom, telephone, adresse, disponibilite, ordre')
      .eq('gite_id', giteId)
      .order('ordre')
      .order('created_at')
      .range(0, MAX_CONTACTS - 1),
  ]);
  for (const answer of [gite, core, wifi, consignes, equipements, contacts]) {
    if (answer.error) throw new ApiError(answer.error, answer.status);
  }
  if (!gite.data) return null;
  const byLangue = (langue: string) => consignes.data?.find((row) => row.langue === langue) ?? null;
  return {
    gite: gite.data,
    core: core.data,
    wifi: wifi.data,
    consignes: { fr: byLangue('fr'), en: byLangue('en') },
    equipements: equipements.data,
    contacts: contacts.data ?? [],
  };
}

export const giteInfoQueries = {
  detail: (giteId: string) =>
    queryOptions({
      queryKey: giteInfoKeys.detail(giteId),
      queryFn: () => getGiteInfo(supabase, giteId),
    }),
};

export function useGiteInfo(giteId: string) {
  return useQuery(giteInfoQueries.detail(giteId));
}
