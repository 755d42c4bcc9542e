import { describe, expect, it } from 'vitest';
import { explain } from '@/features/fiscalite/explain';
import {
  parseSavedResults,
  savedResults,
  savedStatus,
} from '@/features/fiscalite/saved-simulation';
import { simulate } from '@/features/fiscalite/simulation';
import {
  buildSimulationInput,
  carriedInFor,
  type InputRows,
  receiptsOfYear,
  staysWithoutAmount,
  vehicleKmProblem,
} from '@/features/fiscalite/simulation-input';
import { simulationInputHash } from '@/features/fiscalite/simulation-key';

const VEHICLE = {
  km_total: 10_000,
  frais_carburant_centimes: 150_000,
  frais_assurance_centimes: 50_000,
  frais_entretien_reparations_centimes: 0,
  frais_pneumatiques_centimes: 0,
  frais_location_credit_bail_centimes: 0,
  frais_interets_emprunt_centimes: 0,
  frais_autres_centimes: 0,
};

const ROWS: InputRows = {
  year: 2025,
  receipts: [
    {
      annee: 2025,
      categorie_fiscale: 'meuble_tourisme_classe',
      recettes_centimes: 2_000_000,
      sejours: 20,
      sejours_sans_montant: 1,
    },
    {
      annee: 2025,
      categorie_fiscale: 'meuble_tourisme_non_classe',
      recettes_centimes: 500_000,
      sejours: 5,
      sejours_sans_montant: 0,
    },
    {
      annee: 2024,
      categorie_fiscale: 'meuble_tourisme_classe',
      recettes_centimes: 1_800_000,
      sejours: 18,
      sejours_sans_montant: 2,
    },
  ],
  charges: [
    { nature: 'taxe_fonciere', libelle: null, montant_centimes: 120_000 },
    { nature: 'interets_emprunt', libelle: 'Crédit Agricole', montant_centimes: 300_000 },
  ],
  components: [
    {
      libelle: 'Terrain',
      nature: 'terrain',
      cout_centimes: 3_000_000,
      date_mise_en_service: null,
      duree_annees: null,
    },
    {
      libelle: 'Mobilier',
      nature: 'mobilier',
      cout_centimes: 700_000,
      date_mise_en_service: '2025-01-01',
      duree_annees: 7,
    },
  ],
  vehicle: VEHICLE,
  businessKm: 2_500,
  settings: { taux_marginal_bp: 3000, autres_revenus_pro_centimes: null },
  carryForwards: [
    { nature: 'deficit', annee_origine: 2022, montant_centimes: 40_000 },
    { nature: 'deficit', annee_origine: 2025, montant_centimes: 99_999 },
    { nature: 'amortissements_differes', annee_origine: 2023, montant_centimes: 10_000 },
  ],
  previousYear: null,
};

describe('rows → SimulationInput', () => {
  it('takes each year’s receipts per category, and counts stays without amount', () => {
    expect(receiptsOfYear(ROWS.receipts, 2025)).toEqual({
      meuble_tourisme_classe: 2_000_000,
      meuble_tourisme_non_classe: 500_000,
    });
    expect(staysWithoutAmount(ROWS.receipts, 2025)).toBe(1);
  });

  it('builds the engine’s input: N-1 and N-2, charges, components, vehicle, settings', () => {
    const input = buildSimulationInput(ROWS);
    expect(input.previousReceipts).toEqual({
      2024: { meuble_tourisme_classe: 1_800_000 },
      2023: {},
    });
    expect(input.charges).toEqual([
      { kind: 'taxe_fonciere', amount: 120_000 },
      { kind: 'interets_emprunt', amount: 300_000, label: 'Crédit Agricole' },
    ]);
    expect(input.components?.[0]).toEqual({ label: 'Terrain', kind: 'terrain', cost: 3_000_000 });
    expect(input.vehicle).toEqual({
      businessKm: 2_500,
      totalKm: 10_000,
      actualCosts: [
        { kind: 'carburant', amount: 150_000 },
        { kind: 'assurance', amount: 50_000 },
      ],
    });
    expect(input.marginalRate).toBe(3000);
    // Only carry-forwards of earlier years.
    expect(input.carriedIn).toEqual({
      deferredDepreciation: 10_000,
      deficits: [{ originYear: 2022, amount: 40_000 }],
    });
    // The engine runs on it: vehicle 2,000 € × 25 % = 500 €.
    expect(simulate(input).vehicle?.deductible).toBe(50_000);
  });

  it('starts from the previous year’s saved simulation when there is one', () => {
    const carryOut = {
      deferredDepreciation: 5_000,
      deficits: [{ originYear: 2024, amount: 7_000 }],
    };
    expect(carriedInFor(2025, ROWS.carryForwards, { regime: 'reel', carryOut })).toEqual({
      carriedIn: carryOut,
      source: 'previous_simulation',
    });
    expect(carriedInFor(2022, ROWS.carryForwards, null).source).toBe('none');
  });

  it('leaves the vehicle out when the business km exceed the total (and says so)', () => {
    expect(vehicleKmProblem(VEHICLE, 10_001)).toBe(true);
    expect(buildSimulationInput({ ...ROWS, businessKm: 10_001 }).vehicle).toBeNull();
  });

  it('changes the hash with a cent of charge or a km, not with the order of the rows', async () => {
    const hash = await simulationInputHash(buildSimulationInput(ROWS));
    const reordered = { ...ROWS, charges: [...ROWS.charges].reverse() };
    expect(await simulationInputHash(buildSimulationInput(reordered))).toBe(hash);
    const oneCent = {
      ...ROWS,
      charges: [{ ...ROWS.charges[0], montant_centimes: 120_001 }, ROWS.charges[1]],
    } as InputRows;
    expect(await simulationInputHash(buildSimulationInput(oneCent))).not.toBe(hash);
    expect(
      await simulationInputHash(buildSimulationInput({ ...ROWS, businessKm: 2_501 })),
    ).not.toBe(hash);
  });
});

describe('saved simulations', () => {
  it('keeps the explanation and the carry-outs, read back as they were; fresh until a hash changes', async () => {
    const input = buildSimulationInput(ROWS);
    const result = simulate(input);
    const saved = savedResults(result, explain(result));
    const stored = JSON.parse(JSON.stringify(saved));
    expect(parseSavedResults(stored)).toEqual(saved);
    expect(saved.regime).toBe(result.comparison.cheaper === 'reel' ? 'reel' : 'micro_bic');
    const hash = await simulationInputHash(input);
    expect(savedStatus({ inputs_hash: hash, resultats: stored }, hash)).toBe('fresh');
    expect(savedStatus({ inputs_hash: hash, resultats: stored }, 'other')).toBe('stale');
    expect(savedStatus({ inputs_hash: hash, resultats: { version: 0 } }, hash)).toBe('stale');
    expect(savedStatus(null, hash)).toBe('none');
  });
});
