import {
  type CeilingCheck,
  ceilingChecks,
  type ReceiptsByCategory,
} from '@/features/fiscalite/micro-bic';
import { formatWholeEuros } from '@/features/fiscalite/money';
import {
  CATEGORY_LABELS,
  type GiteCategory,
  isTaxYear,
  rulesFor,
  type YearRules,
} from '@/features/fiscalite/rules';

/**
 * The warning when the year's receipts approach or pass a micro-BIC ceiling.
 *
 * Year N's receipts decide the micro-BIC of the next years, not of N itself: the micro-BIC of
 * year Y is open while Y-1 or Y-2 stays within Y's ceilings (CGI 50-0 1, as microEligibility
 * tests it). So N's receipts are measured against the ceilings of N+1 — those of N when N+1's
 * are not in the table yet (it never guesses) — and the message says which.
 *  - 'approaching': at least `ceilingWarningShare` (80 %) of a ceiling, up to the ceiling
 *    itself (« n'excède pas »: exactly at the ceiling is still within it);
 *  - 'exceeded': above it. The micro-BIC stops after two years in a row above: from N+1 when
 *    N-1 was above too, else from N+2 if N+1 is above again.
 */
export type CeilingWarningLevel = 'approaching' | 'exceeded';

export interface CeilingWarning {
  level: CeilingWarningLevel;
  check: CeilingCheck;
  message: string;
}

/** "meublé de tourisme classé", "A et B", "A, B et C". */
export function listCategories(categories: readonly GiteCategory[]): string {
  const labels = categories.map((c) => CATEGORY_LABELS[c]);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} et ${labels.at(-1)}`;
}

function message(
  level: CeilingWarningLevel,
  check: CeilingCheck,
  year: number,
  ceilingYear: number,
  previousAlsoAbove: boolean,
): string {
  const what = `Vos recettes ${year} (${listCategories(check.categories)}) : ${formatWholeEuros(check.receipts)}`;
  const ceiling = `plafond du micro-BIC de ${ceilingYear} (${formatWholeEuros(check.ceiling)})`;
  if (level === 'approaching') {
    const percent = Math.floor(check.share / 100);
    return `${what}, soit ${percent}\u202f% du ${ceiling}.`;
  }
  if (previousAlsoAbove) {
    return `${what}, au-dessus du ${ceiling}, comme vos recettes ${year - 1} : le micro-BIC ne s’applique plus à partir de ${year + 1}.`;
  }
  return `${what}, au-dessus du ${ceiling}. Si le plafond est encore dépassé en ${year + 1}, le micro-BIC ne s’appliquera plus à partir de ${year + 2}.`;
}

/**
 * The warnings for year `year`'s receipts; `previousReceipts` are those of year - 1 when known
 * (two years in a row above a ceiling end the micro-BIC sooner).
 */
export function ceilingWarnings(
  year: number,
  receipts: ReceiptsByCategory,
  previousReceipts?: ReceiptsByCategory,
): CeilingWarning[] {
  const ceilingYear = isTaxYear(year + 1) ? year + 1 : year;
  const rules: YearRules = rulesFor(ceilingYear);
  const previousChecks = previousReceipts ? ceilingChecks(previousReceipts, rules) : [];
  return ceilingChecks(receipts, rules).flatMap((check): CeilingWarning[] => {
    const level: CeilingWarningLevel | null = check.exceeded
      ? 'exceeded'
      : check.share >= rules.ceilingWarningShare
        ? 'approaching'
        : null;
    if (!level) return [];
    const previousAlsoAbove = previousChecks.some(
      (previous) => previous.tier === check.tier && previous.exceeded,
    );
    return [{ level, check, message: message(level, check, year, ceilingYear, previousAlsoAbove) }];
  });
}
