/**
 * Taxe de séjour arithmetic, the twin of `public.taxe_sejour_ledger` (migration
 * 20261125001000_taxe_sejour.sql, which cites the CGCT articles): the
 * integration test supabase/tests/taxe-sejour-ledger.test.ts checks that both
 * give the same figures on the same stays.
 *
 * Rounding, stated once: each (stay, month) row's amount is computed exactly
 * (integer arithmetic on BigInt) and rounded to the nearest cent, half up;
 * totals add the rounded rows. Communes' own rounding practice varies and is
 * not fixed by the code we could read: this is our choice, not the law's.
 */

export type Platform = 'airbnb' | 'booking' | 'abritel' | 'gites_de_france' | 'other' | 'direct';
export type CollectingPlatform = Exclude<Platform, 'direct'>;

export type TaxRule =
  /** Classified lodging: the commune's rate per person-night, in cents (surcharge excluded). */
  | { kind: 'tarif_fixe'; rateCents: number }
  /** Unclassified: basis points (100 = 1 %) of the cost per person-night, capped (cents). */
  | { kind: 'pourcentage'; basisPoints: number; capCents: number };

export interface GiteTaxSettings {
  rule: TaxRule;
  /** Departmental additional tax of 10 % (CGCT L3333-1). */
  departmentalSurcharge: boolean;
  collectingPlatforms: readonly CollectingPlatform[];
}

export interface StayPart {
  /** Nights of the stay inside the row's month (and the period). */
  nights: number;
  /** Nights of the whole stay: the price is spread over them. */
  stayNights: number;
  /** All occupants, minors included (nb_personnes), or null. */
  people: number | null;
  /** Guests aged 18 or more (nb_adultes), or null when the split is unknown. */
  adults: number | null;
  /** The stay's price in cents, or null. */
  priceCents: number | null;
  platform: Platform;
}

export type Anomaly =
  | 'sans_reglage'
  | 'personnes_inconnues'
  | 'repartition_inconnue'
  | 'prix_inconnu';

export interface StayTax {
  /** Taxable adults: nb_adultes when known, else nb_personnes. */
  taxableAdults: number | null;
  /** Amount in cents, rounded once; null when it cannot be computed. */
  amountCents: number | null;
  collectedBy: 'plateforme' | 'proprietaire';
  anomalies: Anomaly[];
}

/** Exact a / b rounded to the nearest integer, half up (a, b ≥ 0, b > 0). */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/** Computes one stay row's tax; `settings` null when the gîte has none. */
export function stayTax(part: StayPart, settings: GiteTaxSettings | null): StayTax {
  const anomalies: Anomaly[] = [];
  if (!settings) anomalies.push('sans_reglage');
  if (part.people === null && part.adults === null) anomalies.push('personnes_inconnues');
  if (part.adults === null && part.people !== null) anomalies.push('repartition_inconnue');
  if (settings?.rule.kind === 'pourcentage' && part.priceCents === null) {
    anomalies.push('prix_inconnu');
  }
  const taxableAdults = part.adults ?? part.people;
  const collectedBy =
    settings && part.platform !== 'direct' && settings.collectingPlatforms.includes(part.platform)
      ? 'plateforme'
      : 'proprietaire';
  return {
    taxableAdults,
    amountCents: settings ? amount(part, settings, taxableAdults) : null,
    collectedBy,
    anomalies,
  };
}

function amount(part: StayPart, settings: GiteTaxSettings, adults: number | null): number | null {
  if (adults === null) return null;
  const k = settings.departmentalSurcharge ? 11n : 10n; // ×1.1 as ×11/10
  const nights = BigInt(part.nights);
  const a = BigInt(adults);
  const { rule } = settings;
  if (rule.kind === 'tarif_fixe') {
    return Number(roundHalfUp(nights * a * BigInt(rule.rateCents) * k, 10n));
  }
  const occupants = part.people ?? part.adults;
  if (part.priceCents === null || occupants === null || occupants === 0) {
    return adults === 0 ? 0 : null;
  }
  const rate = BigInt(rule.basisPoints);
  const price = BigInt(part.priceCents);
  // Cost per person-night = price / (stay nights × occupants); rate × cost vs cap.
  const perPersonDenominator = 10000n * BigInt(part.stayNights) * BigInt(occupants);
  if (rate * price > BigInt(rule.capCents) * perPersonDenominator) {
    return Number(roundHalfUp(nights * a * BigInt(rule.capCents) * k, 10n));
  }
  return Number(roundHalfUp(nights * a * rate * price * k, 10n * perPersonDenominator));
}

/** Splits a stay [arrival, departure) into its months within [from, to): ISO dates. */
export function monthParts(
  arrival: string,
  departure: string,
  from: string,
  to: string,
): { month: string; nights: number }[] {
  const start = arrival > from ? arrival : from;
  const end = departure < to ? departure : to;
  const parts: { month: string; nights: number }[] = [];
  if (start >= end) return parts;
  let cursor = start;
  while (cursor < end) {
    const month = `${cursor.slice(0, 7)}-01`;
    const next = nextMonth(month);
    const stop = next < end ? next : end;
    parts.push({ month, nights: daysBetween(cursor, stop) });
    cursor = stop;
  }
  return parts;
}

export function nextMonth(isoMonthStart: string): string {
  const y = Number(isoMonthStart.slice(0, 4));
  const m = Number(isoMonthStart.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface LedgerLine {
  mois: string;
  collecte_par: string;
  nuits: number;
  adultes_taxables: number | null;
  montant_centimes: number | null;
}

export interface PeriodTotals {
  /** Owed by the owner (stays not collected by a platform). */
  dueByOwnerCents: number;
  collectedByPlatformsCents: number;
  /** Taxable person-nights (nights × taxable adults). */
  personNights: number;
  /** Rows whose amount could not be computed. */
  incomplete: number;
}

/** Totals of ledger rows per month (ISO first day) and for all of them. */
export function ledgerTotals(lines: readonly LedgerLine[]): {
  byMonth: Map<string, PeriodTotals>;
  all: PeriodTotals;
} {
  const byMonth = new Map<string, PeriodTotals>();
  const all = emptyTotals();
  for (const line of lines) {
    let month = byMonth.get(line.mois);
    if (!month) {
      month = emptyTotals();
      byMonth.set(line.mois, month);
    }
    for (const t of [month, all]) addLine(t, line);
  }
  return { byMonth, all };
}

function emptyTotals(): PeriodTotals {
  return { dueByOwnerCents: 0, collectedByPlatformsCents: 0, personNights: 0, incomplete: 0 };
}

function addLine(t: PeriodTotals, line: LedgerLine): void {
  if (line.montant_centimes === null) t.incomplete += 1;
  const cents = line.montant_centimes ?? 0;
  if (line.collecte_par === 'plateforme') t.collectedByPlatformsCents += cents;
  else t.dueByOwnerCents += cents;
  t.personNights += line.nuits * (line.adultes_taxables ?? 0);
}

/** Sums the totals rows the database returns (taxe_sejour_totals). */
export function sumTotalsRows(
  rows: readonly {
    collecte_par: string;
    nuitees_taxables: number;
    montant_centimes: number;
    lignes_incompletes: number;
  }[],
): PeriodTotals {
  const t = emptyTotals();
  for (const r of rows) {
    if (r.collecte_par === 'plateforme') t.collectedByPlatformsCents += r.montant_centimes;
    else t.dueByOwnerCents += r.montant_centimes;
    t.personNights += r.nuitees_taxables;
    t.incomplete += r.lignes_incompletes;
  }
  return t;
}

/** The period [from, to) of a month (1..12) or a quarter (1..4) of a year. */
export function periodRange(
  kind: 'mois' | 'trimestre',
  year: number,
  index: number,
): { from: string; to: string } {
  const firstMonth = kind === 'mois' ? index : (index - 1) * 3 + 1;
  const months = kind === 'mois' ? 1 : 3;
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  let to = from;
  for (let i = 0; i < months; i++) to = nextMonth(to);
  return { from, to };
}
