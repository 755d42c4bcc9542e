import {
  type CeilingCheck,
  ceilingChecks,
  type ReceiptsByCategory,
} from '@/features/fiscalite/micro-bic';
import { formatWholeEuros } from '@/features/fiscalite/money';
import { CATEGORY_LABELS, type GiteCategory, type YearRules } from '@/features/fiscalite/rules';

/**
 * The warning when the year's receipts approach or pass a micro-BIC ceiling.
 *  - 'approaching': at least `rules.ceilingWarningShare` (80 %) of a ceiling, up to the ceiling
 *    itself (« n'excède pas »: exactly at the ceiling is still within it);
 *  - 'exceeded': above it. One year above does not end the micro-BIC by itself: it stops after
 *    two years in a row above the ceiling (CGI 50-0 1 tests N-1 or N-2), from the year after.
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

function message(level: CeilingWarningLevel, check: CeilingCheck, year: number): string {
  const what = `Vos recettes ${year} (${listCategories(check.categories)}) : ${formatWholeEuros(check.receipts)}`;
  const ceiling = formatWholeEuros(check.ceiling);
  if (level === 'approaching') {
    const percent = Math.floor(check.share / 100);
    return `${what}, soit ${percent}\u202f% du plafond du micro-BIC (${ceiling}).`;
  }
  return `${what}, au-dessus du plafond du micro-BIC (${ceiling}). Si le plafond est encore dépassé en ${year + 1}, le micro-BIC ne s’appliquera plus à partir de ${year + 2}.`;
}

export function ceilingWarnings(rules: YearRules, receipts: ReceiptsByCategory): CeilingWarning[] {
  return ceilingChecks(receipts, rules).flatMap((check): CeilingWarning[] => {
    const level: CeilingWarningLevel | null = check.exceeded
      ? 'exceeded'
      : check.share >= rules.ceilingWarningShare
        ? 'approaching'
        : null;
    return level ? [{ level, check, message: message(level, check, rules.year) }] : [];
  });
}
