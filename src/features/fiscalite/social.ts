import type { ReceiptsByCategory } from '@/features/fiscalite/micro-bic';
import {
  applyRate,
  applyShare,
  type BasisPoints,
  type Cents,
  roundToEuro,
  sum,
} from '@/features/fiscalite/money';
import { GITE_CATEGORIES, isTourismRental, type YearRules } from '@/features/fiscalite/rules';

/**
 * Social charges on the year's LMNP income, and the statuses that change them.
 *
 *  - By default the income is a « revenu du patrimoine »: prélèvements sociaux at the year's
 *    rate (rules.ts: 17.2 % up to 2024 income, 18.6 % from 2025 income) on the taxable income.
 *  - CSS L613-1 6°: when the household's furnished-rental receipts exceed 23 000 € and it rents
 *    meublés de tourisme, it is affiliated to the social security of the self-employed: social
 *    COTISATIONS (URSSAF) replace the prélèvements sociaux. Our reading for a mixed owner: the
 *    receipts of all its furnished rentals except chambres d'hôtes (which have their own rule)
 *    count, as soon as one gîte is a meublé de tourisme. The cotisations are not estimated here
 *    (they depend on the owner's choice of social scheme); the result says so (`amount: null`).
 *  - CSS L613-1 7°: chambres d'hôtes: affiliated once the taxable income of that activity
 *    exceeds 13 % of the PASS. The chambres d'hôtes' part of the taxable income is taken pro
 *    rata of their receipts (an approximation when the owner has several kinds of gîte).
 *  - Affiliation depends on the receipts, not on the tax régime — except the chambres d'hôtes
 *    rule, which depends on the taxable income, so it is tested per régime.
 */
export type SocialScheme = 'prelevements_sociaux' | 'cotisations_urssaf';

export type AffiliationReason = 'tourism_receipts' | 'chambres_hotes_income';

export interface SocialContributions {
  scheme: SocialScheme;
  /** Why cotisations replace the prélèvements sociaux, if they do. */
  reason: AffiliationReason | null;
  base: Cents;
  rate: BasisPoints | null;
  /** Null when cotisations apply: not estimated. */
  amount: Cents | null;
}

export function tourismReceipts(receipts: ReceiptsByCategory): Cents {
  if (!GITE_CATEGORIES.some((c) => isTourismRental(c) && (receipts[c] ?? 0) > 0)) return 0;
  return sum(GITE_CATEGORIES.filter((c) => c !== 'chambre_hotes').map((c) => receipts[c] ?? 0));
}

export function socialContributions(
  rules: YearRules,
  receipts: ReceiptsByCategory,
  taxable: Cents,
): SocialContributions {
  const total = sum(GITE_CATEGORIES.map((c) => receipts[c] ?? 0));
  const chambres = receipts.chambre_hotes ?? 0;
  const chambresIncome = total > 0 ? applyShare(taxable, chambres, total) : 0;
  const reason: AffiliationReason | null =
    tourismReceipts(receipts) > rules.urssafTourismReceipts
      ? 'tourism_receipts'
      : chambresIncome > rules.chambresHotesAffiliationIncome
        ? 'chambres_hotes_income'
        : null;
  if (reason) {
    return { scheme: 'cotisations_urssaf', reason, base: taxable, rate: null, amount: null };
  }
  return {
    scheme: 'prelevements_sociaux',
    reason: null,
    base: taxable,
    rate: rules.prelevementsSociaux,
    amount: roundToEuro(applyRate(taxable, rules.prelevementsSociaux)),
  };
}

/**
 * Loueur en meublé professionnel (CGI art. 155, IV): receipts above 23 000 € AND above the
 * household's other professional income. This engine simulates the NON-professional (LMNP)
 * case only; 'lmp' and 'unknown' must be shown as a warning.
 */
export type RenterStatus = 'lmnp' | 'lmp' | 'unknown';

export const LMP_RECEIPTS_THRESHOLD: Cents = 23_000_00; // CGI art. 155, IV, 2°

export function renterStatus(
  receipts: ReceiptsByCategory,
  otherHouseholdProfessionalIncome?: Cents | null,
): RenterStatus {
  const total = sum(GITE_CATEGORIES.map((c) => receipts[c] ?? 0));
  if (total <= LMP_RECEIPTS_THRESHOLD) return 'lmnp';
  if (otherHouseholdProfessionalIncome === undefined || otherHouseholdProfessionalIncome === null) {
    return 'unknown';
  }
  return total > otherHouseholdProfessionalIncome ? 'lmp' : 'lmnp';
}

/** Marginal income-tax rates of the barème (CGI art. 197): 0, 11, 30, 41, 45 %. */
export const MARGINAL_RATES: readonly BasisPoints[] = [0, 1100, 3000, 4100, 4500];

/** A rough income-tax cost of the taxable income at the household's marginal rate. */
export function incomeTaxAtMarginalRate(taxable: Cents, marginalRate: BasisPoints): Cents {
  if (!MARGINAL_RATES.includes(marginalRate)) {
    throw new RangeError(`marginal rate must be one of ${MARGINAL_RATES.join(', ')} bp`);
  }
  return roundToEuro(applyRate(taxable, marginalRate));
}
