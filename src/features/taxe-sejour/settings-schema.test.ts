import { describe, expect, it } from 'vitest';
import { validateForm } from '@/lib/form-validation';
import { taxeSettingsDraft, taxeSettingsSchema } from './settings-schema';

const draft = (changes: Partial<ReturnType<typeof taxeSettingsDraft>>) => ({
  ...taxeSettingsDraft(null),
  commune: 'Coulon',
  ...changes,
});

describe('taxeSettingsSchema', () => {
  it('turns a fixed rate typed in euros with a comma into cents, with the collecting platforms', () => {
    const result = validateForm(taxeSettingsSchema, draft({ tarif: '0,80', airbnb: true }));
    expect(result).toEqual({
      ok: true,
      value: {
        commune: 'Coulon',
        regle: 'tarif_fixe',
        tarif_centimes: 80,
        taxe_additionnelle: false,
        plateformes_collectrices: ['airbnb'],
      },
    });
  });

  it('turns a percentage into basis points and the cap into cents, ignoring the fixed rate', () => {
    const result = validateForm(
      taxeSettingsSchema,
      draft({ regle: 'pourcentage', tarif: 'n’importe quoi', taux: '2,5', plafond: '2.30' }),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        commune: 'Coulon',
        regle: 'pourcentage',
        taux_points_base: 250,
        plafond_centimes: 230,
        taxe_additionnelle: false,
        plateformes_collectrices: [],
      },
    });
  });

  it('refuses a missing commune, a bad rate, a rate outside 1–5 % or a missing cap, in French', () => {
    expect(validateForm(taxeSettingsSchema, draft({ commune: ' ', tarif: 'abc' }))).toEqual({
      ok: false,
      errors: {
        commune: 'Indiquez la commune.',
        tarif: 'Indiquez un tarif en euros, de 0,01 à 50 € (ex. 0,80).',
      },
    });
    expect(validateForm(taxeSettingsSchema, draft({ tarif: '0' }))).toMatchObject({ ok: false });
    expect(
      validateForm(taxeSettingsSchema, draft({ regle: 'pourcentage', taux: '6', plafond: '' })),
    ).toEqual({
      ok: false,
      errors: {
        taux: 'Indiquez un taux de 1 à 5 % (ex. 3 ou 2,5).',
        plafond: 'Indiquez un plafond en euros, de 0,01 à 50 €.',
      },
    });
  });

  it('round-trips saved settings through the draft', () => {
    const saved = {
      commune: 'Arçais',
      regle: 'pourcentage',
      tarif_centimes: null,
      taux_points_base: 350,
      plafond_centimes: 230,
      taxe_additionnelle: true,
      plateformes_collectrices: ['booking', 'abritel'],
    };
    const d = taxeSettingsDraft(saved);
    expect(d).toMatchObject({ taux: '3,5', plafond: '2,30', booking: true, airbnb: false });
    const { tarif_centimes: _unused, ...expected } = saved;
    expect(validateForm(taxeSettingsSchema, d)).toEqual({ ok: true, value: expected });
  });
});
