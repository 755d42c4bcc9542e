import { z } from 'zod';
import { linenMessages as m } from '@/features/linen/messages';

/** A quantity as typed: a whole number from 0 (the table's checks), at most 100,000. */
const quantity = z
  .string()
  .trim()
  .regex(/^\d{1,6}$/, { error: m.quantityInvalid })
  .transform(Number)
  .refine((value) => value <= 100_000, { error: m.quantityInvalid });

export const linenFormSchema = z.object({
  article: z
    .string()
    .trim()
    .min(1, { error: m.articleRequired })
    .max(100, { error: m.articleTooLong }),
  quantite_en_service: quantity,
  quantite_propre: quantity,
  quantite_sale: quantity,
  seuil_alerte: quantity,
  besoin_par_sejour: quantity,
  besoin_par_personne: quantity,
});

export type LinenDraft = z.input<typeof linenFormSchema>;
export type LinenValues = z.output<typeof linenFormSchema>;
export type LinenField = keyof LinenDraft;

export const EMPTY_LINEN: LinenDraft = {
  article: '',
  quantite_en_service: '0',
  quantite_propre: '0',
  quantite_sale: '0',
  seuil_alerte: '0',
  besoin_par_sejour: '0',
  besoin_par_personne: '0',
};

export function linenDraft(values: LinenValues): LinenDraft {
  return {
    article: values.article,
    quantite_en_service: String(values.quantite_en_service),
    quantite_propre: String(values.quantite_propre),
    quantite_sale: String(values.quantite_sale),
    seuil_alerte: String(values.seuil_alerte),
    besoin_par_sejour: String(values.besoin_par_sejour),
    besoin_par_personne: String(values.besoin_par_personne),
  };
}
