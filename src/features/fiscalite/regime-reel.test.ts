import { describe, expect, it } from 'vitest';
import { euros } from '@/features/fiscalite/money';
import { computeRealRegime } from '@/features/fiscalite/regime-reel';
import { type VehicleDeduction, vehicleDeduction } from '@/features/fiscalite/vehicle';

// Rules: CGI art. 39 C, II (depreciation capped by rent − other charges, excess deferred
// without limit); CGI art. 156, I, 1° ter (LMNP deficits only against LMNP income, 10 years).

describe('régime réel: charges and depreciation', () => {
  it('receipts − charges − depreciation when the result stays positive', () => {
    // 30 000 − (4 000 interest + 1 200 taxe foncière + 3 000 platforms) = 21 800;
    // depreciation 9 000 ≤ 21 800, all deducted → 12 800 € taxable.
    const r = computeRealRegime({
      year: 2025,
      receipts: euros(30_000),
      charges: [
        { kind: 'interets_emprunt', amount: euros(4_000) },
        { kind: 'taxe_fonciere', amount: euros(1_200) },
        { kind: 'commissions_plateformes', amount: euros(3_000) },
      ],
      depreciationOfYear: euros(9_000),
    });
    expect(r.charges).toBe(euros(8_200));
    expect(r.resultBeforeDepreciation).toBe(euros(21_800));
    expect(r.depreciation).toMatchObject({ deducted: euros(9_000), carriedOut: 0 });
    expect(r.taxable).toBe(euros(12_800));
    expect(r.carryOut).toEqual({ deferredDepreciation: 0, deficits: [] });
  });

  it('depreciation capped by the result: never a deficit, the excess is deferred (ARD)', () => {
    // 12 000 − 5 000 charges = 7 000; depreciation 10 000 → only 7 000 deducted, 3 000 ARD,
    // taxable 0 and NO deficit.
    const r = computeRealRegime({
      year: 2025,
      receipts: euros(12_000),
      charges: [{ kind: 'interets_emprunt', amount: euros(5_000) }],
      depreciationOfYear: euros(10_000),
    });
    expect(r.depreciation).toMatchObject({
      cap: euros(7_000),
      deducted: euros(7_000),
      carriedOut: euros(3_000),
    });
    expect(r.bicResult).toBe(0);
    expect(r.deficitOfYear).toBe(0);
    expect(r.taxable).toBe(0);
    expect(r.carryOut.deferredDepreciation).toBe(euros(3_000));
  });

  it('the deferred depreciation is used the next year, under the same cap', () => {
    // 2026: 15 000 − 5 000 = 10 000; available 10 000 of the year + 3 000 carried = 13 000;
    // 10 000 deducted, 3 000 still deferred, taxable 0.
    const next = computeRealRegime({
      year: 2026,
      receipts: euros(15_000),
      charges: [{ kind: 'interets_emprunt', amount: euros(5_000) }],
      depreciationOfYear: euros(10_000),
      carriedIn: { deferredDepreciation: euros(3_000), deficits: [] },
    });
    expect(next.depreciation).toMatchObject({ deducted: euros(10_000), carriedOut: euros(3_000) });
    expect(next.taxable).toBe(0);
    // 2027: 25 000 − 5 000 = 20 000; 10 000 + 3 000 all deducted → 7 000 € taxable.
    const after = computeRealRegime({
      year: 2027,
      receipts: euros(25_000),
      charges: [{ kind: 'interets_emprunt', amount: euros(5_000) }],
      depreciationOfYear: euros(10_000),
      carriedIn: next.carryOut,
    });
    expect(after.depreciation).toMatchObject({ deducted: euros(13_000), carriedOut: 0 });
    expect(after.taxable).toBe(euros(7_000));
  });

  it('charges above receipts make a deficit; all the depreciation is deferred', () => {
    // 8 000 − 10 000 charges = −2 000: deficit 2 000 carried (10 years), depreciation 4 000
    // all deferred (it cannot increase the deficit).
    const r = computeRealRegime({
      year: 2025,
      receipts: euros(8_000),
      charges: [{ kind: 'entretien_reparations', amount: euros(10_000) }],
      depreciationOfYear: euros(4_000),
    });
    expect(r.bicResult).toBe(euros(-2_000));
    expect(r.deficitOfYear).toBe(euros(2_000));
    expect(r.taxable).toBe(0);
    expect(r.carryOut).toEqual({
      deferredDepreciation: euros(4_000),
      deficits: [{ originYear: 2025, amount: euros(2_000) }],
    });
  });

  it('past deficits go against a positive result after depreciation, oldest first', () => {
    // 20 000 − 6 000 = 14 000; depreciation 8 000 → 6 000; deficits 2016: 1 000 (last usable
    // year 2026), 2020: 7 000 → 1 000 + 5 000 used, 2 000 of 2020 carried; taxable 0.
    const r = computeRealRegime({
      year: 2026,
      receipts: euros(20_000),
      charges: [{ kind: 'gestion_conciergerie', amount: euros(6_000) }],
      depreciationOfYear: euros(8_000),
      carriedIn: {
        deferredDepreciation: 0,
        deficits: [
          { originYear: 2020, amount: euros(7_000) },
          { originYear: 2016, amount: euros(1_000) },
        ],
      },
    });
    expect(r.bicResult).toBe(euros(6_000));
    expect(r.pastDeficits.used).toEqual([
      { originYear: 2016, amount: euros(1_000) },
      { originYear: 2020, amount: euros(5_000) },
    ]);
    expect(r.taxable).toBe(0);
    expect(r.carryOut.deficits).toEqual([{ originYear: 2020, amount: euros(2_000) }]);
  });

  it('a deficit more than 10 years old is lost; one in its tenth year expires if unused', () => {
    const r = computeRealRegime({
      year: 2026,
      receipts: euros(5_000),
      charges: [{ kind: 'autres', amount: euros(4_500) }],
      depreciationOfYear: 0,
      carriedIn: {
        deferredDepreciation: 0,
        deficits: [
          { originYear: 2015, amount: euros(900) }, // usable until 2025: already lost
          { originYear: 2016, amount: euros(800) }, // usable until 2026: 500 used, 300 lost
        ],
      },
    });
    expect(r.pastDeficits.used).toEqual([{ originYear: 2016, amount: euros(500) }]);
    expect(r.pastDeficits.expired).toEqual([
      { originYear: 2015, amount: euros(900) },
      { originYear: 2016, amount: euros(300) },
    ]);
    expect(r.carryOut.deficits).toEqual([]);
    expect(r.taxable).toBe(0);
  });

  it('adds charges of the same kind for the explanation', () => {
    const r = computeRealRegime({
      year: 2025,
      receipts: euros(10_000),
      charges: [
        { kind: 'energie_eau', amount: euros(600), label: 'EDF' },
        { kind: 'energie_eau', amount: euros(250), label: 'Eau' },
      ],
      depreciationOfYear: 0,
    });
    expect(r.chargesByKind).toEqual({ energie_eau: euros(850) });
    expect(r.taxable).toBe(euros(9_150));
  });

  it('rounds the result once to the euro (CGI art. 1657)', () => {
    // 10 000,00 − 1 234,56 = 8 765,44 → 8 765 €.
    const r = computeRealRegime({
      year: 2025,
      receipts: euros(10_000),
      charges: [{ kind: 'autres', amount: 123_456 }],
      depreciationOfYear: 0,
    });
    expect(r.taxable).toBe(euros(8_765));
  });
});

describe('régime réel: the vehicle', () => {
  it('deducts actual costs × business share', () => {
    // 3 000 business km / 12 000 km = 25 %; 4 000 € costs × 25 % = 1 000 €;
    // 10 000 − 1 000 = 9 000 € taxable.
    const vehicle = vehicleDeduction({
      businessKm: 3_000,
      totalKm: 12_000,
      actualCosts: [
        { kind: 'carburant', amount: euros(2_000) },
        { kind: 'assurance', amount: euros(1_200) },
        { kind: 'entretien_reparations', amount: euros(800) },
      ],
    });
    const r = computeRealRegime({
      year: 2025,
      receipts: euros(10_000),
      charges: [],
      vehicle,
      depreciationOfYear: 0,
    });
    expect(r.vehicle).toBe(euros(1_000));
    expect(r.taxable).toBe(euros(9_000));
  });

  it('refuses a vehicle amount that vehicleDeduction() did not compute (e.g. from the barème)', () => {
    const forged = {
      businessKm: 3_000,
      totalKm: 12_000,
      businessShare: 2500,
      actualCosts: 0,
      deductible: euros(1_809), // 3 000 km at a barème rate: must not pass
    } as unknown as VehicleDeduction;
    expect(() =>
      computeRealRegime({
        year: 2025,
        receipts: euros(10_000),
        charges: [],
        vehicle: forged,
        depreciationOfYear: 0,
      }),
    ).toThrow(/vehicleDeduction\(\)/);
  });
});

describe('régime réel: input checks', () => {
  it('rejects negative or fractional cents', () => {
    const base = { year: 2025, receipts: euros(1_000), charges: [], depreciationOfYear: 0 };
    expect(() => computeRealRegime({ ...base, receipts: -1 })).toThrow(RangeError);
    expect(() =>
      computeRealRegime({ ...base, charges: [{ kind: 'autres', amount: 10.5 }] }),
    ).toThrow(RangeError);
  });

  it('rejects a carried deficit from the simulated year or later', () => {
    expect(() =>
      computeRealRegime({
        year: 2025,
        receipts: euros(1_000),
        charges: [],
        depreciationOfYear: 0,
        carriedIn: { deferredDepreciation: 0, deficits: [{ originYear: 2025, amount: 1 }] },
      }),
    ).toThrow(RangeError);
  });
});
