/**
 * The statistics page's figures, from the rows of `stay_statistics` (nights, blocked nights,
 * revenue in cents and arrivals by month, per platform and per gîte). Pure.
 *
 * Definitions (the usual ones of the trade):
 * - nights available = nights of the period × gîtes − blocked nights (a block is a night the
 *   gîte could not be let, so it is not counted against the owner);
 * - occupancy = nights booked ÷ nights available;
 * - average nightly rate (prix moyen par nuit) = revenue ÷ nights booked;
 * - RevPAR (revenu par nuit disponible) = revenue ÷ nights available.
 * Nights booked without an amount (imported stays not completed yet) lower the rate and
 * RevPAR: the page says how many arrivals lack an amount.
 */

export type StatisticsView = 'plateforme' | 'gite';

/** One row of `stay_statistics`, as the page uses it. */
export interface StatisticsRow {
  vue: StatisticsView;
  annee: number;
  mois: number;
  plateforme: string | null;
  gite_id: string | null;
  nuits_louees: number;
  nuits_bloquees: number;
  revenu_centimes: number;
  arrivees: number;
  arrivees_sans_montant: number;
}

export interface Figures {
  nightsBooked: number;
  nightsBlocked: number;
  nightsAvailable: number;
  revenueCents: number;
  arrivals: number;
  arrivalsWithoutAmount: number;
  /** 0 … 1, or null when no night was available. */
  occupancy: number | null;
  /** Cents per booked night, or null without booked nights. */
  averageRateCents: number | null;
  /** Cents per available night, or null when no night was available. */
  revparCents: number | null;
}

export interface MonthFigures {
  month: number;
  figures: Figures;
}

export interface GiteFigures {
  giteId: string;
  figures: Figures;
}

export interface PlatformFigures {
  platform: string;
  figures: Figures;
  /** This platform's part of the year's revenue, 0 … 1 (null when the year has none). */
  revenueShare: number | null;
}

export interface YearFigures {
  year: number;
  total: Figures;
  /** Twelve entries, January first. */
  months: MonthFigures[];
  byGite: GiteFigures[];
  /** Platforms with booked or blocked nights or arrivals, by revenue, largest first. */
  byPlatform: PlatformFigures[];
}

/** A gîte-month of the monthly table, with the same month a year earlier. */
export interface MonthlyTableRow {
  month: number;
  giteId: string;
  figures: Figures;
  previous: Figures;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function daysInYear(year: number): number {
  return daysInMonth(year, 2) === 29 ? 366 : 365;
}

interface Sums {
  booked: number;
  blocked: number;
  cents: number;
  arrivals: number;
  withoutAmount: number;
}

const NO_SUMS: Sums = { booked: 0, blocked: 0, cents: 0, arrivals: 0, withoutAmount: 0 };

function add(sums: Sums, row: StatisticsRow): Sums {
  return {
    booked: sums.booked + row.nuits_louees,
    blocked: sums.blocked + row.nuits_bloquees,
    cents: sums.cents + row.revenu_centimes,
    arrivals: sums.arrivals + row.arrivees,
    withoutAmount: sums.withoutAmount + row.arrivees_sans_montant,
  };
}

function sumRows(rows: readonly StatisticsRow[]): Sums {
  return rows.reduce(add, NO_SUMS);
}

/** The figures of a period of `nightsInPeriod` nights for `gites` gîtes (0 for platforms). */
export function figuresOf(sums: Sums, nightsInPeriod: number, gites: number): Figures {
  const nightsAvailable = Math.max(0, nightsInPeriod * gites - sums.blocked);
  return {
    nightsBooked: sums.booked,
    nightsBlocked: sums.blocked,
    nightsAvailable,
    revenueCents: sums.cents,
    arrivals: sums.arrivals,
    arrivalsWithoutAmount: sums.withoutAmount,
    occupancy: nightsAvailable > 0 ? Math.min(1, sums.booked / nightsAvailable) : null,
    averageRateCents: sums.booked > 0 ? Math.round(sums.cents / sums.booked) : null,
    revparCents: nightsAvailable > 0 ? Math.round(sums.cents / nightsAvailable) : null,
  };
}

const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);

/**
 * One year's figures. `giteIds`: the gîtes the page covers (all the owner's, or the one
 * chosen); a gîte that appears in the rows but not there is counted too (a gîte deleted
 * since still had its nights).
 */
export function yearFigures(
  rows: readonly StatisticsRow[],
  year: number,
  giteIds: readonly string[],
): YearFigures {
  const ofYear = rows.filter((row) => row.annee === year);
  // Every figure comes from one grouping, so nothing is counted twice.
  const byPlatformRows = ofYear.filter((row) => row.vue === 'plateforme');
  const byGiteRows = ofYear.filter((row) => row.vue === 'gite');
  const gites = [
    ...new Set([
      ...giteIds,
      ...byGiteRows.map((row) => row.gite_id).filter((id): id is string => id !== null),
    ]),
  ];

  const total = figuresOf(sumRows(byPlatformRows), daysInYear(year), gites.length);
  const months = MONTHS.map((month) => ({
    month,
    figures: figuresOf(
      sumRows(byPlatformRows.filter((row) => row.mois === month)),
      daysInMonth(year, month),
      gites.length,
    ),
  }));
  const byGite = gites.map((giteId) => ({
    giteId,
    figures: figuresOf(
      sumRows(byGiteRows.filter((row) => row.gite_id === giteId)),
      daysInYear(year),
      1,
    ),
  }));
  const platforms = [
    ...new Set(byPlatformRows.map((row) => row.plateforme).filter((p): p is string => !!p)),
  ];
  const byPlatform = platforms
    .map((platform) => {
      const figures = figuresOf(
        sumRows(byPlatformRows.filter((row) => row.plateforme === platform)),
        daysInYear(year),
        0,
      );
      return {
        platform,
        figures,
        revenueShare: total.revenueCents > 0 ? figures.revenueCents / total.revenueCents : null,
      };
    })
    .sort(
      (a, b) =>
        b.figures.revenueCents - a.figures.revenueCents ||
        b.figures.nightsBooked - a.figures.nightsBooked ||
        a.platform.localeCompare(b.platform),
    );
  return { year, total, months, byGite, byPlatform };
}

/** The monthly table: one row per month and gîte (gîtes in the order given), January first. */
export function monthlyTable(
  rows: readonly StatisticsRow[],
  year: number,
  giteIds: readonly string[],
): MonthlyTableRow[] {
  const cells = new Map<string, StatisticsRow[]>();
  for (const row of rows) {
    if (row.vue !== 'gite' || row.gite_id === null) continue;
    const key = `${row.annee}-${row.mois}-${row.gite_id}`;
    const cell = cells.get(key);
    if (cell) cell.push(row);
    else cells.set(key, [row]);
  }
  const figures = (annee: number, month: number, giteId: string) =>
    figuresOf(
      sumRows(cells.get(`${annee}-${month}-${giteId}`) ?? []),
      daysInMonth(annee, month),
      1,
    );
  return MONTHS.flatMap((month) =>
    giteIds.map((giteId) => ({
      month,
      giteId,
      figures: figures(year, month, giteId),
      previous: figures(year - 1, month, giteId),
    })),
  );
}
