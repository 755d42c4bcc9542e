import {
  applyRate,
  type BasisPoints,
  type Cents,
  ratioBp,
  roundToEuro,
  sum,
} from '@/features/fiscalite/money';
import {
  GITE_CATEGORIES,
  type GiteCategory,
  type MicroTier,
  type YearRules,
} from '@/features/fiscalite/rules';

/**
 * Micro-BIC (CGI art. 50-0) for one owner — one household's furnished-rental activity — with
 * gîtes of several categories.
 *
 * HOW SEVERAL CATEGORIES COMBINE (the rule applied here):
 *  1. Each gîte category falls, for the year, in one legal category (tier) of art. 50-0 1
 *     (rules.ts `tierOf`), which has a ceiling and an abatement rate.
 *  2. Ceilings — art. 50-0 1 on mixed activities: the regime applies only if the OVERALL
 *     turnover respects the highest ceiling AND the turnover of the activities of each lower
 *     category respects that category's ceiling. With three categories this is read as nested
 *     sums: for each tier the owner has receipts in, the receipts of that tier plus those of
 *     every tier with a lower ceiling must not exceed that tier's ceiling. E.g. 2025: non-classé
 *     ≤ 15 000 € AND (non-classé + classé + chambres d'hôtes + longue durée) ≤ 77 700 €
 *     (BOI-BIC-DECLA-10-10-20 n° 130 states the two-category case; the nested reading for three
 *     is ours, and matches the published worked example of a meublé classified mid-year).
 *  3. Which years are tested: the ceilings of year N are compared with the receipts of N-1 and
 *     of N-2 (« l'année civile précédente ou la pénultième année »): micro-BIC is available for
 *     N if EITHER year is within the ceilings, so it stops only after two years in a row above
 *     them. When a past year's receipts are not given, the year N's receipts stand in for it
 *     and the result says so (`assumed`). Pro rata temporis of a first year is not handled.
 *  4. Abatement: per tier, on that tier's receipts as declared (whole euros), at the tier's
 *     rate, at least 305 € (« Ces abattements ne peuvent être inférieurs à 305 € » — read as
 *     one minimum per abatement, i.e. per tier), never more than the receipts themselves.
 *  5. The taxable result is the sum of the tiers' nets, rounded once to the euro.
 */

export type ReceiptsByCategory = Partial<Record<GiteCategory, Cents>>;

export interface CeilingCheck {
  /** The tier whose ceiling is tested. */
  tier: MicroTier;
  ceiling: Cents;
  /** The categories whose receipts count against that ceiling. */
  categories: GiteCategory[];
  receipts: Cents;
  /** receipts / ceiling. */
  share: BasisPoints;
  /** « n'excède pas »: exactly at the ceiling is still within it. */
  exceeded: boolean;
}

function receiptsOf(receipts: ReceiptsByCategory, category: GiteCategory): Cents {
  const amount = receipts[category] ?? 0;
  if (!Number.isInteger(amount) || amount < 0) {
    throw new RangeError(`receipts of ${category} must be a non-negative integer of cents`);
  }
  return amount;
}

function tierRule(rules: YearRules, tier: MicroTier) {
  const rule = rules.tiers[tier];
  if (!rule) throw new Error(`rules of ${rules.year} have no ${tier} tier`);
  return rule;
}

/** The ceilings that apply to the owner's activities in `rules.year`, tested on `receipts`. */
export function ceilingChecks(receipts: ReceiptsByCategory, rules: YearRules): CeilingCheck[] {
  const active = GITE_CATEGORIES.filter((c) => receiptsOf(receipts, c) > 0);
  const activeTiers = [...new Set(active.map((c) => rules.tierOf[c]))];
  return activeTiers
    .map((tier) => {
      const ceiling = tierRule(rules, tier).ceiling;
      const categories = active.filter((c) => tierRule(rules, rules.tierOf[c]).ceiling <= ceiling);
      const total = sum(categories.map((c) => receiptsOf(receipts, c)));
      return {
        tier,
        ceiling,
        categories,
        receipts: total,
        share: ratioBp(total, ceiling),
        exceeded: total > ceiling,
      };
    })
    .sort((a, b) => a.ceiling - b.ceiling);
}

export interface EligibilityYear {
  year: number;
  /** True when that year's receipts were not given and the simulated year's stood in. */
  assumed: boolean;
  checks: CeilingCheck[];
  withinCeilings: boolean;
}

export interface MicroEligibility {
  available: boolean;
  /** N-1 then N-2. */
  basis: [EligibilityYear, EligibilityYear];
}

export function microEligibility(
  rules: YearRules,
  receipts: ReceiptsByCategory,
  previousReceipts: Partial<Record<number, ReceiptsByCategory>> = {},
): MicroEligibility {
  const test = (year: number): EligibilityYear => {
    const given = previousReceipts[year];
    const checks = ceilingChecks(given ?? receipts, rules);
    return {
      year,
      assumed: given === undefined,
      checks,
      withinCeilings: checks.every((c) => !c.exceeded),
    };
  };
  const basis: [EligibilityYear, EligibilityYear] = [test(rules.year - 1), test(rules.year - 2)];
  return { available: basis.some((y) => y.withinCeilings), basis };
}

export interface MicroLine {
  tier: MicroTier;
  categories: GiteCategory[];
  /** As declared: whole euros. */
  receipts: Cents;
  rate: BasisPoints;
  abatement: Cents;
  /** The 305 € minimum decided the abatement. */
  minimumApplied: boolean;
  net: Cents;
}

export interface MicroBicResult {
  year: number;
  eligibility: MicroEligibility;
  lines: MicroLine[];
  receipts: Cents;
  abatement: Cents;
  /** Taxable result before past deficits, rounded to the euro. */
  net: Cents;
}

/**
 * The micro-BIC result of the year. Computed even when the regime is not available (so a UI
 * can show what it would have been); `eligibility.available` says whether it may be used.
 */
export function computeMicroBic(
  rules: YearRules,
  receipts: ReceiptsByCategory,
  previousReceipts: Partial<Record<number, ReceiptsByCategory>> = {},
): MicroBicResult {
  const byTier = new Map<MicroTier, GiteCategory[]>();
  for (const category of GITE_CATEGORIES) {
    if (receiptsOf(receipts, category) === 0) continue;
    const tier = rules.tierOf[category];
    byTier.set(tier, [...(byTier.get(tier) ?? []), category]);
  }
  const lines: MicroLine[] = [...byTier].map(([tier, categories]) => {
    const rule = tierRule(rules, tier);
    const declared = roundToEuro(sum(categories.map((c) => receiptsOf(receipts, c))));
    const proportional = applyRate(declared, rule.abatement);
    const minimumApplied = proportional < rules.minimumAbatement;
    const abatement = Math.min(declared, Math.max(proportional, rules.minimumAbatement));
    return {
      tier,
      categories,
      receipts: declared,
      rate: rule.abatement,
      abatement,
      minimumApplied,
      net: declared - abatement,
    };
  });
  return {
    year: rules.year,
    eligibility: microEligibility(rules, receipts, previousReceipts),
    lines,
    receipts: sum(lines.map((l) => l.receipts)),
    abatement: sum(lines.map((l) => l.abatement)),
    net: roundToEuro(sum(lines.map((l) => l.net))),
  };
}
