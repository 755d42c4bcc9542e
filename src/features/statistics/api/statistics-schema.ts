import { z } from 'zod';

/** One row of `stay_statistics(p_year, p_gite_id)`, checked before the page uses it. */
export const statisticsRowSchema = z.object({
  vue: z.enum(['plateforme', 'gite']),
  annee: z.number().int(),
  mois: z.number().int().min(1).max(12),
  plateforme: z.string().nullable(),
  gite_id: z.string().nullable(),
  nuits_louees: z.number().int().nonnegative(),
  nuits_bloquees: z.number().int().nonnegative(),
  revenu_centimes: z.number().int().nonnegative(),
  arrivees: z.number().int().nonnegative(),
  arrivees_sans_montant: z.number().int().nonnegative(),
});

export const statisticsRowsSchema = z.array(statisticsRowSchema);
