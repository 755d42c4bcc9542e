import { describe, expect, it } from 'vitest';
import { fiscalSearch, parseFiscalParams } from '@/features/fiscalite/fiscal-params';

const KNOWN = [2023, 2024, 2025, 2026];

describe('the Fiscalité URL', () => {
  it('defaults to the last year ended, and keeps a known year', () => {
    expect(parseFiscalParams(new URLSearchParams(), '2026-04-10', KNOWN)).toEqual({
      year: 2025,
      tripsPage: 1,
    });
    expect(
      parseFiscalParams(new URLSearchParams('annee=2023&trajets=3'), '2026-04-10', KNOWN),
    ).toEqual({ year: 2023, tripsPage: 3 });
  });

  it('refuses a year without rules or not started, and a malformed page', () => {
    for (const annee of ['2019', '2027', '20x5']) {
      expect(
        parseFiscalParams(new URLSearchParams(`annee=${annee}&trajets=-1`), '2026-04-10', KNOWN),
      ).toEqual({ year: 2025, tripsPage: 1 });
    }
  });

  it('writes the page only when it is not the first', () => {
    expect(fiscalSearch({ year: 2025, tripsPage: 1 })).toBe('?annee=2025');
    expect(fiscalSearch({ year: 2025, tripsPage: 2 })).toBe('?annee=2025&trajets=2');
  });
});
