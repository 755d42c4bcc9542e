import { z } from 'zod';
import { activitiesMessages as m } from '@/features/activities/messages';
import type { Tables } from '@/lib/database.types';
import { validateForm } from '@/lib/form-validation';
import { isPhoneNumber } from '@/lib/phone';

/**
 * The activity form: raw input text → activites_gites columns, with the limits of the
 * table's checks (migration 20261123000300_guest_information.sql). Pure.
 */
export const ACTIVITY_CATEGORIES = [
  'restaurant',
  'visite',
  'nature',
  'sport',
  'culture',
  'loisirs',
  'enfants',
  'marche',
  'commerce',
  'autre',
] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];

export function isActivityCategory(value: unknown): value is ActivityCategory {
  return typeof value === 'string' && (ACTIVITY_CATEGORIES as readonly string[]).includes(value);
}

export function categoryLabel(categorie: string): string {
  return isActivityCategory(categorie) ? m.categories[categorie] : m.categories.autre;
}

export const URL_MAX_LENGTH = 2048;
/** numeric(7, 2): up to 99,999.99 km. */
const DISTANCE_MAX = 99_999.99;

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: m.tooLong(label, max) })
    .transform((value) => (value === '' ? null : value));

/** The database's own check on activites_gites.url. */
const DB_URL = /^https?:\/\/\S+$/i;

const urlSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (value === '') return;
    let ok = value.length <= URL_MAX_LENGTH && DB_URL.test(value);
    if (ok) {
      try {
        const url = new URL(value);
        ok = (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
      } catch {
        ok = false;
      }
    }
    if (!ok) ctx.addIssue({ code: 'custom', message: m.urlInvalid });
  })
  .transform((value) => (value === '' ? null : value));

const phoneSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (value !== '' && !isPhoneNumber(value)) {
      ctx.addIssue({ code: 'custom', message: m.phoneInvalid });
    }
  })
  .transform((value) => (value === '' ? null : value));

const distanceSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(',', '.'))
  .superRefine((value, ctx) => {
    if (value === '') return;
    if (!/^\d{1,5}(\.\d{1,2})?$/.test(value) || Number(value) > DISTANCE_MAX) {
      ctx.addIssue({ code: 'custom', message: m.distanceInvalid });
    }
  })
  .transform((value) => (value === '' ? null : Number(value)));

export const activityFormSchema = z.object({
  nom: z
    .string()
    .trim()
    .min(1, { error: m.nomRequired })
    .max(200, { error: m.tooLong(m.nomLabel, 200) }),
  categorie: z.enum(ACTIVITY_CATEGORIES, { error: m.categorieInvalid }),
  description: optionalText(m.descriptionLabel, 5000),
  adresse: optionalText(m.adresseLabel, 500),
  distance_km: distanceSchema,
  url: urlSchema,
  telephone: phoneSchema,
});

export type ActivityValues = z.output<typeof activityFormSchema>;
export const ACTIVITY_FIELDS = [
  'nom',
  'categorie',
  'description',
  'adresse',
  'distance_km',
  'url',
  'telephone',
] as const;
export type ActivityField = (typeof ACTIVITY_FIELDS)[number];
export type ActivityDraft = Record<ActivityField, string>;
export type ActivityErrors = Partial<Record<ActivityField, string>>;

export type ActivityFormResult =
  | { ok: true; value: ActivityValues }
  | { ok: false; errors: ActivityErrors };

export function validateActivityForm(draft: ActivityDraft): ActivityFormResult {
  return validateForm(activityFormSchema, draft);
}

export type ActivityRow = Pick<
  Tables<'activites_gites'>,
  | 'id'
  | 'nom'
  | 'categorie'
  | 'description'
  | 'adresse'
  | 'distance_km'
  | 'url'
  | 'telephone'
  | 'ordre'
>;

export function activityToDraft(row: ActivityRow | null, categorie?: string): ActivityDraft {
  const text = (value: string | number | null | undefined) =>
    value === null || value === undefined ? '' : String(value);
  return {
    nom: text(row?.nom),
    categorie: row?.categorie ?? (isActivityCategory(categorie) ? categorie : 'restaurant'),
    description: text(row?.description),
    adresse: text(row?.adresse),
    distance_km: text(row?.distance_km),
    url: text(row?.url),
    telephone: text(row?.telephone),
  };
}

/** « 2,5 » for 2.5 km. */
export function formatDistance(km: number): string {
  return km.toLocaleString('fr-FR', { maximumFractionDigits: 2 });
}
