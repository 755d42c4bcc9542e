import { describe, expect, it } from 'vitest';
import { imputeDeficits, isDeficitUsableIn } from '@/features/fiscalite/carry-forward';
import { euros } from '@/features/fiscalite/money';

// CGI art. 156, I, 1° ter: LMNP deficits « s'imputent exclusivement sur les revenus provenant
// d'une telle activité au cours de celle-ci ou des dix années suivantes ».

describe('LMNP deficits carried forward for 10 years', () => {
  it('a 2025 deficit is usable from 2026 to 2035, not in 2025 nor 2036', () => {
    const d = { originYear: 2025, amount: euros(1_000) };
    expect([2025, 2026, 2035, 2036].map((y) => isDeficitUsableIn(d, y))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('uses the oldest first and carries the rest', () => {
    // Income 3 000; deficits 2022: 2 000, 2020: 2 000 → 2020 fully, 1 000 of 2022; 1 000 left.
    const r = imputeDeficits(
      euros(3_000),
      [
        { originYear: 2022, amount: euros(2_000) },
        { originYear: 2020, amount: euros(2_000) },
      ],
      2025,
    );
    expect(r.used).toEqual([
      { originYear: 2020, amount: euros(2_000) },
      { originYear: 2022, amount: euros(1_000) },
    ]);
    expect(r.remainingIncome).toBe(0);
    expect(r.carriedOut).toEqual([{ originYear: 2022, amount: euros(1_000) }]);
  });

  it('nothing is used against a nil income, and a deficit in its tenth year then expires', () => {
    const r = imputeDeficits(0, [{ originYear: 2015, amount: euros(500) }], 2025);
    expect(r.used).toEqual([]);
    expect(r.expired).toEqual([{ originYear: 2015, amount: euros(500) }]);
    expect(r.carriedOut).toEqual([]);
  });
});
