import type { Cents } from '@/features/fiscalite/money';

/**
 * What one year of LMNP income leaves to the next ones.
 *
 *  - Deficits (CGI art. 156, I, 1° ter): a deficit of a non-professional furnished rental
 *    activity is NOT deducted from the household's other income; it is deducted only from the
 *    income of that same activity (location meublée non professionnelle), in the year or the
 *    TEN following years, then lost. A deficit of year Y can be used in Y+1 … Y+10. They are
 *    used oldest first, so the ones closest to expiry go first.
 *  - Deferred depreciation (« amortissements réputés différés », ARD; CGI art. 39 C, II): the
 *    part of the depreciation that could not be deducted because it would have created or
 *    increased a deficit; it has no time limit and is deducted from later years' results under
 *    the same cap.
 */
export interface DeficitCarry {
  /** The year the deficit was made. */
  originYear: number;
  amount: Cents;
}

export interface CarryForward {
  deferredDepreciation: Cents;
  deficits: readonly DeficitCarry[];
}

export const NO_CARRY_FORWARD: CarryForward = { deferredDepreciation: 0, deficits: [] };

/** CGI 156 I 1° ter: « au cours de celle-ci ou des dix années suivantes ». */
export const DEFICIT_CARRY_YEARS = 10;

export function isDeficitUsableIn(deficit: DeficitCarry, year: number): boolean {
  return year > deficit.originYear && year <= deficit.originYear + DEFICIT_CARRY_YEARS;
}

export interface DeficitImputation {
  /** The positive income the deficits were deducted from. */
  income: Cents;
  used: DeficitCarry[];
  /** income − used, never negative. */
  remainingIncome: Cents;
  /** Deficits still usable after this year. */
  carriedOut: DeficitCarry[];
  /** Deficits lost: already out of date this year, or reaching their tenth year unused. */
  expired: DeficitCarry[];
}

/**
 * Deducts past deficits from the year's positive income (oldest first) and says what is left,
 * what is lost. Deficits of this year or later, if passed, are an input error.
 */
export function imputeDeficits(
  income: Cents,
  deficits: readonly DeficitCarry[],
  year: number,
): DeficitImputation {
  if (deficits.some((d) => d.originYear >= year)) {
    throw new RangeError(`a carried deficit must come from a year before ${year}`);
  }
  const sorted = [...deficits].sort((a, b) => a.originYear - b.originYear);
  let left = Math.max(0, income);
  const used: DeficitCarry[] = [];
  const carriedOut: DeficitCarry[] = [];
  const expired: DeficitCarry[] = [];
  for (const deficit of sorted) {
    if (deficit.amount <= 0) continue;
    if (!isDeficitUsableIn(deficit, year)) {
      expired.push(deficit);
      continue;
    }
    const take = Math.min(left, deficit.amount);
    if (take > 0) used.push({ originYear: deficit.originYear, amount: take });
    left -= take;
    const rest = deficit.amount - take;
    if (rest <= 0) continue;
    const remainder = { originYear: deficit.originYear, amount: rest };
    if (isDeficitUsableIn(deficit, year + 1)) carriedOut.push(remainder);
    else expired.push(remainder);
  }
  return { income: Math.max(0, income), used, remainingIncome: left, carriedOut, expired };
}
