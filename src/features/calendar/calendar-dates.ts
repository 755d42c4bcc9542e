import {
  addDays,
  daysBetween,
  formatIsoDate,
  type IsoDate,
  isoFromParts,
  isoWeekday,
  maxIso,
  minIso,
} from '@/lib/iso-date';

/**
 * The calendar's date logic, pure: months, their interval and grid, and where a stay
 * sits among the visible days. Days are `YYYY-MM-DD` strings; a stay runs from its
 * arrival day (`date_debut`, afternoon) to its departure day (`date_fin`, morning,
 * exclusive: the night before it is the last one).
 */

export interface YearMonth {
  year: number;
  /** 1 = January … 12 = December. */
  month: number;
}

/** A half-open interval of days: `from` included, `to` excluded. */
export interface DayInterval {
  from: IsoDate;
  to: IsoDate;
}

const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

/** `?mois=2026-11` → { year: 2026, month: 11 }; anything else → null. */
export function parseYearMonth(value: string | null | undefined): YearMonth | null {
  const match = value ? YEAR_MONTH.exec(value) : null;
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (year < 1900 || year > 2999 || month < 1 || month > 12) return null;
  return { year, month };
}

export function formatYearMonth({ year, month }: YearMonth): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The month a day falls in. */
export function yearMonthOf(iso: IsoDate): YearMonth {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) };
}

export function addMonths({ year, month }: YearMonth, count: number): YearMonth {
  const index = year * 12 + (month - 1) + count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function sameYearMonth(a: YearMonth, b: YearMonth): boolean {
  return a.year === b.year && a.month === b.month;
}

/** The days of a month: [1st, 1st of the next month). */
export function monthInterval(ym: YearMonth): DayInterval {
  return {
    from: isoFromParts(ym.year, ym.month, 1),
    to: isoFromParts(ym.year, ym.month + 1, 1),
  };
}

/** Every day of an interval, in order. */
export function daysOf({ from, to }: DayInterval): IsoDate[] {
  const count = Math.max(0, daysBetween(from, to));
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}

export function daysInMonth(ym: YearMonth): IsoDate[] {
  return daysOf(monthInterval(ym));
}

/**
 * The classic month grid: whole weeks, Monday first, from the Monday on or before the
 * 1st to the Sunday on or after the last day (4 to 6 weeks of 7 days).
 */
export function monthGrid(ym: YearMonth): IsoDate[][] {
  const { from, to } = monthInterval(ym);
  const start = addDays(from, 1 - isoWeekday(from));
  const last = addDays(to, -1);
  const end = addDays(last, 7 - isoWeekday(last) + 1);
  const days = daysOf({ from: start, to: end });
  const weeks: IsoDate[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}

/** Nights of a stay: departure day minus arrival day. */
export function stayNights(stay: { date_debut: IsoDate; date_fin: IsoDate }): number {
  return daysBetween(stay.date_debut, stay.date_fin);
}

/** True when a stay has at least one night inside the interval. */
export function overlapsInterval(
  stay: { date_debut: IsoDate; date_fin: IsoDate },
  { from, to }: DayInterval,
): boolean {
  return stay.date_debut < to && stay.date_fin > from;
}

/**
 * Where a stay's bar sits among the days of `window`, in half-days: day `i` of the
 * window is halves `2i` (morning) and `2i + 1` (afternoon). A stay starts on the
 * afternoon of its arrival day and ends after the morning of its departure day, so a
 * departure and an arrival on the same day share it without overlapping. A stay that
 * began before the window starts at its left edge, one that ends after it runs to its
 * right edge (`startsBefore` / `endsAfter` say it was cut). Null when the stay has no
 * night in the window.
 */
export interface StayPlacement {
  /** First half-day covered (0-based, inclusive). */
  startHalf: number;
  /** Half-day after the last one covered (exclusive). */
  endHalf: number;
  startsBefore: boolean;
  endsAfter: boolean;
}

export function placeStay(
  stay: { date_debut: IsoDate; date_fin: IsoDate },
  window: DayInterval,
): StayPlacement | null {
  if (!overlapsInterval(stay, window) || stay.date_fin <= stay.date_debut) return null;
  const days = daysBetween(window.from, window.to);
  const startsBefore = stay.date_debut < window.from;
  // The departure morning is drawn only if the departure day itself is visible.
  const endsAfter = stay.date_fin >= window.to;
  const startHalf = startsBefore ? 0 : 2 * daysBetween(window.from, stay.date_debut) + 1;
  const endHalf = endsAfter ? 2 * days : 2 * daysBetween(window.from, stay.date_fin) + 1;
  return { startHalf, endHalf, startsBefore, endsAfter };
}

/** The part of an interval inside another one (null when they do not meet). */
export function intersectIntervals(a: DayInterval, b: DayInterval): DayInterval | null {
  const from = maxIso(a.from, b.from);
  const to = minIso(a.to, b.to);
  return from < to ? { from, to } : null;
}

/**
 * Spreads bars over as few lanes as possible so that none hides another (a double
 * booking gets its own lane). Bars are taken by start; each goes to the first lane
 * whose last bar has ended. Returns each bar's lane (in the input's order) and the
 * number of lanes (at least 1).
 */
export function assignLanes(bars: ReadonlyArray<{ startHalf: number; endHalf: number }>): {
  lanes: number[];
  laneCount: number;
} {
  const order = bars
    .map((bar, index) => ({ bar, index }))
    .sort((a, b) => a.bar.startHalf - b.bar.startHalf || a.bar.endHalf - b.bar.endHalf);
  const laneEnds: number[] = [];
  const lanes: number[] = new Array<number>(bars.length).fill(0);
  for (const { bar, index } of order) {
    let lane = laneEnds.findIndex((end) => end <= bar.startHalf);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(bar.endHalf);
    } else {
      laneEnds[lane] = bar.endHalf;
    }
    lanes[index] = lane;
  }
  return { lanes, laneCount: Math.max(1, laneEnds.length) };
}

/** "novembre 2026". */
export function monthLabel(ym: YearMonth): string {
  return formatIsoDate(monthInterval(ym).from, { month: 'long', year: 'numeric' });
}

/** Monday-first weekday names in French: "lundi" … or "lun." …, from Intl. */
export function weekdayNames(width: 'long' | 'short' | 'narrow'): string[] {
  // 2024-01-01 was a Monday.
  return daysOf({ from: '2024-01-01', to: '2024-01-08' }).map((day) =>
    formatIsoDate(day, { weekday: width }),
  );
}
