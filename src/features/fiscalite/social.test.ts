import { describe, expect, it } from 'vitest';
import { euros } from '@/features/fiscalite/money';
import { RULES } from '@/features/fiscalite/rules';
import {
  incomeTaxAtMarginalRate,
  renterStatus,
  socialContributions,
} from '@/features/fiscalite/social';

// Rates: CSS L136-8 (17.2 %); LFSS 2026 (loi n° 2025-1403) art. 12: 18.6 % on LMNP income from
// 2025 income. Affiliation: CSS L613-1 6° (23 000 €) and 7° (13 % of the PASS).

describe('prélèvements sociaux by year', () => {
  it('2024 income: 17.2 % of 8,400 € = 1,444.80 → 1,445 €', () => {
    const s = socialContributions(
      RULES[2024],
      { meuble_tourisme_non_classe: euros(12_000) },
      euros(8_400),
    );
    expect(s).toMatchObject({ scheme: 'prelevements_sociaux', rate: 1720, amount: euros(1_445) });
  });

  it('2025 income: 18.6 % of 8,400 € = 1,562.40 → 1,562 €', () => {
    const s = socialContributions(
      RULES[2025],
      { meuble_tourisme_non_classe: euros(12_000) },
      euros(8_400),
    );
    expect(s).toMatchObject({ rate: 1860, amount: euros(1_562) });
  });

  it('nothing on a nil taxable income', () => {
    expect(
      socialContributions(RULES[2025], { meuble_tourisme_classe: euros(5_000) }, 0).amount,
    ).toBe(0);
  });
});

describe('URSSAF affiliation', () => {
  it('meublé de tourisme receipts above 23,000 €: cotisations instead, not estimated', () => {
    const s = socialContributions(
      RULES[2025],
      { meuble_tourisme_classe: euros(23_001) },
      euros(11_501),
    );
    expect(s).toMatchObject({
      scheme: 'cotisations_urssaf',
      reason: 'tourism_receipts',
      amount: null,
    });
  });

  it('exactly 23,000 € is not above the threshold', () => {
    const s = socialContributions(
      RULES[2025],
      { meuble_tourisme_classe: euros(23_000) },
      euros(11_500),
    );
    expect(s.scheme).toBe('prelevements_sociaux');
  });

  it('a long-term furnished rental above 23,000 € alone stays under the prélèvements sociaux', () => {
    const s = socialContributions(
      RULES[2025],
      { meuble_longue_duree: euros(30_000) },
      euros(15_000),
    );
    expect(s.scheme).toBe('prelevements_sociaux');
  });

  it('chambres d’hôtes: taxable income above 13 % of the PASS (2025: 6,123 €)', () => {
    // 13 % × 47 100 = 6 123 €. 12 000 € of receipts − 50 % = 6 000 €: under; 12 300 → 6 150: over.
    expect(RULES[2025].chambresHotesAffiliationIncome).toBe(euros(6_123));
    expect(
      socialContributions(RULES[2025], { chambre_hotes: euros(12_000) }, euros(6_000)).scheme,
    ).toBe('prelevements_sociaux');
    expect(
      socialContributions(RULES[2025], { chambre_hotes: euros(12_300) }, euros(6_150)),
    ).toMatchObject({
      scheme: 'cotisations_urssaf',
      reason: 'chambres_hotes_income',
    });
  });
});

describe('LMP status (CGI art. 155, IV) and the income-tax estimate', () => {
  it('LMNP up to 23,000 € of receipts; above, it depends on the other professional income', () => {
    expect(renterStatus({ meuble_tourisme_classe: euros(23_000) })).toBe('lmnp');
    expect(renterStatus({ meuble_tourisme_classe: euros(30_000) })).toBe('unknown');
    expect(renterStatus({ meuble_tourisme_classe: euros(30_000) }, euros(40_000))).toBe('lmnp');
    expect(renterStatus({ meuble_tourisme_classe: euros(30_000) }, euros(20_000))).toBe('lmp');
  });

  it('income tax at the marginal rate: 8,400 € × 30 % = 2,520 €; rates outside the barème refused', () => {
    expect(incomeTaxAtMarginalRate(euros(8_400), 3000)).toBe(euros(2_520));
    expect(() => incomeTaxAtMarginalRate(euros(8_400), 2500)).toThrow(RangeError);
  });
});
