import type { GiteFormValues } from '@/features/gites/gite-form-schema';
import type { TablesUpdate } from '@/lib/database.types';

/** The gîte's own columns from valid form values (owner_user_id is filled by the database). */
export function toGiteColumns(values: GiteFormValues) {
  return {
    nom: values.nom,
    adresse: values.adresse,
    code_postal: values.code_postal,
    ville: values.ville,
    capacite: values.capacite,
    couleur: values.couleur,
  } satisfies TablesUpdate<'gites'>;
}
