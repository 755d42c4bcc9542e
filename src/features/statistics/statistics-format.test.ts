import { describe, expect, it } from 'vitest';
import {
  formatCents,
  formatNights,
  formatOptional,
  monthLongLabel,
  monthShortLabel,
} from '@/features/statistics/statistics-format';
import { formatRate } from '@/lib/rates';

function plain(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

describe('statistics formatting', () => {
  it('names months in French', () => {
    expect(monthShortLabel(1)).toBe('janv.');
    expect(monthLongLabel(8)).toBe('Août');
    expect(monthLongLabel(12)).toBe('Décembre');
  });

  it('writes cents as whole euros, and a missing rate as a dash', () => {
    expect(plain(formatCents(1_234_567))).toBe('12 346 €');
    expect(plain(formatCents(0))).toBe('0 €');
    expect(formatOptional(null, formatRate)).toBe('—');
    expect(plain(formatOptional(0.5, formatRate))).toBe('50 %');
    expect(plain(formatNights(1234))).toBe('1 234');
  });
});
