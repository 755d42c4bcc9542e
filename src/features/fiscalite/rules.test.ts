import { describe, expect, it } from 'vitest';
import { euros } from '@/features/fiscalite/money';
import { GITE_CATEGORIES, RULES, TAX_YEARS } from '@/features/fiscalite/rules';

// The figures as the sources state them (see rules.ts for each citation).
describe('the rules table', () => {
  it('every category of every year falls in a legal category that has a ceiling', () => {
    for (const year of TAX_YEARS) {
      for (const category of GITE_CATEGORIES) {
        expect(
          RULES[year].tiers[RULES[year].tierOf[category]],
          `${year} ${category}`,
        ).toBeDefined();
      }
    }
  });

  it('states the ceilings and abatements of each year', () => {
    const table = TAX_YEARS.map((year) => {
      const r = RULES[year];
      const of = (c: (typeof GITE_CATEGORIES)[number]) => {
        const t = r.tiers[r.tierOf[c]];
        return `${(t?.abatement ?? 0) / 100}%/${(t?.ceiling ?? 0) / 100}`;
      };
      return [
        year,
        of('meuble_tourisme_classe'),
        of('meuble_tourisme_non_classe'),
        of('chambre_hotes'),
        of('meuble_longue_duree'),
      ];
    });
    expect(table).toEqual([
      // LF 2024 art. 45
      [2023, '71%/188700', '30%/15000', '71%/188700', '50%/77700'],
      // loi Le Meur art. 7: rules before LF 2024 for 2024 income
      [2024, '71%/188700', '50%/77700', '71%/188700', '50%/77700'],
      // loi Le Meur art. 7; chambres d'hôtes: CE 16/09/2025 n° 505228
      [2025, '50%/77700', '30%/15000', '50%/77700', '50%/77700'],
      // triennial update 2026–2028 (À CONFIRMER), 15 000 € kept
      [2026, '50%/83600', '30%/15000', '50%/83600', '50%/83600'],
    ]);
  });

  it('prélèvements sociaux: 17.2 % up to 2024 income, 18.6 % from 2025 (LFSS 2026 art. 12)', () => {
    expect(TAX_YEARS.map((y) => RULES[y].prelevementsSociaux)).toEqual([1720, 1720, 1860, 1860]);
  });

  it('the 305 € minimum, the 23,000 € URSSAF threshold and the 80 % warning every year', () => {
    for (const year of TAX_YEARS) {
      expect(RULES[year].minimumAbatement).toBe(euros(305));
      expect(RULES[year].urssafTourismReceipts).toBe(euros(23_000));
      expect(RULES[year].ceilingWarningShare).toBe(8000);
    }
  });

  it('13 % of the PASS for chambres d’hôtes (PASS 43,992 / 46,368 / 47,100 / 48,060 €)', () => {
    expect(TAX_YEARS.map((y) => RULES[y].chambresHotesAffiliationIncome)).toEqual([
      euros(5_719),
      euros(6_028),
      euros(6_123),
      euros(6_248),
    ]);
  });
});
