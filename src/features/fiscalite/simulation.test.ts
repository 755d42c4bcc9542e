import { describe, expect, it } from 'vitest';
import type { AssetComponent } from '@/features/fiscalite/depreciation';
import { explain } from '@/features/fiscalite/explain';
import { euros } from '@/features/fiscalite/money';
import type { ChargeEntry } from '@/features/fiscalite/regime-reel';
import { simulate } from '@/features/fiscalite/simulation';

/** Intl puts narrow no-break spaces in French numbers: compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');
const plainAll = (lines: readonly string[]) => lines.map(plain);

// A gîte bought in 2020: land 20 000 € (not depreciated), structure 150 000 € over 50 years
// (3 000 €/year), furniture 10 500 € since 2023 over 7 years (1 500 €/year): 4 500 €/year.
const components: AssetComponent[] = [
  { label: 'Terrain', kind: 'terrain', cost: euros(20_000) },
  {
    label: 'Gros œuvre',
    kind: 'gros_oeuvre',
    cost: euros(150_000),
    inService: '2020-01-01',
    durationYears: 50,
  },
  {
    label: 'Mobilier',
    kind: 'mobilier',
    cost: euros(10_500),
    inService: '2023-01-01',
    durationYears: 7,
  },
];

// 2 000 + 800 + 1 200 + 900 = 4 900 € of charges.
const charges: ChargeEntry[] = [
  { kind: 'interets_emprunt', amount: euros(2_000) },
  { kind: 'taxe_fonciere', amount: euros(800) },
  { kind: 'commissions_plateformes', amount: euros(1_200) },
  { kind: 'energie_eau', amount: euros(900) },
];

describe('2025: a non-classified meublé with 12,000 € — the réel wins', () => {
  // Micro-BIC: 12 000 − 30 % = 8 400 €; prélèvements sociaux 18,6 % = 1 562,40 → 1 562 €.
  // Réel: 12 000 − 4 900 = 7 100; depreciation 4 500 ≤ 7 100 → 2 600 €; PS 483,60 → 484 €.
  // At a 30 % marginal rate: micro 2 520 + 1 562 = 4 082 €; réel 780 + 484 = 1 264 €;
  // the réel saves 2 818 € (5 800 € less taxable income).
  const result = simulate({
    year: 2025,
    receipts: { meuble_tourisme_non_classe: euros(12_000) },
    charges,
    components,
    marginalRate: 3000,
  });

  it('computes both régimes', () => {
    expect(result.outcomes.micro_bic).toMatchObject({
      available: true,
      taxable: euros(8_400),
      incomeTax: euros(2_520),
      cost: euros(4_082),
    });
    expect(result.outcomes.micro_bic.social.amount).toBe(euros(1_562));
    expect(result.depreciation.total).toBe(euros(4_500));
    expect(result.outcomes.reel).toMatchObject({
      taxable: euros(2_600),
      incomeTax: euros(780),
      cost: euros(1_264),
    });
    expect(result.outcomes.reel.social.amount).toBe(euros(484));
    expect(result.comparison).toEqual({
      cheaper: 'reel',
      basis: 'cost',
      taxableDifference: euros(5_800),
      costDifference: euros(2_818),
    });
  });

  it('explains it in plain French, from the numbers', () => {
    const e = explain(result);
    expect(plain(e.conclusion)).toBe(
      'Le régime réel est le moins cher en 2025 : environ 2 818 € d’impôt et de prélèvements sociaux en moins (5 800 € de revenu imposable en moins). Le régime réel se choisit par option et demande une comptabilité (déclaration 2031).',
    );
    expect(plainAll(e.micro)).toEqual([
      'Meublé de tourisme non classé : 12 000 € de recettes − abattement de 30 % (3 600 €) = 8 400 €.',
      'Revenu imposable au micro-BIC : 8 400 €.',
    ]);
    expect(plainAll(e.reel)).toEqual([
      'Recettes : 12 000 €.',
      'Charges déductibles : 4 900 € (Intérêts d’emprunt 2 000 €, Taxe foncière 800 €, Commissions des plateformes 1 200 €, Électricité, gaz et eau 900 €).',
      'Résultat avant amortissements : 7 100 €.',
      'Amortissements : 4 500 € de l’année, 4 500 € déduits.',
      'Revenu imposable au régime réel : 2 600 €.',
    ]);
    expect(plainAll(e.social)).toEqual([
      'Prélèvements sociaux (18,6 %) : 1 562 € au micro-BIC, 484 € au régime réel.',
      'Impôt sur le revenu à votre tranche marginale : environ 2 520 € au micro-BIC, 780 € au régime réel.',
    ]);
    // 12 000 € is 80 % of 2026's 15 000 € ceiling of a non-classified meublé (2025 receipts
    // decide the micro-BIC of 2026 and 2027): the warning is on.
    expect(plainAll(e.warnings)).toEqual([
      'Vos recettes 2025 (meublé de tourisme non classé) : 12 000 €, soit 80 % du plafond du micro-BIC de 2026 (15 000 €).',
    ]);
    expect(e.notices.some((n) => n.includes('18,6 %'))).toBe(true);
  });
});

describe('2024: a classified meublé with 20,000 € — the micro-BIC wins', () => {
  // Micro: 20 000 − 71 % = 5 800 €; PS 17,2 % = 997,60 → 998 €.
  // Réel: 20 000 − 4 900 − 4 500 = 10 600 €; PS 1 823,20 → 1 823 €.
  // No marginal rate given: compared on the taxable income: 4 800 € less at the micro-BIC.
  const result = simulate({
    year: 2024,
    receipts: { meuble_tourisme_classe: euros(20_000) },
    charges,
    components,
  });

  it('prefers the micro-BIC and says by how much', () => {
    expect(result.outcomes.micro_bic.taxable).toBe(euros(5_800));
    expect(result.outcomes.reel.taxable).toBe(euros(10_600));
    expect(result.comparison).toMatchObject({
      cheaper: 'micro_bic',
      basis: 'taxable',
      taxableDifference: euros(4_800),
      costDifference: null,
    });
    expect(plain(explain(result).conclusion)).toBe(
      'Le micro-BIC est le moins cher en 2024 : 4 800 € de revenu imposable en moins et 825 € de prélèvements sociaux en moins.',
    );
  });
});

describe('micro-BIC not available', () => {
  it('80,000 € classé in 2025 with no history: the réel applies, and the reason is given', () => {
    const result = simulate({
      year: 2025,
      receipts: { meuble_tourisme_classe: euros(80_000) },
      charges,
      components,
    });
    expect(result.comparison.cheaper).toBe('reel');
    expect(result.comparison.basis).toBe('micro_unavailable');
    const e = explain(result);
    expect(plain(e.conclusion)).toBe(
      'Le régime réel s’applique en 2025 : le micro-BIC n’est pas possible. Revenu imposable : 70 600 €.',
    );
    expect(plain(e.micro[0] ?? '')).toBe(
      'Le micro-BIC n’est pas possible en 2025 : le plafond de recettes a été dépassé en 2024 (80 000 € pour un plafond de 77 700 €, recettes inconnues : celles de 2025 sont retenues) et en 2023 (80 000 € pour un plafond de 77 700 €, recettes inconnues : celles de 2025 sont retenues).',
    );
    // 80 000 € of meublé de tourisme receipts: URSSAF cotisations, and possibly LMP.
    expect(result.outcomes.reel.social).toMatchObject({
      scheme: 'cotisations_urssaf',
      amount: null,
    });
    expect(result.renterStatus).toBe('unknown');
    expect(plainAll(e.social)[0]).toBe(
      'Vos recettes de location meublée de tourisme dépassent 23 000 € : vous relevez de la sécurité sociale des indépendants et payez des cotisations sociales (URSSAF) au lieu des prélèvements sociaux.',
    );
    // Against 2026's ceiling (83 600 €), the 2025 receipts are within it.
    expect(plainAll(e.warnings)).toContain(
      'Vos recettes 2025 (meublé de tourisme classé) : 80 000 €, soit 95 % du plafond du micro-BIC de 2026 (83 600 €).',
    );
  });
});

describe('a deficit and deferred depreciation carried from one simulated year to the next', () => {
  it('2025 deficit and ARD are used in 2026', () => {
    // 2025: 3 000 € of receipts (micro: 3 000 − 30 % = 2 100 €) − 4 900 € of charges = −1 900 €
    // deficit; the 4 500 € of depreciation all deferred. The réel wins: 0 € taxable vs 2 100 €.
    const y2025 = simulate({
      year: 2025,
      receipts: { meuble_tourisme_non_classe: euros(3_000) },
      charges,
      components,
    });
    expect(y2025.reel).toMatchObject({ bicResult: euros(-1_900), deficitOfYear: euros(1_900) });
    expect(y2025.outcomes.reel.carryOut).toEqual({
      deferredDepreciation: euros(4_500),
      deficits: [{ originYear: 2025, amount: euros(1_900) }],
    });
    expect(y2025.comparison.cheaper).toBe('reel');
    expect(plainAll(explain(y2025).reel)).toContain(
      'Déficit de l’année : 1 900 €, à déduire de vos revenus de location meublée des dix années suivantes (pas de vos autres revenus).',
    );

    // 2026 at the réel: 14 000 − 4 900 = 9 100; depreciation 4 500 + 4 500 carried = 9 000,
    // all deducted → 100 €; then the 2025 deficit: 100 used, 1 800 carried → 0 taxable.
    const y2026 = simulate({
      year: 2026,
      receipts: { meuble_tourisme_non_classe: euros(14_000) },
      charges,
      components,
      carriedIn: y2025.outcomes.reel.carryOut,
    });
    expect(y2026.reel.depreciation).toMatchObject({ deducted: euros(9_000), carriedOut: 0 });
    expect(y2026.reel.pastDeficits.used).toEqual([{ originYear: 2025, amount: euros(100) }]);
    expect(y2026.outcomes.reel.taxable).toBe(0);
    expect(y2026.outcomes.reel.carryOut.deficits).toEqual([
      { originYear: 2025, amount: euros(1_800) },
    ]);
    // At the micro-BIC the same deficit goes against 14 000 − 30 % = 9 800 € → 7 900 €.
    expect(y2026.outcomes.micro_bic.taxable).toBe(euros(7_900));
    expect(plainAll(explain(y2026).reel)).toContain(
      'Amortissements : 4 500 € de l’année et 4 500 € reportés des années précédentes, 9 000 € déduits.',
    );
  });
});

describe('the vehicle in the simulation', () => {
  it('its deduction is explained with the business share', () => {
    // 2 400 / 9 600 km = 25 %; 3 600 € of costs → 900 €.
    const result = simulate({
      year: 2025,
      receipts: { meuble_longue_duree: euros(10_000) },
      vehicle: {
        businessKm: 2_400,
        totalKm: 9_600,
        actualCosts: [
          { kind: 'carburant', amount: euros(2_400) },
          { kind: 'assurance', amount: euros(1_200) },
        ],
      },
    });
    expect(result.reel.vehicle).toBe(euros(900));
    expect(result.outcomes.reel.taxable).toBe(euros(9_100));
    expect(plainAll(explain(result).reel)).toContain(
      'Véhicule : 3 600 € de frais réels × 25 % de kilomètres professionnels (2 400 km sur 9 600 km) = 900 €.',
    );
  });
});

describe('edge cases of the comparison', () => {
  it('equal results: the micro-BIC is the simpler', () => {
    // 10 000 − 50 % = 5 000 at the micro; réel 10 000 − 5 000 of charges = 5 000.
    const result = simulate({
      year: 2025,
      receipts: { meuble_longue_duree: euros(10_000) },
      charges: [{ kind: 'autres', amount: euros(5_000) }],
    });
    expect(result.comparison.cheaper).toBe('equal');
    expect(plain(explain(result).conclusion)).toBe(
      'Les deux régimes donnent le même résultat en 2025 (5 000 € imposables) : le micro-BIC est le plus simple.',
    );
  });

  it('the 2023 tolerance is applied only when asked, and only to 2023', () => {
    const law = simulate({ year: 2023, receipts: { meuble_tourisme_non_classe: euros(20_000) } });
    expect(law.outcomes.micro_bic.available).toBe(false);
    const tolerance = simulate({
      year: 2023,
      receipts: { meuble_tourisme_non_classe: euros(20_000) },
      use2023Tolerance: true,
    });
    expect(tolerance.outcomes.micro_bic).toMatchObject({ available: true, taxable: euros(10_000) });
    expect(tolerance.rules.notices[0]).toContain('annulée');
  });

  it('an unknown year is refused, not guessed', () => {
    expect(() => simulate({ year: 2027, receipts: {} })).toThrow(/no tax rules for 2027/);
  });

  it('no receipts: nothing taxable, and the micro says so', () => {
    const result = simulate({ year: 2025, receipts: {} });
    expect(result.outcomes.micro_bic.taxable).toBe(0);
    expect(explain(result).micro).toEqual(['Aucune recette en 2025.']);
  });
});

describe('the micro-BIC explanation, line by line', () => {
  it('one line per legal category, the 305 € minimum named when it applies', () => {
    // 2025: 900 € non classé → 30 % = 270 € < 305 €: minimum 305 € → 595 €;
    // 20 000 € classé + 5 000 € longue durée (both 50 %) → 12 500 €. Total 13 095 €.
    const result = simulate({
      year: 2025,
      receipts: {
        meuble_tourisme_non_classe: euros(900),
        meuble_tourisme_classe: euros(20_000),
        meuble_longue_duree: euros(5_000),
      },
    });
    expect(plainAll(explain(result).micro)).toEqual([
      'Meublé de tourisme classé et location meublée longue durée : 25 000 € de recettes − abattement de 50 % (12 500 €) = 12 500 €.',
      'Meublé de tourisme non classé : 900 € de recettes − abattement minimum de 305 € (305 €) = 595 €.',
      'Revenu imposable au micro-BIC : 13 095 €.',
    ]);
  });

  it('past deficits are shown against the micro-BIC income', () => {
    const result = simulate({
      year: 2025,
      receipts: { meuble_longue_duree: euros(10_000) },
      carriedIn: {
        deferredDepreciation: 0,
        deficits: [{ originYear: 2022, amount: euros(1_000) }],
      },
    });
    expect(plainAll(explain(result).micro).at(-1)).toBe(
      'Revenu imposable au micro-BIC : 5 000 € − 1 000 € de déficits antérieurs = 4 000 €.',
    );
  });
});

describe('what the réel leaves for later years is said even when it does not win this year', () => {
  it('no receipts but charges and depreciation: equal this year, the réel leaves a deficit and ARD', () => {
    // 2025, 0 € of receipts: micro 0; réel −4 900 € deficit and 4 500 € deferred depreciation.
    const result = simulate({ year: 2025, receipts: {}, charges, components });
    expect(result.comparison.cheaper).toBe('equal');
    expect(plain(explain(result).conclusion)).toBe(
      'Les deux régimes donnent le même résultat en 2025 (0 € imposables) : le micro-BIC est le plus simple. Mais le régime réel laisserait en plus 4 900 € de déficit et 4 500 € d’amortissements à déduire les années suivantes.',
    );
  });
});
