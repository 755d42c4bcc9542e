import { describe, expect, it } from 'vitest';
import { type AssetComponent, depreciationForYear } from '@/features/fiscalite/depreciation';
import { euros } from '@/features/fiscalite/money';

const house: AssetComponent[] = [
  { label: 'Terrain', kind: 'terrain', cost: euros(30_000) },
  {
    label: 'Gros œuvre',
    kind: 'gros_oeuvre',
    cost: euros(100_000),
    inService: '2025-01-01',
    durationYears: 50,
  },
  {
    label: 'Mobilier',
    kind: 'mobilier',
    cost: euros(7_000),
    inService: '2025-07-01',
    durationYears: 7,
  },
];

describe('depreciation by component', () => {
  it('land is never depreciated', () => {
    const y = depreciationForYear(house, 2025);
    expect(y.lines[0]).toMatchObject({ kind: 'terrain', depreciable: false, annuity: 0 });
  });

  it('a full year: cost / duration (100,000 € over 50 years = 2,000 €)', () => {
    const y = depreciationForYear(house, 2026);
    expect(y.lines[1]?.annuity).toBe(euros(2_000));
  });

  it('the first year pro rata of the days in service', () => {
    // Furniture 7 000 € over 7 years = 1 000 €/year; in service 1 July 2025: 184 days of 365
    // → 1 000 × 184 / 365 = 504,11 €. The house: whole year → 2 000 €. Total 2 504,11 €.
    const y = depreciationForYear(house, 2025);
    expect(y.lines[2]?.annuity).toBe(504_11);
    expect(y.total).toBe(euros(2_000) + 504_11);
  });

  it('the annuities add up to the cost exactly; the last year gets the rest', () => {
    const furniture = house[2] as AssetComponent;
    const annuities = [2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033].map(
      (year) => depreciationForYear([furniture], year).total,
    );
    // 2025: 504,11; 2026–2031: 1 000 each; 2032: 1 000 − 504,11 = 495,89; 2033: 0.
    expect(annuities).toEqual([504_11, ...Array(6).fill(euros(1_000)), 495_89, 0]);
    expect(annuities.reduce((a, b) => a + b, 0)).toBe(euros(7_000));
    expect(depreciationForYear([furniture], 2033).lines[0]?.remaining).toBe(0);
  });

  it('nothing before the year of service', () => {
    expect(depreciationForYear(house, 2024).total).toBe(0);
  });

  it('rejects a duration below one year and an impossible date', () => {
    expect(() =>
      depreciationForYear(
        [{ label: 'x', kind: 'mobilier', cost: 100, inService: '2025-01-01', durationYears: 0 }],
        2025,
      ),
    ).toThrow(RangeError);
    expect(() =>
      depreciationForYear(
        [{ label: 'x', kind: 'mobilier', cost: 100, inService: '2025-02-30', durationYears: 5 }],
        2025,
      ),
    ).toThrow(RangeError);
  });
});
