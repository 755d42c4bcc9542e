import type { CarryForward, DeficitCarry } from '@/features/fiscalite/carry-forward';
import type { AssetComponent } from '@/features/fiscalite/depreciation';
import type { ReceiptsByCategory } from '@/features/fiscalite/micro-bic';
import type { ChargeEntry, ChargeKind } from '@/features/fiscalite/regime-reel';
import { GITE_CATEGORIES, type GiteCategory } from '@/features/fiscalite/rules';
import type { Regime, SimulationInput } from '@/features/fiscalite/simulation';
import type { VehicleCost, VehicleCostKind } from '@/features/fiscalite/vehicle';

/**
 * From the rows the database gives (fiscal_receipts, charges_fiscales, composants_amortissables,
 * vehicules_fiscaux, fiscal_trip_totals, parametres_fiscaux, reports_fiscaux, the previous
 * year's saved simulation) to the engine's `SimulationInput`. Pure: the same rows always give
 * the same input, so its hash (simulation-key.ts) changes exactly when a row that matters does.
 */

export interface ReceiptRow {
  annee: number;
  categorie_fiscale: string;
  recettes_centimes: number;
  sejours: number;
  sejours_sans_montant: number;
}

export interface ChargeRow {
  nature: string;
  libelle: string | null;
  montant_centimes: number;
}

export interface ComponentRow {
  libelle: string;
  nature: string;
  cout_centimes: number;
  date_mise_en_service: string | null;
  duree_annees: number | null;
}

export interface VehicleRow {
  km_total: number;
  frais_carburant_centimes: number;
  frais_assurance_centimes: number;
  frais_entretien_reparations_centimes: number;
  frais_pneumatiques_centimes: number;
  frais_location_credit_bail_centimes: number;
  frais_interets_emprunt_centimes: number;
  frais_autres_centimes: number;
}

export interface SettingsRow {
  taux_marginal_bp: number | null;
  autres_revenus_pro_centimes: number | null;
}

export interface CarryForwardRow {
  nature: string;
  annee_origine: number;
  montant_centimes: number;
}

/** What a saved simulation keeps of its retained régime for the next year. */
export interface SavedCarryOut {
  regime: Regime;
  carryOut: CarryForward;
}

export interface InputRows {
  year: number;
  receipts: readonly ReceiptRow[];
  charges: readonly ChargeRow[];
  components: readonly ComponentRow[];
  vehicle: VehicleRow | null;
  businessKm: number;
  settings: SettingsRow | null;
  carryForwards: readonly CarryForwardRow[];
  /** The retained régime's carry-out of the saved simulation of year − 1, if there is one. */
  previousYear: SavedCarryOut | null;
}

const isCategory = (value: string): value is GiteCategory =>
  (GITE_CATEGORIES as readonly string[]).includes(value);

/** The receipts of one year per category (categories with no receipt left out). */
export function receiptsOfYear(rows: readonly ReceiptRow[], year: number): ReceiptsByCategory {
  const out: ReceiptsByCategory = {};
  for (const row of rows) {
    if (row.annee !== year || !isCategory(row.categorie_fiscale)) continue;
    out[row.categorie_fiscale] = (out[row.categorie_fiscale] ?? 0) + row.recettes_centimes;
  }
  return out;
}

const VEHICLE_COSTS: ReadonlyArray<[VehicleCostKind, keyof VehicleRow]> = [
  ['carburant', 'frais_carburant_centimes'],
  ['assurance', 'frais_assurance_centimes'],
  ['entretien_reparations', 'frais_entretien_reparations_centimes'],
  ['pneumatiques', 'frais_pneumatiques_centimes'],
  ['location_credit_bail', 'frais_location_credit_bail_centimes'],
  ['interets_emprunt', 'frais_interets_emprunt_centimes'],
  ['autres', 'frais_autres_centimes'],
];

/** The vehicle's non-zero costs, by kind. */
export function vehicleCosts(vehicle: VehicleRow): VehicleCost[] {
  return VEHICLE_COSTS.flatMap(([kind, column]) => {
    const amount = vehicle[column];
    return amount > 0 ? [{ kind, amount }] : [];
  });
}

function toComponent(row: ComponentRow): AssetComponent {
  if (row.nature === 'terrain')
    return { label: row.libelle, kind: 'terrain', cost: row.cout_centimes };
  return {
    label: row.libelle,
    kind: row.nature as Exclude<AssetComponent['kind'], 'terrain'>,
    cost: row.cout_centimes,
    inService: row.date_mise_en_service ?? '',
    durationYears: row.duree_annees ?? 0,
  };
}

/**
 * What earlier years leave to `year`: the saved simulation of year − 1 when there is one
 * (its retained régime's carry-out, which already includes what it received), otherwise the
 * carry-forwards the owner entered for the years before the app (deficits of earlier years,
 * deferred depreciation of earlier years).
 */
export function carriedInFor(
  year: number,
  carryForwards: readonly CarryForwardRow[],
  previousYear: SavedCarryOut | null,
): { carriedIn: CarryForward; source: 'previous_simulation' | 'entered' | 'none' } {
  if (previousYear) return { carriedIn: previousYear.carryOut, source: 'previous_simulation' };
  const earlier = carryForwards.filter((row) => row.annee_origine < year);
  const deficits: DeficitCarry[] = earlier
    .filter((row) => row.nature === 'deficit')
    .map((row) => ({ originYear: row.annee_origine, amount: row.montant_centimes }))
    .sort((a, b) => a.originYear - b.originYear);
  const deferredDepreciation = earlier
    .filter((row) => row.nature === 'amortissements_differes')
    .reduce((total, row) => total + row.montant_centimes, 0);
  return {
    carriedIn: { deferredDepreciation, deficits },
    source: earlier.length > 0 ? 'entered' : 'none',
  };
}

/** Business km above the vehicle's total: the deduction cannot be computed (the page says so). */
export function vehicleKmProblem(vehicle: VehicleRow | null, businessKm: number): boolean {
  return vehicle !== null && businessKm > vehicle.km_total;
}

export function buildSimulationInput(rows: InputRows): SimulationInput {
  const { year } = rows;
  const charges: ChargeEntry[] = rows.charges.map((row) => ({
    kind: row.nature as ChargeKind,
    amount: row.montant_centimes,
    ...(row.libelle ? { label: row.libelle } : {}),
  }));
  const vehicle =
    rows.vehicle && !vehicleKmProblem(rows.vehicle, rows.businessKm)
      ? {
          businessKm: rows.businessKm,
          totalKm: rows.vehicle.km_total,
          actualCosts: vehicleCosts(rows.vehicle),
        }
      : null;
  return {
    year,
    receipts: receiptsOfYear(rows.receipts, year),
    previousReceipts: {
      [year - 1]: receiptsOfYear(rows.receipts, year - 1),
      [year - 2]: receiptsOfYear(rows.receipts, year - 2),
    },
    charges,
    vehicle,
    components: rows.components.map(toComponent),
    carriedIn: carriedInFor(year, rows.carryForwards, rows.previousYear).carriedIn,
    marginalRate: rows.settings?.taux_marginal_bp ?? null,
    otherHouseholdProfessionalIncome: rows.settings?.autres_revenus_pro_centimes ?? null,
  };
}

/** Stays of the year whose amount is not entered yet (the receipts are then incomplete). */
export function staysWithoutAmount(rows: readonly ReceiptRow[], year: number): number {
  return rows
    .filter((row) => row.annee === year)
    .reduce((total, row) => total + row.sejours_sans_montant, 0);
}
