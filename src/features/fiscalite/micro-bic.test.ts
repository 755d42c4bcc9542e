import { describe, expect, it } from 'vitest';
import { ceilingChecks, computeMicroBic, microEligibility } from '@/features/fiscalite/micro-bic';
import { euros } from '@/features/fiscalite/money';
import { RULES, RULES_2023_TOLERANCE, rulesFor } from '@/features/fiscalite/rules';

// Sources of the figures: rules.ts (CGI art. 50-0; loi Le Meur n° 2024-1039 art. 7; LF 2024
// art. 45; CE 8 juillet 2024 n° 492382; CE 16 septembre 2025 n° 505228 for chambres d'hôtes).

describe('micro-BIC, 2025 income (loi Le Meur)', () => {
  it('non-classified meublé: 12,000 € − 30 % = 8,400 € taxable', () => {
    // 12 000 × 30 % = 3 600 € abatement; 12 000 − 3 600 = 8 400 €.
    const r = computeMicroBic(RULES[2025], { meuble_tourisme_non_classe: euros(12_000) });
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatchObject({
      rate: 3000,
      abatement: euros(3_600),
      minimumApplied: false,
    });
    expect(r.net).toBe(euros(8_400));
    expect(r.eligibility.available).toBe(true);
  });

  it('classified meublé: 30,000 € − 50 % = 15,000 €', () => {
    const r = computeMicroBic(RULES[2025], { meuble_tourisme_classe: euros(30_000) });
    expect(r.net).toBe(euros(15_000));
  });

  it('chambre d’hôtes in 2025 is at 50 % (not 71 %): 20,000 € → 10,000 €', () => {
    // RM Weber 01/09/2025; CE 16/09/2025 n° 505228: category 2° of art. 50-0.
    const r = computeMicroBic(RULES[2025], { chambre_hotes: euros(20_000) });
    expect(r.net).toBe(euros(10_000));
  });

  it('classified meublé with 80,000 € three years running: over 77,700 € → micro not available', () => {
    const r = computeMicroBic(
      RULES[2025],
      { meuble_tourisme_classe: euros(80_000) },
      {
        2024: { meuble_tourisme_classe: euros(80_000) },
        2023: { meuble_tourisme_classe: euros(80_000) },
      },
    );
    expect(r.eligibility.available).toBe(false);
    expect(r.eligibility.basis.map((y) => y.withinCeilings)).toEqual([false, false]);
    expect(r.eligibility.basis[0].checks[0]).toMatchObject({
      ceiling: euros(77_700),
      receipts: euros(80_000),
      exceeded: true,
    });
  });

  it('80,000 € with no history: the year stands in for N-1 and N-2, micro not available, and says so', () => {
    const r = computeMicroBic(RULES[2025], { meuble_tourisme_classe: euros(80_000) });
    expect(r.eligibility.available).toBe(false);
    expect(r.eligibility.basis.every((y) => y.assumed)).toBe(true);
  });

  it('80,000 € in 2025 after 60,000 € in 2024: still micro for 2025 (N-1 within the ceiling)', () => {
    // Art. 50-0 1 tests « l'année civile précédente ou la pénultième année »: one year under
    // the ceiling is enough; 80 000 − 50 % = 40 000 € taxable.
    const r = computeMicroBic(
      RULES[2025],
      { meuble_tourisme_classe: euros(80_000) },
      {
        2024: { meuble_tourisme_classe: euros(60_000) },
        2023: { meuble_tourisme_classe: euros(90_000) },
      },
    );
    expect(r.eligibility.available).toBe(true);
    expect(r.net).toBe(euros(40_000));
  });

  it('exactly at the ceiling is within it (« n’excède pas »); one euro more is not', () => {
    const at = ceilingChecks({ meuble_tourisme_non_classe: euros(15_000) }, RULES[2025]);
    expect(at[0]).toMatchObject({ exceeded: false, share: 10_000 });
    const over = ceilingChecks({ meuble_tourisme_non_classe: euros(15_001) }, RULES[2025]);
    expect(over[0]?.exceeded).toBe(true);
  });

  it('mixed categories: non-classé ≤ 15,000 € AND all together ≤ 77,700 €', () => {
    // 14 000 non classé + 70 000 classé = 84 000 > 77 700: the global ceiling is broken even
    // though each category alone is under its own ceiling.
    const checks = ceilingChecks(
      { meuble_tourisme_non_classe: euros(14_000), meuble_tourisme_classe: euros(70_000) },
      RULES[2025],
    );
    expect(checks.map((c) => [c.ceiling, c.receipts, c.exceeded])).toEqual([
      [euros(15_000), euros(14_000), false],
      [euros(77_700), euros(84_000), true],
    ]);
    expect(
      microEligibility(RULES[2025], {
        meuble_tourisme_non_classe: euros(14_000),
        meuble_tourisme_classe: euros(70_000),
      }).available,
    ).toBe(false);
  });

  it('mixed categories within the ceilings: one abatement per legal category', () => {
    // 10 000 non classé × 30 % → 7 000; 20 000 classé + 5 000 longue durée (same category 2°)
    // = 25 000 × 50 % → 12 500. Taxable 19 500 €.
    const r = computeMicroBic(RULES[2025], {
      meuble_tourisme_non_classe: euros(10_000),
      meuble_tourisme_classe: euros(20_000),
      meuble_longue_duree: euros(5_000),
    });
    expect(r.lines.map((l) => [l.tier, l.receipts, l.abatement])).toEqual([
      ['services', euros(25_000), euros(12_500)],
      ['unclassified', euros(10_000), euros(3_000)],
    ]);
    expect(r.net).toBe(euros(19_500));
    expect(r.eligibility.available).toBe(true);
  });
});

describe('micro-BIC, 2024 income (rules before LF 2024, restored by loi Le Meur)', () => {
  it('classified meublé: 100,000 € − 71 % = 29,000 € (ceiling 188,700 €)', () => {
    const r = computeMicroBic(RULES[2024], { meuble_tourisme_classe: euros(100_000) });
    expect(r.net).toBe(euros(29_000));
    expect(r.eligibility.available).toBe(true);
  });

  it('non-classified meublé: 40,000 € − 50 % = 20,000 € (ceiling 77,700 €, not 15,000 €)', () => {
    const r = computeMicroBic(RULES[2024], { meuble_tourisme_non_classe: euros(40_000) });
    expect(r.net).toBe(euros(20_000));
    expect(r.eligibility.available).toBe(true);
  });

  it('mixed: classé 120,000 € + non classé 70,000 € = 190,000 € > 188,700 € → not available', () => {
    const e = microEligibility(RULES[2024], {
      meuble_tourisme_classe: euros(120_000),
      meuble_tourisme_non_classe: euros(70_000),
    });
    expect(e.available).toBe(false);
    expect(e.basis[0].checks.find((c) => c.exceeded)?.ceiling).toBe(euros(188_700));
  });
});

describe('micro-BIC, 2023 income (LF 2024 art. 45) and the annulled tolerance', () => {
  it('non-classified 20,000 €: over the 15,000 € ceiling under the law', () => {
    expect(
      microEligibility(RULES[2023], { meuble_tourisme_non_classe: euros(20_000) }).available,
    ).toBe(false);
  });

  it('the same under the BOFiP tolerance of 14/02/2024: 50 % → 10,000 €', () => {
    const r = computeMicroBic(RULES_2023_TOLERANCE, { meuble_tourisme_non_classe: euros(20_000) });
    expect(r.eligibility.available).toBe(true);
    expect(r.net).toBe(euros(10_000));
  });
});

describe('micro-BIC, 2026 income', () => {
  it('classified meublé: 80,000 € is under the updated 83,600 € ceiling', () => {
    const r = computeMicroBic(RULES[2026], { meuble_tourisme_classe: euros(80_000) });
    expect(r.eligibility.available).toBe(true);
    expect(r.net).toBe(euros(40_000));
  });
});

describe('the 305 € minimum abatement', () => {
  it('900 € non classé in 2025: 30 % would be 270 €, the minimum 305 € applies → 595 €', () => {
    const r = computeMicroBic(RULES[2025], { meuble_tourisme_non_classe: euros(900) });
    expect(r.lines[0]).toMatchObject({ abatement: euros(305), minimumApplied: true });
    expect(r.net).toBe(euros(595));
  });

  it('never more than the receipts: 200 € → 0 € taxable', () => {
    const r = computeMicroBic(RULES[2025], { meuble_tourisme_classe: euros(200) });
    expect(r.lines[0]?.abatement).toBe(euros(200));
    expect(r.net).toBe(0);
  });

  it('at 1,017 € the 30 % (305.10 €) is above the minimum', () => {
    const r = computeMicroBic(RULES[2025], { meuble_tourisme_non_classe: euros(1_017) });
    expect(r.lines[0]).toMatchObject({ abatement: 305_10, minimumApplied: false });
    // 1 017 − 305,10 = 711,90 → 712 € (rounded to the euro, CGI art. 1657).
    expect(r.net).toBe(euros(712));
  });
});

describe('rounding as the tax form', () => {
  it('receipts are declared in whole euros, the result is rounded once', () => {
    // 12 345,50 € declared 12 346 €; 30 % = 3 703,80; net 8 642,20 → 8 642 €.
    const r = computeMicroBic(RULES[2025], { meuble_tourisme_non_classe: 1_234_550 });
    expect(r.receipts).toBe(euros(12_346));
    expect(r.abatement).toBe(370_380);
    expect(r.net).toBe(euros(8_642));
  });
});

describe('the rules table', () => {
  it('knows 2023 to 2026 and refuses to guess another year', () => {
    expect(rulesFor(2025).prelevementsSociaux).toBe(1860);
    expect(() => rulesFor(2022)).toThrow(/no tax rules for 2022/);
    expect(() => rulesFor(2027)).toThrow(/no tax rules for 2027/);
  });

  it('rejects receipts that are not integer cents', () => {
    expect(() => computeMicroBic(RULES[2025], { chambre_hotes: 12.5 })).toThrow(RangeError);
  });
});
