import { formatEuros } from '@/lib/money';

/**
 * Money in the tax engine: every amount is an integer number of CENTS (`Cents`), every rate
 * an integer number of BASIS POINTS (`BasisPoints`, 1 % = 100 bp), so no float ever decides
 * a euro.
 *
 * The one rounding rule: a product (amount × rate, amount × share) is rounded to the nearest
 * cent, half away from zero; an amount the tax form shows (receipts, abatement base, taxable
 * result, social contributions) is rounded to the nearest EURO, a half euro counting as one
 * (CGI art. 1657, 1: « les bases de calcul des impôts directs … sont arrondies à l'euro le
 * plus proche. La fraction d'euro égale à 0,50 est comptée pour 1 »). The form's rounding is
 * applied once, where the module says "as declared", never twice on the same line.
 */
export type Cents = number;
export type BasisPoints = number;

/** 12000 → 1_200_000 cents. Accepts euros with cents (12000.5 → 1_200_050). */
export function euros(amount: number): Cents {
  return Math.round(amount * 100);
}

/** Integer division rounded half away from zero (numerator and denominator integers). */
function divideRounded(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  const sign = numerator < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  const quotient = Math.floor(abs / denominator);
  const remainder = abs - quotient * denominator;
  return sign * (2 * remainder >= denominator ? quotient + 1 : quotient);
}

/** amount × rate, to the nearest cent: applyRate(1_200_000, 3000) = 360_000 (30 % of 12,000 €). */
export function applyRate(amount: Cents, rate: BasisPoints): Cents {
  return divideRounded(amount * rate, 10_000);
}

/** amount × part / whole, to the nearest cent (part and whole integers, whole > 0). */
export function applyShare(amount: Cents, part: number, whole: number): Cents {
  return divideRounded(amount * part, whole);
}

/** To the nearest euro as the tax form does (CGI art. 1657, 1): 123_450 → 123_500; −50 → −100. */
export function roundToEuro(amount: Cents): Cents {
  return divideRounded(amount, 100) * 100;
}

/** share of whole in basis points, to the nearest: ratioBp(12_000, 15_000) = 8000 (80 %). */
export function ratioBp(part: number, whole: number): BasisPoints {
  return divideRounded(part * 10_000, whole);
}

export function sum(amounts: readonly Cents[]): Cents {
  return amounts.reduce((total, amount) => total + amount, 0);
}

/** "8 400 €" for 840_000 (whole euros, as on the tax form) — the app's own euro format. */
export function formatWholeEuros(amount: Cents): string {
  return formatEuros(amount / 100, { cents: false });
}

/** "1 234,56 €" for 123_456. */
export function formatCents(amount: Cents): string {
  return formatEuros(amount / 100);
}

/** 3000 → "30 %", 1860 → "18,6 %" (French decimal comma, narrow no-break space before %). */
export function formatRate(rate: BasisPoints): string {
  return `${(rate / 100).toLocaleString('fr-FR', { maximumFractionDigits: 2 })}\u202f%`;
}
