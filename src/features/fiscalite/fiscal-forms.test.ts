import { describe, expect, it } from 'vitest';
import {
  carryForwardSchema,
  centsToInput,
  chargeSchema,
  componentSchema,
  parseEurosToCents,
  parseKm,
  settingsSchema,
  tripSchema,
  vehicleSchema,
} from '@/features/fiscalite/fiscal-forms';
import { fiscalFormMessages as m } from '@/features/fiscalite/messages';
import { validateForm } from '@/lib/form-validation';

describe('euros typed the French way', () => {
  it('reads commas, points, grouping spaces and a trailing €, to the cent', () => {
    expect(parseEurosToCents('1 250,50')).toBe(125_050);
    expect(parseEurosToCents('1\u202f250,5 €')).toBe(125_050);
    expect(parseEurosToCents('1250.05')).toBe(125_005);
    expect(parseEurosToCents('0')).toBe(0);
    expect(parseEurosToCents('100000000')).toBe(10_000_000_000);
  });

  it('refuses negatives, three decimals, words and amounts above the tables’ limit', () => {
    for (const bad of ['-5', '12,345', 'douze', '', '1,2,3', '100000000,01', '1e5']) {
      expect(parseEurosToCents(bad), bad).toBeNull();
    }
  });

  it('writes cents back for editing, and reads them again unchanged', () => {
    for (const cents of [0, 5, 125_050, 99_999_99]) {
      expect(parseEurosToCents(centsToInput(cents))).toBe(cents);
    }
    expect(centsToInput(125_050)).toBe('1250,50');
    expect(centsToInput(null)).toBe('');
  });

  it('reads kilometres with one decimal, above 0', () => {
    expect(parseKm('12,5')).toBe(12.5);
    expect(parseKm('0')).toBeNull();
    expect(parseKm('1,25')).toBeNull();
  });
});

describe('the forms’ schemas', () => {
  it('a charge: kind from the engine’s list, an amount, an optional label', () => {
    expect(
      validateForm(chargeSchema, {
        nature: 'taxe_fonciere',
        libelle: ' ',
        montant_centimes: '950',
      }),
    ).toEqual({
      ok: true,
      value: { nature: 'taxe_fonciere', libelle: null, montant_centimes: 95_000 },
    });
    expect(
      validateForm(chargeSchema, { nature: 'bareme_km', libelle: '', montant_centimes: '-3' }),
    ).toEqual({ ok: false, errors: { nature: m.kindInvalid, montant_centimes: m.amountInvalid } });
  });

  it('a component: land needs no date nor duration; anything else needs both', () => {
    const base = { gite_id: 'g', libelle: 'Terrain', cout_centimes: '30000' };
    expect(
      validateForm(componentSchema, {
        ...base,
        nature: 'terrain',
        date_mise_en_service: '',
        duree_annees: '40',
      }),
    ).toMatchObject({ ok: true, value: { date_mise_en_service: null, duree_annees: null } });
    expect(
      validateForm(componentSchema, {
        ...base,
        nature: 'mobilier',
        date_mise_en_service: '2025-02-30',
        duree_annees: '0',
      }),
    ).toEqual({
      ok: false,
      errors: { date_mise_en_service: m.dateInvalid, duree_annees: m.durationInvalid },
    });
    expect(
      validateForm(componentSchema, {
        ...base,
        nature: 'mobilier',
        date_mise_en_service: '2025-03-01',
        duree_annees: '7',
      }),
    ).toMatchObject({ ok: true, value: { cout_centimes: 3_000_000, duree_annees: 7 } });
  });

  it('a vehicle: total km required, empty costs are 0', () => {
    const result = validateForm(vehicleSchema, {
      libelle: 'Clio',
      km_total: '12000',
      frais_carburant_centimes: '1 400',
      frais_assurance_centimes: '',
      frais_entretien_reparations_centimes: '',
      frais_pneumatiques_centimes: '',
      frais_location_credit_bail_centimes: '',
      frais_interets_emprunt_centimes: '',
      frais_autres_centimes: '',
    });
    expect(result).toMatchObject({
      ok: true,
      value: { km_total: 12_000, frais_carburant_centimes: 140_000, frais_assurance_centimes: 0 },
    });
  });

  it('a trip: a real date, a purpose, a distance', () => {
    expect(
      validateForm(tripSchema, {
        date: '2025-04-31',
        motif: '  ',
        distance_km: 'loin',
        aller_retour: true,
        vehicule: '',
      }),
    ).toEqual({
      ok: false,
      errors: { date: m.dateInvalid, motif: m.purposeRequired, distance_km: m.kmInvalid },
    });
  });

  it('settings: a rate of the barème or nothing; carry-forwards: a year and an amount above 0', () => {
    expect(
      validateForm(settingsSchema, { taux_marginal_bp: '3000', autres_revenus_pro_centimes: '' }),
    ).toEqual({ ok: true, value: { taux_marginal_bp: 3000, autres_revenus_pro_centimes: null } });
    expect(
      validateForm(settingsSchema, { taux_marginal_bp: '2500', autres_revenus_pro_centimes: '' }),
    ).toMatchObject({ ok: false, errors: { taux_marginal_bp: m.rateInvalid } });
    expect(
      validateForm(carryForwardSchema, {
        nature: 'deficit',
        annee_origine: '1999',
        montant_centimes: '0',
      }),
    ).toEqual({
      ok: false,
      errors: { annee_origine: m.yearInvalid, montant_centimes: m.amountPositive },
    });
  });
});
