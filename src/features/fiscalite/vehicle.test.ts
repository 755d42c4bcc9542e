import { describe, expect, it } from 'vitest';
import { euros } from '@/features/fiscalite/money';
import { tripKilometres, vehicleDeduction } from '@/features/fiscalite/vehicle';

describe('vehicle at the régime réel (actual costs × business share, never the barème)', () => {
  it('business share = business km / total km', () => {
    // 4 500 km / 15 000 km = 30 %; 5 000 € of costs × 30 % = 1 500 €.
    const v = vehicleDeduction({
      businessKm: 4_500,
      totalKm: 15_000,
      actualCosts: [
        { kind: 'carburant', amount: euros(3_000) },
        { kind: 'assurance', amount: euros(2_000) },
      ],
    });
    expect(v.businessShare).toBe(3000);
    expect(v.actualCosts).toBe(euros(5_000));
    expect(v.deductible).toBe(euros(1_500));
  });

  it('works in tenths of km and rounds to the cent', () => {
    // 1 234,5 / 9 876,5 km of 2 345,67 € = 293,19 € (2 345,67 × 12 345 / 98 765 = 293,194…).
    const v = vehicleDeduction({
      businessKm: 1_234.5,
      totalKm: 9_876.5,
      actualCosts: [{ kind: 'carburant', amount: 234_567 }],
    });
    expect(v.deductible).toBe(293_19);
  });

  it('no business km → nothing deductible; all km business → all the costs', () => {
    const costs = [{ kind: 'assurance' as const, amount: euros(900) }];
    expect(vehicleDeduction({ businessKm: 0, totalKm: 100, actualCosts: costs }).deductible).toBe(
      0,
    );
    expect(vehicleDeduction({ businessKm: 100, totalKm: 100, actualCosts: costs }).deductible).toBe(
      euros(900),
    );
  });

  it('refuses more business km than total km, or no km at all', () => {
    expect(() => vehicleDeduction({ businessKm: 200, totalKm: 100, actualCosts: [] })).toThrow(
      RangeError,
    );
    expect(() => vehicleDeduction({ businessKm: 0, totalKm: 0, actualCosts: [] })).toThrow(
      RangeError,
    );
  });

  it('a round trip counts twice', () => {
    expect(tripKilometres({ distance_km: 42.5, aller_retour: true })).toBe(85);
    expect(tripKilometres({ distance_km: 42.5, aller_retour: false })).toBe(42.5);
  });
});
