import { z } from 'zod';
import type { DepreciableKind } from '@/features/fiscalite/depreciation';
import { fiscalFormMessages as m } from '@/features/fiscalite/messages';
import type { ChargeKind } from '@/features/fiscalite/regime-reel';
import { MARGINAL_RATES } from '@/features/fiscalite/social';
import { isIsoDate } from '@/lib/iso-date';

/**
 * The Fiscalité page's forms: raw text typed by the owner → the columns of the fiscal tables
 * (20261125000500_fiscalite.sql), with the limits of their checks, French messages. Pure.
 * Amounts are typed in euros the French way (« 1 250,50 ») and stored in integer cents.
 */

/** The tables' upper bound on an amount: 100 000 000 € (checks `between 0 and 10000000000`). */
export const MAX_CENTS = 10_000_000_000;

export const CHARGE_KINDS = [
  'interets_emprunt',
  'assurance_emprunteur',
  'assurances',
  'taxe_fonciere',
  'cfe',
  'commissions_plateformes',
  'gestion_conciergerie',
  'menage_linge',
  'entretien_reparations',
  'energie_eau',
  'telecom_internet',
  'petit_equipement',
  'comptabilite',
  'frais_bancaires',
  'deplacements',
  'autres',
] as const satisfies readonly ChargeKind[];

export const COMPONENT_KINDS = [
  'terrain',
  'gros_oeuvre',
  'facades_etancheite',
  'installations_techniques',
  'agencements_interieurs',
  'mobilier',
  'equipements',
  'travaux',
] as const satisfies readonly (DepreciableKind | 'terrain')[];
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

/**
 * « 1 250,50 », « 1250.5 », « 1 250 € » → 125_050 cents; null when it is not an amount of
 * euros with at most two decimals, between 0 and the tables' maximum.
 */
export function parseEurosToCents(raw: string): number | null {
  const text = raw
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/€$/, '')
    .replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(text)) return null;
  const [whole = '0', decimals = ''] = text.split('.');
  const cents = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  return cents <= MAX_CENTS ? cents : null;
}

/** 125_050 → « 1250,50 » (what a form shows back for editing; no grouping to retype). */
export function centsToInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(euros) : `${euros},${String(rest).padStart(2, '0')}`;
}

/** Kilometres with at most one decimal (numeric(8,1)), above 0. */
export function parseKm(raw: string): number | null {
  const text = raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^\d{1,7}(\.\d)?$/.test(text)) return null;
  const km = Number(text);
  return km > 0 ? km : null;
}

const amount = (required: boolean) =>
  z.string().transform((raw, ctx) => {
    if (raw.trim() === '' && !required) return 0;
    const cents = parseEurosToCents(raw);
    if (cents === null) {
      ctx.addIssue({ code: 'custom', message: m.amountInvalid });
      return z.NEVER;
    }
    return cents;
  });

const optionalAmount = z.string().transform((raw, ctx) => {
  if (raw.trim() === '') return null;
  const cents = parseEurosToCents(raw);
  if (cents === null) {
    ctx.addIssue({ code: 'custom', message: m.amountInvalid });
    return z.NEVER;
  }
  return cents;
});

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: m.tooLong(max) })
    .transform((value) => (value === '' ? null : value));

const isoDate = z
  .string()
  .trim()
  .refine((value) => isIsoDate(value) && value >= '1950-01-01' && value <= '2100-12-31', {
    error: m.dateInvalid,
  });

const km = z.string().transform((raw, ctx) => {
  const value = parseKm(raw);
  if (value === null) {
    ctx.addIssue({ code: 'custom', message: m.kmInvalid });
    return z.NEVER;
  }
  return value;
});

export const chargeSchema = z.object({
  nature: z.enum(CHARGE_KINDS, { error: m.kindInvalid }),
  libelle: optionalText(200),
  montant_centimes: amount(true),
});

export const componentSchema = z
  .object({
    gite_id: z.string().min(1, { error: m.giteRequired }),
    libelle: z
      .string()
      .trim()
      .min(1, { error: m.labelRequired })
      .max(200, { error: m.tooLong(200) }),
    nature: z.enum(COMPONENT_KINDS, { error: m.kindInvalid }),
    cout_centimes: amount(true),
    date_mise_en_service: z.string().trim(),
    duree_annees: z.string().trim(),
  })
  .transform((value, ctx) => {
    if (value.nature === 'terrain') {
      return { ...value, date_mise_en_service: null, duree_annees: null };
    }
    const dateOk = isoDate.safeParse(value.date_mise_en_service).success;
    if (!dateOk)
      ctx.addIssue({ code: 'custom', path: ['date_mise_en_service'], message: m.dateInvalid });
    const years = /^\d{1,3}$/.test(value.duree_annees) ? Number(value.duree_annees) : Number.NaN;
    const yearsOk = Number.isInteger(years) && years >= 1 && years <= 100;
    if (!yearsOk)
      ctx.addIssue({ code: 'custom', path: ['duree_annees'], message: m.durationInvalid });
    if (!dateOk || !yearsOk) return z.NEVER;
    return { ...value, duree_annees: years };
  });

export const vehicleSchema = z.object({
  libelle: optionalText(100),
  km_total: km,
  frais_carburant_centimes: amount(false),
  frais_assurance_centimes: amount(false),
  frais_entretien_reparations_centimes: amount(false),
  frais_pneumatiques_centimes: amount(false),
  frais_location_credit_bail_centimes: amount(false),
  frais_interets_emprunt_centimes: amount(false),
  frais_autres_centimes: amount(false),
});

export const tripSchema = z.object({
  date: isoDate,
  motif: z
    .string()
    .trim()
    .min(1, { error: m.purposeRequired })
    .max(500, { error: m.tooLong(500) }),
  distance_km: km,
  aller_retour: z.boolean(),
  vehicule: optionalText(100),
});

export const settingsSchema = z.object({
  taux_marginal_bp: z.string().transform((raw, ctx) => {
    if (raw === '') return null;
    const rate = Number(raw);
    if (!MARGINAL_RATES.includes(rate)) {
      ctx.addIssue({ code: 'custom', message: m.rateInvalid });
      return z.NEVER;
    }
    return rate;
  }),
  autres_revenus_pro_centimes: optionalAmount,
});

export const carryForwardSchema = z.object({
  nature: z.enum(['deficit', 'amortissements_differes'], { error: m.kindInvalid }),
  annee_origine: z.string().transform((raw, ctx) => {
    const year = /^\d{4}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
    if (!(year >= 2000 && year <= 2100)) {
      ctx.addIssue({ code: 'custom', message: m.yearInvalid });
      return z.NEVER;
    }
    return year;
  }),
  montant_centimes: amount(true).refine((cents) => cents > 0, { error: m.amountPositive }),
});
