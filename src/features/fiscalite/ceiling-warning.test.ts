import { describe, expect, it } from 'vitest';
import { ceilingWarnings } from '@/features/fiscalite/ceiling-warning';
import { euros } from '@/features/fiscalite/money';
import { RULES } from '@/features/fiscalite/rules';

/** Intl puts narrow no-break spaces in French numbers: compare with plain spaces. */
const plain = (s: string | undefined) => s?.replace(/[\u202f\u00a0]/g, ' ');

describe('micro-BIC ceiling warning (from 80 % of a ceiling)', () => {
  it('nothing under 80 %: 11,999 € of 15,000 € is 79.99 %', () => {
    expect(ceilingWarnings(RULES[2025], { meuble_tourisme_non_classe: euros(11_999) })).toEqual([]);
  });

  it('approaching at exactly 80 %: 12,000 € of 15,000 €', () => {
    const [w] = ceilingWarnings(RULES[2025], { meuble_tourisme_non_classe: euros(12_000) });
    expect(w?.level).toBe('approaching');
    expect(plain(w?.message)).toBe(
      'Vos recettes 2025 (meublé de tourisme non classé) : 12 000 €, soit 80 % du plafond du micro-BIC (15 000 €).',
    );
  });

  it('still approaching (not exceeded) exactly at the ceiling', () => {
    const [w] = ceilingWarnings(RULES[2025], { meuble_tourisme_classe: euros(77_700) });
    expect(w?.level).toBe('approaching');
    expect(plain(w?.message)).toContain('soit 100 % du plafond du micro-BIC (77 700 €)');
  });

  it('exceeded above it, with what follows if it lasts two years', () => {
    const [w] = ceilingWarnings(RULES[2025], { meuble_tourisme_classe: euros(80_000) });
    expect(w?.level).toBe('exceeded');
    expect(plain(w?.message)).toBe(
      'Vos recettes 2025 (meublé de tourisme classé) : 80 000 €, au-dessus du plafond du micro-BIC (77 700 €). Si le plafond est encore dépassé en 2026, le micro-BIC ne s’appliquera plus à partir de 2027.',
    );
  });

  it('mixed categories: warns on the ceiling they share', () => {
    // 5 000 non classé (33 % of 15 000: no warning) + 60 000 classé: 65 000 / 77 700 = 83 %.
    const warnings = ceilingWarnings(RULES[2025], {
      meuble_tourisme_non_classe: euros(5_000),
      meuble_tourisme_classe: euros(60_000),
    });
    expect(warnings).toHaveLength(1);
    expect(plain(warnings[0]?.message)).toBe(
      'Vos recettes 2025 (meublé de tourisme classé et meublé de tourisme non classé) : 65 000 €, soit 83 % du plafond du micro-BIC (77 700 €).',
    );
  });

  it('uses the year’s ceilings: 70,000 € classé is 90 % in 2025 but only 37 % in 2024', () => {
    expect(ceilingWarnings(RULES[2025], { meuble_tourisme_classe: euros(70_000) })).toHaveLength(1);
    expect(ceilingWarnings(RULES[2024], { meuble_tourisme_classe: euros(70_000) })).toEqual([]);
  });
});
