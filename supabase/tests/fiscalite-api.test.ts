/**
 * The Fiscalité page's data access (src/features/fiscalite/api) against the real stack: the
 * year's trips by range() pages (a page past the end gives the last one), trip totals after
 * writes, the vehicle and settings saved once a year (created then changed in place),
 * components through the form rules, a simulation saved then replaced with its input hash,
 * and the whole chain rows → engine input → hash stable across reads.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { getCarryForwards } from '@/features/fiscalite/api/get-carry-forwards';
import { getCharges } from '@/features/fiscalite/api/get-charges';
import { getComponents } from '@/features/fiscalite/api/get-components';
import { getFiscalReceipts } from '@/features/fiscalite/api/get-fiscal-receipts';
import { getSavedSimulations } from '@/features/fiscalite/api/get-saved-simulations';
import { getSettings } from '@/features/fiscalite/api/get-settings';
import { getTripTotals } from '@/features/fiscalite/api/get-trip-totals';
import { getTripsPage } from '@/features/fiscalite/api/get-trips';
import { getVehicle } from '@/features/fiscalite/api/get-vehicle';
import { saveCharge } from '@/features/fiscalite/api/save-charge';
import { saveComponent } from '@/features/fiscalite/api/save-component';
import { saveSettings } from '@/features/fiscalite/api/save-settings';
import { saveSimulation } from '@/features/fiscalite/api/save-simulation';
import { deleteTrip, saveTrip } from '@/features/fiscalite/api/save-trip';
import { saveVehicle } from '@/features/fiscalite/api/save-vehicle';
import { explain } from '@/features/fiscalite/explain';
import {
  chargeSchema,
  componentSchema,
  settingsSchema,
  tripSchema,
  vehicleSchema,
} from '@/features/fiscalite/fiscal-forms';
import { savedResults, savedStatus } from '@/features/fiscalite/saved-simulation';
import { simulate } from '@/features/fiscalite/simulation';
import { buildSimulationInput } from '@/features/fiscalite/simulation-input';
import { simulationInputHash } from '@/features/fiscalite/simulation-key';
import { validateForm } from '@/lib/form-validation';
import { signedUpOwner } from '../../dev/test/clients.ts';

const stack = inject('stack');

function valid<T>(result: { ok: true; value: T } | { ok: false; errors: unknown }): T {
  if (!result.ok) throw new Error(`invalid form: ${JSON.stringify(result.errors)}`);
  return result.value;
}

describe('Fiscalité data access', () => {
  let owner: Awaited<ReturnType<typeof signedUpOwner>>;
  let gite: string;

  beforeAll(async () => {
    owner = await signedUpOwner(stack, 'fisc-api');
    const { data, error } = await owner.client
      .from('gites')
      .insert({ nom: 'Le Moulin', categorie_fiscale: 'meuble_tourisme_non_classe' })
      .select('id')
      .single();
    if (error) throw error;
    gite = data.id;
    const stays = await owner.client
      .from('reservations')
      .insert([
        { gite_id: gite, date_debut: '2025-05-01', date_fin: '2025-05-08', montant: 12_400 },
      ]);
    if (stays.error) throw stays.error;
  });

  it('pages the year’s trips with range(), latest first, and totals them', async () => {
    for (let day = 1; day <= 12; day += 1) {
      await saveTrip(owner.client, {
        values: valid(
          validateForm(tripSchema, {
            date: `2025-02-${String(day).padStart(2, '0')}`,
            motif: `Trajet ${day}`,
            distance_km: '10',
            aller_retour: day % 2 === 0,
            vehicule: '',
          }),
        ),
      });
    }
    const first = await getTripsPage(owner.client, 2025, 1);
    expect(first).toMatchObject({ total: 12, page: 1, pageCount: 2 });
    expect(first.rows.map((r) => r.motif).slice(0, 2)).toEqual(['Trajet 12', 'Trajet 11']);
    const past = await getTripsPage(owner.client, 2025, 9);
    expect(past).toMatchObject({ page: 2, pageCount: 2 });
    expect(past.rows).toHaveLength(2);
    // 6 one-way × 10 + 6 round trips × 20.
    expect(await getTripTotals(owner.client, 2025)).toEqual({ trips: 12, businessKm: 180 });
    const last = past.rows.at(-1);
    if (!last) throw new Error('no trip');
    await deleteTrip(owner.client, last.id);
    expect((await getTripTotals(owner.client, 2025)).trips).toBe(11);
  });

  it('creates the year’s vehicle and settings once, then changes them in place', async () => {
    const draft = {
      libelle: 'Clio',
      km_total: '10000',
      frais_carburant_centimes: '1 500',
      frais_assurance_centimes: '500',
      frais_entretien_reparations_centimes: '',
      frais_pneumatiques_centimes: '',
      frais_location_credit_bail_centimes: '',
      frais_interets_emprunt_centimes: '',
      frais_autres_centimes: '',
    };
    await saveVehicle(owner.client, {
      year: 2025,
      id: null,
      values: valid(validateForm(vehicleSchema, draft)),
    });
    const created = await getVehicle(owner.client, 2025);
    expect(created).toMatchObject({ km_total: 10_000, frais_carburant_centimes: 150_000 });
    await saveVehicle(owner.client, {
      year: 2025,
      id: created?.id ?? null,
      values: valid(validateForm(vehicleSchema, { ...draft, km_total: '12000' })),
    });
    expect(await getVehicle(owner.client, 2025)).toMatchObject({
      id: created?.id,
      km_total: 12_000,
    });

    await saveSettings(owner.client, {
      year: 2025,
      id: null,
      values: valid(
        validateForm(settingsSchema, { taux_marginal_bp: '3000', autres_revenus_pro_centimes: '' }),
      ),
    });
    const settings = await getSettings(owner.client, 2025);
    expect(settings).toMatchObject({ taux_marginal_bp: 3000, autres_revenus_pro_centimes: null });
    expect(await getSettings(owner.client, 2024)).toBeNull();
  });

  it('saves a simulation with its input hash, serves it fresh, and replaces it in place', async () => {
    await saveCharge(owner.client, {
      year: 2025,
      values: valid(
        validateForm(chargeSchema, {
          nature: 'taxe_fonciere',
          libelle: '',
          montant_centimes: '900',
        }),
      ),
    });
    await saveComponent(owner.client, {
      values: valid(
        validateForm(componentSchema, {
          gite_id: gite,
          libelle: 'Mobilier',
          nature: 'mobilier',
          cout_centimes: '7000',
          date_mise_en_service: '2025-01-01',
          duree_annees: '7',
        }),
      ),
    });
    const readInput = async () => {
      const totals = await getTripTotals(owner.client, 2025);
      return buildSimulationInput({
        year: 2025,
        receipts: await getFiscalReceipts(owner.client, 2025),
        charges: await getCharges(owner.client, 2025),
        components: await getComponents(owner.client),
        vehicle: await getVehicle(owner.client, 2025),
        businessKm: totals.businessKm,
        settings: await getSettings(owner.client, 2025),
        carryForwards: await getCarryForwards(owner.client),
        previousYear: null,
      });
    };
    const input = await readInput();
    const result = simulate(input);
    // 12,400 € of non classé receipts in 2025: 82 % of the 15,000 € ceiling, so warned (80 %).
    expect(result.warnings.map((w) => w.level)).toEqual(['approaching']);
    const hash = await simulationInputHash(input);
    expect(await simulationInputHash(await readInput())).toBe(hash);

    const results = savedResults(result, explain(result));
    await saveSimulation(owner.client, {
      year: 2025,
      id: null,
      input,
      inputsHash: hash,
      results,
      receipts: result.receipts,
    });
    const saved = await getSavedSimulations(owner.client, 2025);
    expect(saved.previous).toBeNull();
    expect(saved.current).toMatchObject({ annee: 2025, inputs_hash: hash });
    expect(savedStatus(saved.current, hash)).toBe('fresh');

    // A new charge: another hash, the saved one is stale; saving replaces the same row.
    await saveCharge(owner.client, {
      year: 2025,
      values: valid(
        validateForm(chargeSchema, { nature: 'cfe', libelle: '', montant_centimes: '150' }),
      ),
    });
    const changed = await readInput();
    const newHash = await simulationInputHash(changed);
    expect(newHash).not.toBe(hash);
    expect(savedStatus(saved.current, newHash)).toBe('stale');
    await saveSimulation(owner.client, {
      year: 2025,
      id: saved.current?.id ?? null,
      input: changed,
      inputsHash: newHash,
      results: savedResults(simulate(changed), explain(simulate(changed))),
      receipts: result.receipts,
    });
    const again = await getSavedSimulations(owner.client, 2025);
    expect(again.current?.id).toBe(saved.current?.id);
    expect(again.current?.inputs_hash).toBe(newHash);
    const { count } = await owner.client
      .from('simulations_fiscales')
      .select('id', { count: 'exact', head: true });
    expect(count).toBe(1);
    // The next year starts from it.
    expect((await getSavedSimulations(owner.client, 2026)).previous?.id).toBe(saved.current?.id);
  });
});
