import { type Cents, sum } from '@/features/fiscalite/money';

/**
 * Depreciation by component (« amortissement par composants ») of what the owner rents out.
 *
 *  - Land is not depreciable (it does not wear out): a `LandComponent` has no duration, so it
 *    cannot be given one, and its annuity is always 0.
 *  - Every other component is depreciated on a straight line over its own duration, starting
 *    on the day it is put into service: the first year gets the fraction (days in service
 *    that year) / (days in that year), the next years a full annuity, the last year what is
 *    left, so the annuities add up to the cost exactly. Each year's annuity is the difference
 *    of two rounded cumulative amounts, so no cent is lost or made by rounding.
 *  - Durations are the owner's choice within usage; `SUGGESTED_DURATIONS` are common practice,
 *    not figures set by law.
 *  - What this computes is the year's depreciation CHARGE. How much of it may be deducted is
 *    decided by the régime réel (CGI art. 39 C, II: not beyond receipts − other charges; the
 *    rest is deferred) — see regime-reel.ts.
 */
export type DepreciableKind =
  | 'gros_oeuvre'
  | 'facades_etancheite'
  | 'installations_techniques'
  | 'agencements_interieurs'
  | 'mobilier'
  | 'equipements'
  | 'travaux';

export interface DepreciableComponent {
  label: string;
  kind: DepreciableKind;
  cost: Cents;
  /** ISO date (YYYY-MM-DD) the component was put into service. */
  inService: string;
  durationYears: number;
}

export interface LandComponent {
  label: string;
  kind: 'terrain';
  cost: Cents;
}

export type AssetComponent = DepreciableComponent | LandComponent;

/** Common practice for a rented house (NOT legal figures): years of use per component. */
export const SUGGESTED_DURATIONS: Readonly<Record<DepreciableKind, number>> = {
  gros_oeuvre: 50,
  facades_etancheite: 25,
  installations_techniques: 20,
  agencements_interieurs: 15,
  travaux: 10,
  mobilier: 7,
  equipements: 5,
};

export interface DepreciationLine {
  label: string;
  kind: AssetComponent['kind'];
  cost: Cents;
  depreciable: boolean;
  /** Depreciated before the year. */
  accumulatedBefore: Cents;
  /** The year's annuity. */
  annuity: Cents;
  /** Left to depreciate after the year. */
  remaining: Cents;
}

export interface DepreciationYear {
  year: number;
  lines: DepreciationLine[];
  total: Cents;
}

function parseIsoDate(iso: string): { year: number; dayIndex: number; daysInYear: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not an ISO date: ${iso}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`not a calendar date: ${iso}`);
  }
  const dayIndex = (time - Date.UTC(year, 0, 1)) / 86_400_000;
  const daysInYear = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
  return { year, dayIndex, daysInYear };
}

/** Depreciated from the start up to 31 December of `year`, rounded to the cent. */
function accumulatedAt(component: DepreciableComponent, year: number): Cents {
  const start = parseIsoDate(component.inService);
  if (year < start.year) return 0;
  // Years elapsed at the end of `year`, as the fraction (numerator / daysInYear of the start):
  // first year's days in service (the in-service day included) + one full year per later year.
  const firstYearDays = start.daysInYear - start.dayIndex;
  const numerator = (year - start.year) * start.daysInYear + firstYearDays;
  const denominator = start.daysInYear * component.durationYears;
  if (numerator >= denominator) return component.cost;
  return Math.round((component.cost * numerator) / denominator);
}

function validate(component: AssetComponent): void {
  if (!Number.isInteger(component.cost) || component.cost < 0) {
    throw new RangeError(`cost of « ${component.label} » must be a non-negative integer of cents`);
  }
  if (component.kind === 'terrain') return;
  if (!Number.isInteger(component.durationYears) || component.durationYears < 1) {
    throw new RangeError(`duration of « ${component.label} » must be a whole number of years ≥ 1`);
  }
  parseIsoDate(component.inService);
}

/** The depreciation charge of `year`, line by line (land included, at 0, so a UI can list it). */
export function depreciationForYear(
  components: readonly AssetComponent[],
  year: number,
): DepreciationYear {
  const lines = components.map((component): DepreciationLine => {
    validate(component);
    if (component.kind === 'terrain') {
      return {
        label: component.label,
        kind: component.kind,
        cost: component.cost,
        depreciable: false,
        accumulatedBefore: 0,
        annuity: 0,
        remaining: 0,
      };
    }
    const before = accumulatedAt(component, year - 1);
    const after = accumulatedAt(component, year);
    return {
      label: component.label,
      kind: component.kind,
      cost: component.cost,
      depreciable: true,
      accumulatedBefore: before,
      annuity: after - before,
      remaining: component.cost - after,
    };
  });
  return { year, lines, total: sum(lines.map((l) => l.annuity)) };
}
