import type { CarryForward, DeficitCarry } from '@/features/fiscalite/carry-forward';
import { imputeDeficits, NO_CARRY_FORWARD } from '@/features/fiscalite/carry-forward';
import { type CeilingWarning, ceilingWarnings } from '@/features/fiscalite/ceiling-warning';
import {
  type AssetComponent,
  type DepreciationYear,
  depreciationForYear,
} from '@/features/fiscalite/depreciation';
import {
  computeMicroBic,
  type MicroBicResult,
  type ReceiptsByCategory,
} from '@/features/fiscalite/micro-bic';
import { type BasisPoints, type Cents, sum } from '@/features/fiscalite/money';
import {
  type ChargeEntry,
  computeRealRegime,
  type RealRegimeResult,
} from '@/features/fiscalite/regime-reel';
import {
  GITE_CATEGORIES,
  RULES_2023_TOLERANCE,
  rulesFor,
  type YearRules,
} from '@/features/fiscalite/rules';
import {
  incomeTaxAtMarginalRate,
  type RenterStatus,
  renterStatus,
  type SocialContributions,
  socialContributions,
} from '@/features/fiscalite/social';
import {
  type VehicleDeduction,
  type VehicleInput,
  vehicleDeduction,
} from '@/features/fiscalite/vehicle';

/**
 * One year's tax simulation of an owner's furnished rentals: micro-BIC and régime réel side by
 * side, their social charges, which is cheaper, and the warnings. Pure: everything it needs
 * comes in `SimulationInput` (a later round fills it from SQL aggregates), and the same input
 * always gives the same result, so a saved simulation can be keyed by a hash of its input
 * (simulation-key.ts). The input is plain data (JSON): nothing in it can carry a computed
 * deduction — the vehicle comes as kilometres and actual costs.
 */
export type Regime = 'micro_bic' | 'reel';

export interface SimulationInput {
  year: number;
  /** The year's receipts per gîte category. */
  receipts: ReceiptsByCategory;
  /** Receipts of N-1 and N-2 per category, for the micro-BIC ceilings (micro-bic.ts). */
  previousReceipts?: Partial<Record<number, ReceiptsByCategory>>;
  charges?: readonly ChargeEntry[];
  /** Kilometres and actual costs; the deduction is computed here (never a per-km scale). */
  vehicle?: VehicleInput | null;
  components?: readonly AssetComponent[];
  /** Deferred depreciation and deficits left by the previous years. */
  carriedIn?: CarryForward;
  /** The household's marginal income-tax rate, to put euros on the income tax (optional). */
  marginalRate?: BasisPoints | null;
  /** For the LMP test (CGI 155 IV); unknown if not given. */
  otherHouseholdProfessionalIncome?: Cents | null;
  /** 2023 only: the BOFiP tolerance of 14/02/2024, annulled by the CE on 8/07/2024. */
  use2023Tolerance?: boolean;
}

export interface RegimeOutcome {
  regime: Regime;
  available: boolean;
  /** Taxable LMNP income after past deficits. */
  taxable: Cents;
  pastDeficitsUsed: DeficitCarry[];
  /** Past deficits lost this year (more than ten years old, or in their tenth year unused). */
  pastDeficitsExpired: DeficitCarry[];
  social: SocialContributions;
  /** taxable × marginal rate, when the rate is known. */
  incomeTax: Cents | null;
  /** incomeTax + prélèvements sociaux, when both are known. */
  cost: Cents | null;
  carryOut: CarryForward;
}

export interface Comparison {
  cheaper: Regime | 'equal';
  /** 'micro_unavailable': the réel is the only choice; 'cost': compared in euros; 'taxable':
   *  compared on the taxable income (no marginal rate given, or cotisations not estimated). */
  basis: 'micro_unavailable' | 'cost' | 'taxable';
  taxableDifference: Cents;
  costDifference: Cents | null;
}

export interface SimulationResult {
  year: number;
  rules: YearRules;
  receipts: Cents;
  micro: MicroBicResult;
  reel: RealRegimeResult;
  depreciation: DepreciationYear;
  vehicle: VehicleDeduction | null;
  outcomes: Record<Regime, RegimeOutcome>;
  comparison: Comparison;
  warnings: CeilingWarning[];
  renterStatus: RenterStatus;
}

function outcome(
  base: Omit<RegimeOutcome, 'incomeTax' | 'cost'>,
  marginalRate: BasisPoints | null | undefined,
): RegimeOutcome {
  const incomeTax =
    marginalRate === null || marginalRate === undefined
      ? null
      : incomeTaxAtMarginalRate(base.taxable, marginalRate);
  const cost =
    incomeTax === null || base.social.amount === null ? null : incomeTax + base.social.amount;
  return { ...base, incomeTax, cost };
}

function compare(micro: RegimeOutcome, reel: RegimeOutcome): Comparison {
  const taxableDifference = Math.abs(micro.taxable - reel.taxable);
  const costDifference =
    micro.cost === null || reel.cost === null ? null : Math.abs(micro.cost - reel.cost);
  if (!micro.available) {
    return { cheaper: 'reel', basis: 'micro_unavailable', taxableDifference, costDifference };
  }
  const [m, r, basis] =
    micro.cost !== null && reel.cost !== null
      ? [micro.cost, reel.cost, 'cost' as const]
      : [micro.taxable, reel.taxable, 'taxable' as const];
  const cheaper = m === r ? 'equal' : m < r ? 'micro_bic' : 'reel';
  return { cheaper, basis, taxableDifference, costDifference };
}

export function simulate(input: SimulationInput): SimulationResult {
  const rules =
    input.use2023Tolerance && input.year === 2023 ? RULES_2023_TOLERANCE : rulesFor(input.year);
  const carriedIn = input.carriedIn ?? NO_CARRY_FORWARD;
  const receipts = sum(GITE_CATEGORIES.map((c) => input.receipts[c] ?? 0));

  const micro = computeMicroBic(rules, input.receipts, input.previousReceipts);
  // Past LMNP deficits also go against the micro-BIC net income (CGI 156 I 1° ter: any income
  // of the activity). Deferred depreciation (ARD) is an accounting amount of the réel: a
  // micro-BIC year does not use it; it is carried unchanged (À CONFIRMER: whether it survives
  // a return to the réel after micro years).
  const microDeficits = imputeDeficits(micro.net, carriedIn.deficits, rules.year);
  const microOutcome = outcome(
    {
      regime: 'micro_bic',
      available: micro.eligibility.available,
      taxable: microDeficits.remainingIncome,
      pastDeficitsUsed: microDeficits.used,
      pastDeficitsExpired: microDeficits.expired,
      social: socialContributions(rules, input.receipts, microDeficits.remainingIncome),
      carryOut: {
        deferredDepreciation: carriedIn.deferredDepreciation,
        deficits: microDeficits.carriedOut,
      },
    },
    input.marginalRate,
  );

  const depreciation = depreciationForYear(input.components ?? [], rules.year);
  const vehicle = input.vehicle ? vehicleDeduction(input.vehicle) : null;
  const reel = computeRealRegime({
    year: rules.year,
    receipts,
    charges: input.charges ?? [],
    vehicle,
    depreciationOfYear: depreciation.total,
    carriedIn,
  });
  const reelOutcome = outcome(
    {
      regime: 'reel',
      available: true,
      taxable: reel.taxable,
      pastDeficitsUsed: reel.pastDeficits.used,
      pastDeficitsExpired: reel.pastDeficits.expired,
      social: socialContributions(rules, input.receipts, reel.taxable),
      carryOut: reel.carryOut,
    },
    input.marginalRate,
  );

  return {
    year: rules.year,
    rules,
    receipts,
    micro,
    reel,
    depreciation,
    vehicle,
    outcomes: { micro_bic: microOutcome, reel: reelOutcome },
    comparison: compare(microOutcome, reelOutcome),
    warnings: ceilingWarnings(rules.year, input.receipts, input.previousReceipts?.[rules.year - 1]),
    renterStatus: renterStatus(input.receipts, input.otherHouseholdProfessionalIncome),
  };
}
