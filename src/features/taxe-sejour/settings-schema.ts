import { z } from 'zod';
import { taxeMessages as m } from '@/features/taxe-sejour/messages';
import { PLATFORMS, type Platform } from '@/lib/platforms';

/** "0,80" or "0.8" → 80 cents; only up to two decimals. */
const euroCents = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,2}([.,]\d{1,2})?$/, { error: message })
    .transform((value) => Math.round(Number(value.replace(',', '.')) * 100))
    .refine((cents) => cents >= 1 && cents <= 5000, { error: message });

/** "3" or "2,5" % → basis points (300, 250); 1 % to 5 % (CGCT L2333-30). */
const percentPoints = z
  .string()
  .trim()
  .regex(/^\d([.,]\d{1,2})?$/, { error: m.tauxInvalid })
  .transform((value) => Math.round(Number(value.replace(',', '.')) * 100))
  .refine((points) => points >= 100 && points <= 500, { error: m.tauxInvalid });

const base = {
  commune: z
    .string()
    .trim()
    .min(1, { error: m.communeRequired })
    .max(200, { error: m.communeTooLong }),
  taxe_additionnelle: z.boolean(),
  plateformes_collectrices: z.array(z.enum(PLATFORMS)),
};

/** The form as typed: every rule field is a string; the unused ones are ignored. */
export interface TaxeSettingsDraft extends Record<string, string | boolean> {
  commune: string;
  regle: string;
  tarif: string;
  taux: string;
  plafond: string;
  taxe_additionnelle: boolean;
  airbnb: boolean;
  booking: boolean;
  abritel: boolean;
  gites_de_france: boolean;
  other: boolean;
}

const fixe = z.object({
  ...base,
  regle: z.literal('tarif_fixe'),
  tarif_centimes: euroCents(m.tarifInvalid),
});
const pourcentage = z.object({
  ...base,
  regle: z.literal('pourcentage'),
  taux_points_base: percentPoints,
  plafond_centimes: euroCents(m.plafondInvalid),
});

const rowSchema = z.discriminatedUnion('regle', [fixe, pourcentage]);

export type TaxeSettingsValues = z.output<typeof rowSchema>;

/** Validates the draft into the table's row (only the rule's own fields). */
export const taxeSettingsSchema = z.custom<TaxeSettingsDraft>().transform((draft, ctx) => {
  const plateformes_collectrices = PLATFORMS.filter((p) => draft[p]);
  const input =
    draft.regle === 'pourcentage'
      ? {
          commune: draft.commune,
          regle: 'pourcentage',
          taux_points_base: draft.taux,
          plafond_centimes: draft.plafond,
          taxe_additionnelle: draft.taxe_additionnelle,
          plateformes_collectrices,
        }
      : {
          commune: draft.commune,
          regle: 'tarif_fixe',
          tarif_centimes: draft.tarif,
          taxe_additionnelle: draft.taxe_additionnelle,
          plateformes_collectrices,
        };
  const result = rowSchema.safeParse(input);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = FIELD_OF[String(issue.path[0])] ?? String(issue.path[0]);
    ctx.addIssue({ code: 'custom', message: issue.message, path: [field] });
  }
  return z.NEVER;
});

const FIELD_OF: Record<string, string> = {
  tarif_centimes: 'tarif',
  taux_points_base: 'taux',
  plafond_centimes: 'plafond',
};

export interface TaxeSettingsRow {
  commune: string;
  regle: string;
  tarif_centimes: number | null;
  taux_points_base: number | null;
  plafond_centimes: number | null;
  taxe_additionnelle: boolean;
  plateformes_collectrices: string[];
}

const euros = (cents: number | null) =>
  cents === null ? '' : (cents / 100).toFixed(2).replace('.', ',');
const percent = (points: number | null) =>
  points === null ? '' : String(points / 100).replace('.', ',');

/** The form's draft for a gîte's saved settings (or an empty one). */
export function taxeSettingsDraft(row: TaxeSettingsRow | null): TaxeSettingsDraft {
  const has = (p: Platform) => row?.plateformes_collectrices.includes(p) ?? false;
  return {
    commune: row?.commune ?? '',
    regle: row?.regle ?? 'tarif_fixe',
    tarif: euros(row?.tarif_centimes ?? null),
    taux: percent(row?.taux_points_base ?? null),
    plafond: euros(row?.plafond_centimes ?? null),
    taxe_additionnelle: row?.taxe_additionnelle ?? false,
    airbnb: has('airbnb'),
    booking: has('booking'),
    abritel: has('abritel'),
    gites_de_france: has('gites_de_france'),
    other: has('other'),
  };
}
