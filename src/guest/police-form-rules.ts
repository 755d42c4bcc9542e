/**
 * The police form's rules on the guest page (pure, unit-tested): the same checks as
 * `submit_police_form` in supabase/migrations/20261126000100_police_forms.sql, so a guest is
 * told what is wrong before anything is sent; and the reading of the function's refusals.
 */

/** ISO 3166-1 alpha-2 codes (plus XK, Kosovo): the SQL `police_form_countries()` list. */
export const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ ' +
  'BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM ' +
  'DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS ' +
  'GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN ' +
  'KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ ' +
  'MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM ' +
  'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
  'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI ' +
  'VN VU WF WS XK YE YT ZA ZM ZW'
).split(' ');

/** France and the territories whose people are French: not a foreign nationality. */
export const FRENCH_TERRITORIES = [
  'FR',
  'BL',
  'GF',
  'GP',
  'MF',
  'MQ',
  'NC',
  'PF',
  'PM',
  'RE',
  'TF',
  'WF',
  'YT',
];

export const POLICE_FIELDS = [
  'nom',
  'prenoms',
  'date_naissance',
  'lieu_naissance',
  'nationalite',
  'adresse',
  'code_postal',
  'ville',
  'pays',
  'telephone',
  'email',
  'date_arrivee',
  'date_depart',
  'enfants_moins_15',
] as const;

export type PoliceField = (typeof POLICE_FIELDS)[number];
export type PoliceDraft = Record<PoliceField, string>;

/** Why a field is refused: the `hint` codes of submit_police_form. */
export type FieldReason =
  | 'required'
  | 'too_long'
  | 'invalid'
  | 'too_young'
  | 'french'
  | 'outside_stay'
  | 'before_arrival';

export type FieldErrors = Partial<Record<PoliceField, FieldReason>>;

const MAX_LENGTH: Partial<Record<PoliceField, number>> = {
  nom: 100,
  prenoms: 150,
  lieu_naissance: 150,
  adresse: 200,
  code_postal: 20,
  ville: 100,
  telephone: 25,
  email: 254,
};
const OPTIONAL: ReadonlySet<PoliceField> = new Set(['code_postal', 'enfants_moins_15']);
const PHONE = /^\+?[0-9 ().-]{6,25}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function emptyDraft(stay: { arrivee: string | null; depart: string | null }): PoliceDraft {
  const draft = Object.fromEntries(POLICE_FIELDS.map((field) => [field, ''])) as PoliceDraft;
  draft.date_arrivee = stay.arrivee ?? '';
  draft.date_depart = stay.depart ?? '';
  draft.enfants_moins_15 = '0';
  return draft;
}

/** A real calendar day written YYYY-MM-DD (no 31 February), else null. */
export function parseDay(text: string): string | null {
  const match = DAY.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
    ? text
    : null;
}

/** `iso` minus `years` years, as Postgres computes `date - interval 'N years'` (29 Feb → 28). */
export function yearsBefore(iso: string, years: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const target = year - years;
  const last = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return `${String(target).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(
    Math.min(day, last),
  ).padStart(2, '0')}`;
}

/** The day before an ISO day. */
export function dayBefore(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

/**
 * Every field's problem, or an empty object: what the database would refuse, checked here
 * first. `stay` is the sheet's stay (arrival and departure days), `today` an ISO day.
 */
export function validatePoliceForm(
  draft: PoliceDraft,
  stay: { arrivee: string | null; depart: string | null },
  today: string,
): FieldErrors {
  const errors: FieldErrors = {};
  const value = (field: PoliceField) => draft[field].trim();
  for (const field of POLICE_FIELDS) {
    const text = value(field);
    if (text === '') {
      if (!OPTIONAL.has(field)) errors[field] = 'required';
    } else if (text.length > (MAX_LENGTH[field] ?? Number.POSITIVE_INFINITY)) {
      errors[field] = 'too_long';
    }
  }
  const check = (field: PoliceField, reason: FieldReason, wrong: boolean) => {
    if (!errors[field] && value(field) !== '' && wrong) errors[field] = reason;
  };

  const birth = parseDay(value('date_naissance'));
  const arrival = parseDay(value('date_arrivee'));
  const departure = parseDay(value('date_depart'));
  check('date_naissance', 'invalid', !birth || birth < '1900-01-01' || birth > today);
  check('date_arrivee', 'invalid', !arrival);
  check('date_depart', 'invalid', !departure);
  const nationality = value('nationalite').toUpperCase();
  check('nationalite', 'invalid', !COUNTRY_CODES.includes(nationality));
  check('nationalite', 'french', FRENCH_TERRITORIES.includes(nationality));
  check('pays', 'invalid', !COUNTRY_CODES.includes(value('pays').toUpperCase()));
  const phone = value('telephone');
  const digits = phone.replace(/[^0-9]/g, '').length;
  check('telephone', 'invalid', !PHONE.test(phone) || digits < 6 || digits > 15);
  check('email', 'invalid', !EMAIL.test(value('email')));
  if (arrival && stay.arrivee && stay.depart) {
    check('date_arrivee', 'outside_stay', arrival < stay.arrivee || arrival >= stay.depart);
  }
  if (arrival && departure) check('date_depart', 'before_arrival', departure <= arrival);
  if (departure && stay.depart) check('date_depart', 'outside_stay', departure > stay.depart);
  if (birth && arrival) check('date_naissance', 'too_young', birth > yearsBefore(arrival, 15));
  const children = value('enfants_moins_15');
  check('enfants_moins_15', 'invalid', !/^\d{1,2}$/.test(children) || Number(children) > 20);
  return errors;
}

/** The JSON `form` argument of submit_police_form. */
export function policePayload(draft: PoliceDraft, lang: 'fr' | 'en'): Record<string, string> {
  const form: Record<string, string> = { langue: lang };
  for (const field of POLICE_FIELDS) form[field] = draft[field].trim();
  form.nationalite = form.nationalite?.toUpperCase() ?? '';
  form.pays = form.pays?.toUpperCase() ?? '';
  if (form.enfants_moins_15 === '') form.enfants_moins_15 = '0';
  return form;
}

/** What the page makes of the function's answer. */
export type SubmitOutcome =
  | { kind: 'sent' }
  | { kind: 'field'; field: PoliceField; reason: FieldReason }
  | { kind: 'closed' }
  | { kind: 'too_many' }
  | { kind: 'failed' };

const REASONS: ReadonlySet<string> = new Set([
  'required',
  'too_long',
  'invalid',
  'too_young',
  'french',
  'outside_stay',
  'before_arrival',
]);

/** Reads PostgREST's answer (status and parsed JSON body) to submit_police_form. */
export function submitOutcome(status: number, body: unknown): SubmitOutcome {
  if (status >= 200 && status < 300) {
    return body === 'recorded' || body === 'already_recorded'
      ? { kind: 'sent' }
      : { kind: 'failed' };
  }
  if (typeof body !== 'object' || body === null) return { kind: 'failed' };
  const { hint, details } = body as Record<string, unknown>;
  if (hint === 'token_unknown' || hint === 'token_closed') return { kind: 'closed' };
  if (hint === 'too_many_forms') return { kind: 'too_many' };
  if (
    typeof hint === 'string' &&
    REASONS.has(hint) &&
    (POLICE_FIELDS as readonly unknown[]).includes(details)
  ) {
    return { kind: 'field', field: details as PoliceField, reason: hint as FieldReason };
  }
  return { kind: 'failed' };
}
