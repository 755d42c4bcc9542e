import { applyShare, type BasisPoints, type Cents, ratioBp, sum } from '@/features/fiscalite/money';

/**
 * The vehicle at the régime réel of a BIC owner.
 *
 * An individual BIC taxpayer deducts the ACTUAL costs of a vehicle used both privately and for
 * the business, pro rata of the business kilometres: business share = business km / total km,
 * deductible = actual costs × business share. The barème kilométrique (the per-km scale) is
 * for salaried taxpayers (frais réels) and BNC taxpayers (BOI-BNC-BASE-40-60-40-20), NOT for
 * BIC: it must never be applied here. So this API takes no per-km rate and no fiscal
 * horsepower, and the only way to put a vehicle into the régime réel is a `VehicleDeduction`,
 * which only `vehicleDeduction()` below can make (its brand is a module-private symbol): a
 * number computed elsewhere (say from the barème) cannot be passed in its place.
 * (The BIC « barème carburant » for leased vehicles is an option of its own, not supported.)
 *
 * Tolls and parking of a business trip are not vehicle costs to share: they are business
 * charges in full (charge kind 'deplacements').
 */
export type VehicleCostKind =
  | 'carburant'
  | 'assurance'
  | 'entretien_reparations'
  | 'pneumatiques'
  | 'location_credit_bail'
  | 'interets_emprunt'
  | 'autres';

export interface VehicleCost {
  kind: VehicleCostKind;
  amount: Cents;
}

export interface VehicleInput {
  /** Business kilometres of the year (sum of the trips, `tripKilometres`). */
  businessKm: number;
  /** Kilometres the vehicle drove in the year, all uses (odometer). */
  totalKm: number;
  /** Costs actually paid for the vehicle in the year (receipts), all uses. */
  actualCosts: readonly VehicleCost[];
}

declare const vehicleDeductionBrand: unique symbol;

export interface VehicleDeduction {
  readonly [vehicleDeductionBrand]: true;
  readonly businessKm: number;
  readonly totalKm: number;
  readonly businessShare: BasisPoints;
  readonly actualCosts: Cents;
  readonly deductible: Cents;
}

/** Kilometres to one decimal, as stored (numeric(8,1)), in integer tenths. */
function tenths(km: number, what: string): number {
  const value = Math.round(km * 10);
  if (!Number.isFinite(km) || value < 0 || Math.abs(value - km * 10) > 1e-6) {
    throw new RangeError(`${what} must be a non-negative number of km with at most one decimal`);
  }
  return value;
}

/** One logged trip's kilometres: a round trip (`aller_retour`) counts twice. */
export function tripKilometres(trip: { distance_km: number; aller_retour: boolean }): number {
  const once = tenths(trip.distance_km, 'distance_km');
  return ((trip.aller_retour ? 2 : 1) * once) / 10;
}

/** Every deduction this module made: the régime réel accepts no other (see assertVehicleDeduction). */
const issued = new WeakSet<object>();

export function vehicleDeduction(input: VehicleInput): VehicleDeduction {
  const business = tenths(input.businessKm, 'businessKm');
  const total = tenths(input.totalKm, 'totalKm');
  if (total === 0) throw new RangeError('totalKm must be above 0');
  if (business > total) throw new RangeError('business km cannot exceed the total km');
  for (const cost of input.actualCosts) {
    if (!Number.isInteger(cost.amount) || cost.amount < 0) {
      throw new RangeError('vehicle costs must be non-negative integers of cents');
    }
  }
  const actualCosts = sum(input.actualCosts.map((c) => c.amount));
  const deduction = Object.freeze({
    businessKm: business / 10,
    totalKm: total / 10,
    businessShare: ratioBp(business, total),
    actualCosts,
    deductible: applyShare(actualCosts, business, total),
  }) as VehicleDeduction;
  issued.add(deduction);
  return deduction;
}

/**
 * Throws unless `value` was made by `vehicleDeduction()` — so even a cast or an object rebuilt
 * from JSON (e.g. an amount from the barème kilométrique) cannot reach the régime réel.
 */
export function assertVehicleDeduction(value: VehicleDeduction): void {
  if (!issued.has(value)) {
    throw new TypeError(
      'the vehicle deduction must come from vehicleDeduction() (actual costs × business share)',
    );
  }
}
