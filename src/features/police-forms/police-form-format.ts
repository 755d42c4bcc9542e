/**
 * Pure helpers of the police forms (owner side): country names, how a form reads, until when
 * it is kept, and the CSV export of a stay's forms.
 */
import { type CsvValue, toCsv } from '@/lib/csv';

export interface PoliceFormFields {
  nom: string;
  prenoms: string;
  date_naissance: string;
  lieu_naissance: string;
  nationalite: string;
  adresse: string;
  code_postal: string | null;
  ville: string;
  pays: string;
  telephone: string;
  email: string;
  date_arrivee: string;
  date_depart: string;
  enfants_moins_15: number;
  created_at: string;
}

let regionNames: Intl.DisplayNames | null | undefined;

/** `DE` → « Allemagne » (the code itself where the browser cannot name it). */
export function countryName(code: string): string {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['fr-FR'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  try {
    return regionNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** « SMITH John Albert »: the surname first, in capitals, as on an official form. */
export function fullName(form: Pick<PoliceFormFields, 'nom' | 'prenoms'>): string {
  return `${form.nom.toLocaleUpperCase('fr-FR')} ${form.prenoms}`;
}

/** `2026-07-10` → `10/07/2026`. */
export function frenchDay(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** The home address on one line: « 12 Baker Street, NW1 6XE London, Royaume-Uni ». */
export function homeAddress(
  form: Pick<PoliceFormFields, 'adresse' | 'code_postal' | 'ville' | 'pays'>,
): string {
  const town = [form.code_postal, form.ville].filter(Boolean).join(' ');
  return [form.adresse, town, countryName(form.pays)].join(', ');
}

/**
 * The last day a form is kept: 6 months after its planned departure (purge_police_forms
 * deletes it the day after). Month ends are clamped as Postgres does (31 August → 28 February).
 */
export function keptUntil(dateDepart: string): string {
  const [year, month, day] = dateDepart.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + 6;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

export const POLICE_CSV_HEADER = [
  'Nom',
  'Prénoms',
  'Date de naissance',
  'Lieu de naissance',
  'Nationalité',
  'Code nationalité',
  'Adresse',
  'Code postal',
  'Ville',
  'Pays de résidence',
  'Téléphone mobile',
  'E-mail',
  'Date d’arrivée',
  'Date de départ prévue',
  'Enfants de moins de 15 ans',
  'Reçue le',
] as const;

/** A stay's forms as the CSV file the owner hands over (;-separated, BOM, formula-safe). */
export function policeFormsCsv(forms: readonly PoliceFormFields[]): string {
  const rows: CsvValue[][] = forms.map((form) => [
    form.nom,
    form.prenoms,
    frenchDay(form.date_naissance),
    form.lieu_naissance,
    countryName(form.nationalite),
    form.nationalite,
    form.adresse,
    form.code_postal,
    form.ville,
    countryName(form.pays),
    form.telephone,
    form.email,
    frenchDay(form.date_arrivee),
    frenchDay(form.date_depart),
    form.enfants_moins_15,
    frenchDay(form.created_at),
  ]);
  return toCsv(POLICE_CSV_HEADER, rows);
}

/** `fiches-de-police-le-moulin-2026-07-10.csv`. */
export function policeCsvFileName(giteName: string, arrival: string): string {
  const slug = giteName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `fiches-de-police-${slug || 'gite'}-${arrival}.csv`;
}
