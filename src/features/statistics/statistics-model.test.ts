import { describe, expect, it } from 'vitest';
import {
  figuresOf,
  monthlyTable,
  nightsInService,
  type StatisticsRow,
  yearFigures,
} from '@/features/statistics/statistics-model';

function row(partial: Partial<StatisticsRow> & Pick<StatisticsRow, 'vue' | 'annee' | 'mois'>) {
  return {
    plateforme: null,
    gite_id: null,
    nuits_louees: 0,
    nuits_bloquees: 0,
    revenu_centimes: 0,
    arrivees: 0,
    arrivees_sans_montant: 0,
    ...partial,
  } satisfies StatisticsRow;
}

/** Two gîtes, A and B; 2025 with June and February figures, 2024 with June only. */
const rows: StatisticsRow[] = [
  // By platform.
  row({
    vue: 'plateforme',
    annee: 2025,
    mois: 6,
    plateforme: 'airbnb',
    nuits_louees: 20,
    revenu_centimes: 200_000,
    arrivees: 4,
  }),
  row({
    vue: 'plateforme',
    annee: 2025,
    mois: 6,
    plateforme: 'direct',
    nuits_louees: 10,
    revenu_centimes: 150_000,
    arrivees: 1,
    arrivees_sans_montant: 0,
  }),
  row({
    vue: 'plateforme',
    annee: 2025,
    mois: 2,
    plateforme: 'airbnb',
    nuits_bloquees: 28,
    arrivees: 0,
  }),
  row({
    vue: 'plateforme',
    annee: 2025,
    mois: 8,
    plateforme: 'abritel',
    nuits_louees: 5,
    arrivees: 1,
    arrivees_sans_montant: 1,
  }),
  row({
    vue: 'plateforme',
    annee: 2024,
    mois: 6,
    plateforme: 'airbnb',
    nuits_louees: 15,
    revenu_centimes: 120_000,
    arrivees: 3,
  }),
  // The same nights by gîte.
  row({
    vue: 'gite',
    annee: 2025,
    mois: 6,
    gite_id: 'A',
    nuits_louees: 30,
    revenu_centimes: 350_000,
    arrivees: 5,
  }),
  row({ vue: 'gite', annee: 2025, mois: 2, gite_id: 'B', nuits_bloquees: 28 }),
  row({
    vue: 'gite',
    annee: 2025,
    mois: 8,
    gite_id: 'B',
    nuits_louees: 5,
    arrivees: 1,
    arrivees_sans_montant: 1,
  }),
  row({
    vue: 'gite',
    annee: 2024,
    mois: 6,
    gite_id: 'A',
    nuits_louees: 15,
    revenu_centimes: 120_000,
    arrivees: 3,
  }),
];

describe('calendar', () => {
  it('knows the nights of months and years, leap years included', () => {
    expect(nightsInService(undefined, 2024, 2)).toBe(29);
    expect(nightsInService(undefined, 2025, 2)).toBe(28);
    expect(nightsInService(undefined, 2025, 12)).toBe(31);
    expect(nightsInService(undefined, 2024)).toBe(366);
    expect(nightsInService(undefined, 2025)).toBe(365);
  });
});

describe('figures', () => {
  it('takes blocked nights out of the nights available', () => {
    // June, 2 gîtes: 60 nights, 6 blocked → 54 available; 27 booked → 50 %.
    const june = figuresOf(
      { booked: 27, blocked: 6, cents: 270_000, arrivals: 5, withoutAmount: 0 },
      60,
    );
    expect(june).toMatchObject({
      nightsAvailable: 54,
      occupancy: 0.5,
      averageRateCents: 10_000,
      revparCents: 5_000,
    });
  });

  it('states no rate rather than dividing by zero', () => {
    const empty = figuresOf(
      { booked: 0, blocked: 30, cents: 0, arrivals: 0, withoutAmount: 0 },
      30,
    );
    expect(empty).toMatchObject({
      nightsAvailable: 0,
      occupancy: null,
      averageRateCents: null,
      revparCents: null,
    });
  });
});

describe('a year', () => {
  const year = yearFigures(rows, 2025, ['A', 'B']);

  it('totals the year from one grouping, over all the gîtes covered', () => {
    expect(year.total).toMatchObject({
      nightsBooked: 35,
      nightsBlocked: 28,
      // 365 × 2 − 28
      nightsAvailable: 702,
      revenueCents: 350_000,
      arrivals: 6,
      arrivalsWithoutAmount: 1,
      averageRateCents: 10_000,
    });
    expect(year.total.occupancy).toBeCloseTo(35 / 702);
  });

  it('gives twelve months, January first', () => {
    expect(year.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(year.months[5]?.figures).toMatchObject({
      nightsBooked: 30,
      nightsAvailable: 60,
      occupancy: 0.5,
    });
    // February: gîte B blocked all month, A free: 56 − 28 = 28 available.
    expect(year.months[1]?.figures).toMatchObject({ nightsAvailable: 28, occupancy: 0 });
  });

  it('gives each gîte its own year', () => {
    expect(
      year.byGite.map((g) => [g.giteId, g.figures.nightsBooked, g.figures.nightsAvailable]),
    ).toEqual([
      ['A', 30, 365],
      ['B', 5, 337],
    ]);
  });

  it('ranks platforms by revenue, with their share', () => {
    expect(
      year.byPlatform.map((p) => [p.platform, p.figures.revenueCents, p.revenueShare]),
    ).toEqual([
      ['airbnb', 200_000, 200_000 / 350_000],
      ['direct', 150_000, 150_000 / 350_000],
      ['abritel', 0, 0],
    ]);
  });

  it('counts a gîte seen in the rows even if it is not listed any more', () => {
    const withDeleted = yearFigures(rows, 2025, ['A']);
    expect(withDeleted.byGite.map((g) => g.giteId)).toEqual(['A', 'B']);
    expect(withDeleted.total.nightsAvailable).toBe(702);
  });

  it('is empty, not broken, for a year without stays', () => {
    const none = yearFigures([], 2023, ['A']);
    expect(none.total).toMatchObject({
      nightsBooked: 0,
      revenueCents: 0,
      nightsAvailable: 365,
      occupancy: 0,
    });
    expect(none.byPlatform).toEqual([]);
  });
});

describe('gîtes in service part of the year (gite_service_starts)', () => {
  it('counts the nights from the first day in service', () => {
    expect(nightsInService(undefined, 2025)).toBe(365);
    expect(nightsInService('2025-07-01', 2025)).toBe(184);
    expect(nightsInService('2025-07-01', 2025, 6)).toBe(0);
    expect(nightsInService('2025-07-15', 2025, 7)).toBe(17);
    expect(nightsInService('2025-07-01', 2024)).toBe(0);
    expect(nightsInService('2020-03-10', 2024, 2)).toBe(29);
    // Across the change of time (UTC days: no 23- or 25-hour day).
    expect(nightsInService('2025-03-30', 2025, 3)).toBe(2);
  });

  it('does not count a gîte as empty before it was in service, nor in the year before', () => {
    // B in service from 1 July 2025: its January–June are not nights available.
    const starts = new Map([['B', '2025-07-01']]);
    const year = yearFigures(rows, 2025, ['A', 'B'], starts);
    // A: 365 nights; B: 184 from July, less the 28 nights the rows say it was blocked.
    expect(year.byGite.map((g) => [g.giteId, g.figures.nightsAvailable])).toEqual([
      ['A', 365],
      ['B', 184 - 28],
    ]);
    expect(year.months[0]?.figures.nightsAvailable).toBe(31);
    expect(year.months[6]?.figures.nightsAvailable).toBe(62);
    const before = yearFigures([], 2024, ['A', 'B'], starts);
    expect(before.total.nightsAvailable).toBe(366);
    const table = monthlyTable(rows, 2025, ['A', 'B'], starts);
    expect(table.find((r) => r.month === 1 && r.giteId === 'B')?.figures.nightsAvailable).toBe(0);
    expect(table.find((r) => r.month === 1 && r.giteId === 'B')?.previous.occupancy).toBeNull();
  });
});

describe('the monthly table', () => {
  it('has a row per month and gîte, with the same month a year earlier', () => {
    const table = monthlyTable(rows, 2025, ['A', 'B']);
    expect(table).toHaveLength(24);
    const juneA = table.find((r) => r.month === 6 && r.giteId === 'A');
    expect(juneA?.figures).toMatchObject({
      nightsBooked: 30,
      revenueCents: 350_000,
      nightsAvailable: 30,
    });
    expect(juneA?.previous).toMatchObject({ nightsBooked: 15, revenueCents: 120_000 });
    expect(table[0]).toMatchObject({ month: 1, giteId: 'A' });
    expect(table[1]).toMatchObject({ month: 1, giteId: 'B' });
  });
});
