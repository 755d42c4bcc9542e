import { z } from 'zod';
import { nightsBetween } from '@/features/reservations/format';
import { reservationsMessages as m } from '@/features/reservations/messages';
import { isIsoDate } from '@/lib/iso-date';
import { isPhoneNumber } from '@/lib/phone';

/**
 * The reservation form: a direct booking (every field) or an imported stay (only what the
 * owner owns: guest details, amount, notes — its dates, gîte and platform follow the feed).
 * The limits are the database's own checks, so a valid form is never refused by them.
 */

export const CLIENT_NOM_MAX_LENGTH = 200;
export const CLIENT_EMAIL_MAX_LENGTH = 320;
export const CLIENT_TELEPHONE_MAX_LENGTH = 40;
/** A guest's own number, not a short code. */
const PERSON_PHONE_MIN_DIGITS = 6;
export const NOTES_MAX_LENGTH = 10_000;
export const NB_PERSONNES_MAX = 100;
export const MAX_NIGHTS = 365;
/** numeric(12, 2): ten digits before the decimal point. */
export const MONTANT_MAX = 9_999_999_999.99;

/** What the form holds: every input's raw text. */
export interface ReservationDraft {
  gite_id: string;
  date_debut: string;
  date_fin: string;
  client_nom: string;
  client_email: string;
  client_telephone: string;
  nb_personnes: string;
  /** Guests aged 18 or more (taxe de séjour: minors are exempt); '' when not told. */
  nb_adultes: string;
  montant: string;
  notes: string;
}

export type ReservationField = keyof ReservationDraft;

/** Direct bookings have every field; imported stays only the owner's. */
export type ReservationKind = 'direct' | 'imported';

export const IMPORTED_EDITABLE_FIELDS = [
  'client_nom',
  'client_email',
  'client_telephone',
  'nb_personnes',
  'nb_adultes',
  'montant',
  'notes',
] as const satisfies readonly ReservationField[];

/** '' → null, otherwise the trimmed text. */
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, { error: message })
    .transform((value) => (value === '' ? null : value));

const emailSchema = z
  .string()
  .trim()
  .max(CLIENT_EMAIL_MAX_LENGTH, { error: m.clientEmailInvalid })
  .pipe(
    z.union([z.literal(''), z.email({ error: m.clientEmailInvalid })], {
      error: m.clientEmailInvalid,
    }),
  )
  .transform((value) => (value === '' ? null : value.toLowerCase()));

const telephoneSchema = z
  .string()
  .trim()
  .max(CLIENT_TELEPHONE_MAX_LENGTH, { error: m.clientTelephoneInvalid })
  .refine((value) => value === '' || isPhoneNumber(value, { minDigits: PERSON_PHONE_MIN_DIGITS }), {
    error: m.clientTelephoneInvalid,
  })
  .transform((value) => (value === '' ? null : value));

const nbPersonnesSchema = z
  .string()
  .trim()
  .regex(/^\d{0,3}$/, { error: m.nbPersonnesInvalid })
  .transform((value) => (value === '' ? null : Number(value)))
  .pipe(
    z
      .number()
      .int()
      .min(1, { error: m.nbPersonnesInvalid })
      .max(NB_PERSONNES_MAX, { error: m.nbPersonnesInvalid })
      .nullable(),
  );

const nbAdultesSchema = z
  .string()
  .trim()
  .regex(/^\d{0,3}$/, { error: m.nbAdultesInvalid })
  .transform((value) => (value === '' ? null : Number(value)))
  .pipe(
    z
      .number()
      .int()
      .min(0, { error: m.nbAdultesInvalid })
      .max(NB_PERSONNES_MAX, { error: m.nbAdultesInvalid })
      .nullable(),
  );

/** Spaces (also the narrow no-break space of fr-FR numbers) and a trailing € are allowed. */
const SPACES = /[\s\u00a0\u202f]/g;
const AMOUNT = /^-?\d+(?:[.,]\d{1,2})?$/;

const montantSchema = z.string().transform((raw, ctx) => {
  const text = raw.replace(SPACES, '').replace(/€$/, '');
  if (text === '') return null;
  if (!AMOUNT.test(text)) {
    ctx.addIssue({ code: 'custom', message: m.montantInvalid });
    return z.NEVER;
  }
  const value = Number(text.replace(',', '.'));
  if (value < 0) {
    ctx.addIssue({ code: 'custom', message: m.montantNegative });
    return z.NEVER;
  }
  if (value > MONTANT_MAX) {
    ctx.addIssue({ code: 'custom', message: m.montantTooLarge });
    return z.NEVER;
  }
  return value;
});

const dateSchema = (required: string) =>
  z.string().trim().min(1, { error: required }).refine(isIsoDate, { error: m.dateInvalid });

const ownerFields = {
  client_email: emailSchema,
  client_telephone: telephoneSchema,
  nb_personnes: nbPersonnesSchema,
  nb_adultes: nbAdultesSchema,
  montant: montantSchema,
  notes: optionalText(NOTES_MAX_LENGTH, m.notesTooLong),
};

export const directReservationSchema = z.object({
  gite_id: z.string().trim().min(1, { error: m.giteRequired }),
  date_debut: dateSchema(m.dateDebutRequired),
  date_fin: dateSchema(m.dateFinRequired),
  client_nom: z
    .string()
    .trim()
    .min(1, { error: m.clientNomRequired })
    .max(CLIENT_NOM_MAX_LENGTH, { error: m.clientNomTooLong }),
  ...ownerFields,
});

/** Feeds often carry no guest name (Booking.com): the owner may leave it empty. */
export const importedReservationSchema = z.object({
  client_nom: optionalText(CLIENT_NOM_MAX_LENGTH, m.clientNomTooLong),
  ...ownerFields,
});

export type DirectReservationValues = z.output<typeof directReservationSchema>;
export type ImportedReservationValues = z.output<typeof importedReservationSchema>;

export type ReservationFormErrors = Partial<Record<ReservationField, string>>;

export type ReservationFormResult =
  | { ok: true; kind: 'direct'; value: DirectReservationValues }
  | { ok: true; kind: 'imported'; value: ImportedReservationValues }
  | { ok: false; errors: ReservationFormErrors };

const FIELDS: readonly string[] = [
  'gite_id',
  'date_debut',
  'date_fin',
  'client_nom',
  'client_email',
  'client_telephone',
  'nb_personnes',
  'nb_adultes',
  'montant',
  'notes',
];

function isField(key: unknown): key is ReservationField {
  return typeof key === 'string' && FIELDS.includes(key);
}

/** Departure after arrival, at most a year: checked even when another field is wrong. */
function stayError(draft: ReservationDraft): string | undefined {
  const debut = draft.date_debut.trim();
  const fin = draft.date_fin.trim();
  if (!isIsoDate(debut) || !isIsoDate(fin)) return undefined;
  if (fin <= debut) return m.dateFinBeforeDebut;
  if (nightsBetween(debut, fin) > MAX_NIGHTS) return m.stayTooLong;
  return undefined;
}

/** More adults than guests (the database's check too): checked even when another field is wrong. */
function adultsError(draft: ReservationDraft): string | undefined {
  const adults = draft.nb_adultes.trim();
  const people = draft.nb_personnes.trim();
  if (!/^\d{1,3}$/.test(adults) || !/^\d{1,3}$/.test(people)) return undefined;
  return Number(adults) > Number(people) ? m.nbAdultesTooMany : undefined;
}

/** Validates the form; the first message per field wins. Pure. */
export function validateReservationForm(
  draft: ReservationDraft,
  kind: ReservationKind,
): ReservationFormResult {
  const errors: ReservationFormErrors = {};
  const collect = (issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) => {
    for (const issue of issues) {
      const [field] = issue.path;
      if (isField(field)) errors[field] ??= issue.message;
    }
  };
  const adults = adultsError(draft);
  if (kind === 'imported') {
    const result = importedReservationSchema.safeParse(draft);
    if (result.success && adults === undefined) return { ok: true, kind, value: result.data };
    if (!result.success) collect(result.error.issues);
    if (adults !== undefined) errors.nb_adultes ??= adults;
    return { ok: false, errors };
  }
  const result = directReservationSchema.safeParse(draft);
  const stay = stayError(draft);
  if (result.success && stay === undefined && adults === undefined) {
    return { ok: true, kind, value: result.data };
  }
  if (!result.success) collect(result.error.issues);
  if (stay !== undefined) errors.date_fin ??= stay;
  if (adults !== undefined) errors.nb_adultes ??= adults;
  return { ok: false, errors };
}

export function emptyReservationDraft(giteId = ''): ReservationDraft {
  return {
    gite_id: giteId,
    date_debut: '',
    date_fin: '',
    client_nom: '',
    client_email: '',
    client_telephone: '',
    nb_personnes: '',
    nb_adultes: '',
    montant: '',
    notes: '',
  };
}

/** 450 → "450", 1250.5 → "1250,50": what the owner would type (no grouping). */
function amountText(montant: number): string {
  return Number.isInteger(montant) ? String(montant) : montant.toFixed(2).replace('.', ',');
}

/** The form's starting values for a saved reservation. */
export function reservationToDraft(row: {
  gite_id: string;
  date_debut: string;
  date_fin: string;
  client_nom: string | null;
  client_email: string | null;
  client_telephone: string | null;
  nb_personnes: number | null;
  nb_adultes: number | null;
  montant: number | null;
  notes: string | null;
}): ReservationDraft {
  return {
    gite_id: row.gite_id,
    date_debut: row.date_debut,
    date_fin: row.date_fin,
    client_nom: row.client_nom ?? '',
    client_email: row.client_email ?? '',
    client_telephone: row.client_telephone ?? '',
    nb_personnes: row.nb_personnes === null ? '' : String(row.nb_personnes),
    nb_adultes: row.nb_adultes === null ? '' : String(row.nb_adultes),
    montant: row.montant === null ? '' : amountText(row.montant),
    notes: row.notes ?? '',
  };
}

/** An imported stay came from a feed (its feed may since have been removed: the UID stays). */
export function isImportedStay(row: { feed_id: string | null; external_uid: string | null }) {
  return row.feed_id !== null || row.external_uid !== null;
}
