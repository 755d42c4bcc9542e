/**
 * The statistics page's figures, from the rows of `stay_statistics` (nights, blocked nights,
 * revenue in cents and arrivals by month, per platform and per gîte). Pure.
 *
 * Definitions (the usual ones of the trade):
 * - nights available = the nights of the period each gîte was in service − blocked nights (a
 *   block is a night the gîte could not be let, so it is not counted against the owner); a
 *   gîte is in service from the earlier of its addition to the app and its first stay's arrival
 *   (`gite_service_starts`), so the months before do not count as empty nights;
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

/** Each gîte's first day in service (ISO date), by id; a gîte not in it counts every night. */
export type ServiceStarts = ReadonlyMap<string, string>;

const DAY_MS = 86_400_000;

/**
 * The nights of a year (or of one of its months) a gîte in service since `since` could be let:
 * those from `since` on.
 */
export function nightsInService(since: string | undefined, year: number, month?: number): number {
  const start = Date.UTC(year, month === undefined ? 0 : month - 1, 1);
  const end = month === undefined ? Date.UTC(year + 1, 0, 1) : Date.UTC(year, month, 1);
  const from = since ? Math.max(start, Date.parse(`${since}T00:00:00Z`)) : start;
  return Math.max(0, Math.round((end - from) / DAY_MS));
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

/**
 * The figures of a period whose gîtes were in service `nightsInService` nights in all (0 for
 * a platform: nights available are a gîte's, not a platform's).
 */
export function figuresOf(sums: Sums, nightsInService: number): Figures {
  const nightsAvailable = Math.max(0, nightsInService - sums.blocked);
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
 * since still had its nights). `starts`: since when each gîte is in service.
 */
export function yearFigures(
  rows: readonly StatisticsRow[],
  year: number,
  giteIds: readonly string[],
  starts: ServiceStarts = new Map(),
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

  const inService = (month?: number) =>
    gites.reduce((nights, giteId) => nights + nightsInService(starts.get(giteId), year, month), 0);
  const total = figuresOf(sumRows(byPlatformRows), inService());
  const months = MONTHS.map((month) => ({
    month,
    figures: figuresOf(
      sumRows(byPlatformRows.filter((row) => row.mois === month)),
      inService(month),
    ),
  }));
  const byGite = gites.map((giteId) => ({
    giteId,
    figures: figuresOf(
      sumRows(byGiteRows.filter((row) => row.gite_id === giteId)),
      nightsInService(starts.get(giteId), year),
    ),
  }));
  const platforms = [
    ...new Set(byPlatformRows.map((row) => row.plateforme).filter((p): p is string => !!p)),
  ];
  const byPlatform = platforms
    .map((platform) => {
      const figures = figuresOf(
        sumRows(byPlatformRows.filter((row) => row.plateforme === platform)),
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
  starts: ServiceStarts = new Map(),
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
      nightsInService(starts.get(giteId), annee, month),
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
