import {
  type CarryForward,
  type DeficitCarry,
  imputeDeficits,
  NO_CARRY_FORWARD,
} from '@/features/fiscalite/carry-forward';
import { type Cents, roundToEuro, sum } from '@/features/fiscalite/money';
import { assertVehicleDeduction, type VehicleDeduction } from '@/features/fiscalite/vehicle';

/**
 * Régime réel (BIC, régime réel simplifié) of a non-professional furnished rental (LMNP), for
 * one year, line by line so a UI can explain each one:
 *
 *   receipts
 * − deductible charges entered by the owner (by kind)
 * − vehicle: actual costs × business share (vehicle.ts — never the barème kilométrique)
 * = result before depreciation
 * − depreciation deducted = min(year's depreciation + deferred depreciation carried in,
 *                               max(0, result before depreciation))
 *   CGI art. 39 C, II: the depreciation of rented property is deductible only up to the rent
 *   less the other charges, so it can neither create nor increase a deficit; what is not
 *   deducted is deferred (ARD) without time limit.
 * = BIC result (negative only through the charges: that is the year's deficit)
 * − past deficits, oldest first, on a positive result only (CGI art. 156, I, 1° ter: LMNP
 *   deficits go only against LMNP income, for 10 years; carry-forward.ts)
 * = taxable result.
 *
 * Order: the depreciation is part of the result, the past deficits are deducted from it
 * afterwards; so a year's depreciation is deducted before any past deficit, which may then
 * expire unused (a known trap of the LMNP réel the explanation states).
 * All amounts in cents; the BIC result is rounded once to the euro, as declared.
 */
export type ChargeKind =
  | 'interets_emprunt'
  | 'assurance_emprunteur'
  | 'assurances'
  | 'taxe_fonciere'
  | 'cfe'
  | 'commissions_plateformes'
  | 'gestion_conciergerie'
  | 'menage_linge'
  | 'entretien_reparations'
  | 'energie_eau'
  | 'telecom_internet'
  | 'petit_equipement'
  | 'comptabilite'
  | 'frais_bancaires'
  | 'deplacements'
  | 'autres';

export interface ChargeEntry {
  kind: ChargeKind;
  amount: Cents;
  /** The owner's own words, if any. */
  label?: string;
}

export interface RealRegimeInput {
  year: number;
  /** All furnished-rental receipts of the year. */
  receipts: Cents;
  charges: readonly ChargeEntry[];
  vehicle?: VehicleDeduction | null;
  /** The year's depreciation charge (depreciation.ts `depreciationForYear(...).total`). */
  depreciationOfYear: Cents;
  carriedIn?: CarryForward;
}

export interface RealRegimeResult {
  year: number;
  receipts: Cents;
  chargesByKind: Partial<Record<ChargeKind, Cents>>;
  charges: Cents;
  vehicle: Cents;
  resultBeforeDepreciation: Cents;
  depreciation: {
    ofYear: Cents;
    carriedIn: Cents;
    /** max(0, result before depreciation): the most art. 39 C allows. */
    cap: Cents;
    deducted: Cents;
    /** Deferred to later years (ARD). */
    carriedOut: Cents;
  };
  /** After depreciation, rounded to the euro; negative = the year's deficit. */
  bicResult: Cents;
  deficitOfYear: Cents;
  pastDeficits: {
    used: DeficitCarry[];
    /** Lost: out of date, or in their tenth year and not used up. */
    expired: DeficitCarry[];
  };
  /** Taxable LMNP income of the year (≥ 0). */
  taxable: Cents;
  carryOut: CarryForward;
}

function nonNegativeCents(amount: number, what: string): void {
  if (!Number.isInteger(amount) || amount < 0) {
    throw new RangeError(`${what} must be a non-negative integer of cents`);
  }
}

export function computeRealRegime(input: RealRegimeInput): RealRegimeResult {
  const carriedIn = input.carriedIn ?? NO_CARRY_FORWARD;
  nonNegativeCents(input.receipts, 'receipts');
  nonNegativeCents(input.depreciationOfYear, 'depreciation of the year');
  nonNegativeCents(carriedIn.deferredDepreciation, 'deferred depreciation');
  const chargesByKind: Partial<Record<ChargeKind, Cents>> = {};
  for (const charge of input.charges) {
    nonNegativeCents(charge.amount, `charge ${charge.kind}`);
    chargesByKind[charge.kind] = (chargesByKind[charge.kind] ?? 0) + charge.amount;
  }
  const charges = sum(input.charges.map((c) => c.amount));
  if (input.vehicle) assertVehicleDeduction(input.vehicle);
  const vehicle = input.vehicle?.deductible ?? 0;

  const resultBeforeDepreciation = input.receipts - charges - vehicle;
  const cap = Math.max(0, resultBeforeDepreciation);
  const available = input.depreciationOfYear + carriedIn.deferredDepreciation;
  const deducted = Math.min(available, cap);
  const bicResult = roundToEuro(resultBeforeDepreciation - deducted);
  const deficitOfYear = Math.max(0, -bicResult);

  const imputation = imputeDeficits(Math.max(0, bicResult), carriedIn.deficits, input.year);
  const deficits = [...imputation.carriedOut];
  if (deficitOfYear > 0) deficits.push({ originYear: input.year, amount: deficitOfYear });

  return {
    year: input.year,
    receipts: input.receipts,
    chargesByKind,
    charges,
    vehicle,
    resultBeforeDepreciation,
    depreciation: {
      ofYear: input.depreciationOfYear,
      carriedIn: carriedIn.deferredDepreciation,
      cap,
      deducted,
      carriedOut: available - deducted,
    },
    bicResult,
    deficitOfYear,
    pastDeficits: { used: imputation.used, expired: imputation.expired },
    taxable: imputation.remainingIncome,
    carryOut: { deferredDepreciation: available - deducted, deficits },
  };
}
