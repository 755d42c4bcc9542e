import { describe, expect, it } from 'vitest';
import { ceilingWarnings } from '@/features/fiscalite/ceiling-warning';
import { euros } from '@/features/fiscalite/money';

/** Intl puts narrow no-break spaces in French numbers: compare with plain spaces. */
const plain = (s: string | undefined) => s?.replace(/[\u202f\u00a0]/g, ' ');

describe('micro-BIC ceiling warning (from 80 % of the ceiling the year’s receipts are tested against)', () => {
  it('nothing under 80 %: 11,999 € of 15,000 € is 79.99 %', () => {
    expect(ceilingWarnings(2025, { meuble_tourisme_non_classe: euros(11_999) })).toEqual([]);
  });

  it('approaching at exactly 80 %: 12,000 € of 2026’s 15,000 €', () => {
    const [w] = ceilingWarnings(2025, { meuble_tourisme_non_classe: euros(12_000) });
    expect(w?.level).toBe('approaching');
    expect(plain(w?.message)).toBe(
      'Vos recettes 2025 (meublé de tourisme non classé) : 12 000 €, soit 80 % du plafond du micro-BIC de 2026 (15 000 €).',
    );
  });

  it('still approaching (not exceeded) exactly at the ceiling', () => {
    const [w] = ceilingWarnings(2025, { meuble_tourisme_classe: euros(83_600) });
    expect(w?.level).toBe('approaching');
    expect(plain(w?.message)).toContain('soit 100 % du plafond du micro-BIC de 2026 (83 600 €)');
  });

  it('measures 2025 receipts against 2026’s ceiling: 80,000 € classé is within 83,600 €', () => {
    const [w] = ceilingWarnings(2025, { meuble_tourisme_classe: euros(80_000) });
    expect(w?.level).toBe('approaching');
    expect(plain(w?.message)).toBe(
      'Vos recettes 2025 (meublé de tourisme classé) : 80 000 €, soit 95 % du plafond du micro-BIC de 2026 (83 600 €).',
    );
  });

  it('exceeded above it, with what follows if it lasts two years', () => {
    const [w] = ceilingWarnings(2025, { meuble_tourisme_classe: euros(90_000) });
    expect(w?.level).toBe('exceeded');
    expect(plain(w?.message)).toBe(
      'Vos recettes 2025 (meublé de tourisme classé) : 90 000 €, au-dessus du plafond du micro-BIC de 2026 (83 600 €). Si le plafond est encore dépassé en 2026, le micro-BIC ne s’appliquera plus à partir de 2027.',
    );
  });

  it('2024 receipts count for 2025 and 2026: 40,000 € non classé is above 2025’s 15,000 €', () => {
    const [w] = ceilingWarnings(2024, { meuble_tourisme_non_classe: euros(40_000) });
    expect(w?.level).toBe('exceeded');
    expect(plain(w?.message)).toContain('au-dessus du plafond du micro-BIC de 2025 (15 000 €)');
  });

  it('two years in a row above: the micro-BIC ends the next year', () => {
    const [w] = ceilingWarnings(
      2025,
      { meuble_tourisme_non_classe: euros(20_000) },
      { meuble_tourisme_non_classe: euros(18_000) },
    );
    expect(plain(w?.message)).toBe(
      'Vos recettes 2025 (meublé de tourisme non classé) : 20 000 €, au-dessus du plafond du micro-BIC de 2026 (15 000 €), comme vos recettes 2024 : le micro-BIC ne s’applique plus à partir de 2026.',
    );
    // The year before within the ceiling: the usual two-year warning.
    const [single] = ceilingWarnings(
      2025,
      { meuble_tourisme_non_classe: euros(20_000) },
      { meuble_tourisme_non_classe: euros(9_000) },
    );
    expect(plain(single?.message)).toContain('ne s’appliquera plus à partir de 2027');
  });

  it('mixed categories: warns on the ceiling they share', () => {
    // 5 000 non classé (33 % of 15 000: no warning) + 65 000 classé: 70 000 / 83 600 = 83 %.
    const warnings = ceilingWarnings(2025, {
      meuble_tourisme_non_classe: euros(5_000),
      meuble_tourisme_classe: euros(65_000),
    });
    expect(warnings).toHaveLength(1);
    expect(plain(warnings[0]?.message)).toBe(
      'Vos recettes 2025 (meublé de tourisme classé et meublé de tourisme non classé) : 70 000 €, soit 83 % du plafond du micro-BIC de 2026 (83 600 €).',
    );
  });

  it('the last year of the table is measured against its own ceilings (the next are not known)', () => {
    const [w] = ceilingWarnings(2026, { meuble_tourisme_classe: euros(70_000) });
    expect(plain(w?.message)).toContain('du plafond du micro-BIC de 2026 (83 600 €)');
    // 2023 receipts against 2024's 188,700 €: 70,000 € is 37 %, no warning.
    expect(ceilingWarnings(2023, { meuble_tourisme_classe: euros(70_000) })).toEqual([]);
  });
});
