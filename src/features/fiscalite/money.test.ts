import { describe, expect, it } from 'vitest';
import {
  applyRate,
  applyShare,
  euros,
  formatCents,
  formatRate,
  formatWholeEuros,
  ratioBp,
  roundToEuro,
} from '@/features/fiscalite/money';

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('money in integer cents', () => {
  it('euros → cents without float drift', () => {
    expect(euros(12_000)).toBe(1_200_000);
    expect(euros(0.1 + 0.2)).toBe(30);
  });

  it('rounds to the euro as the form: a half euro counts as one (CGI art. 1657)', () => {
    expect(roundToEuro(123_449)).toBe(123_400);
    expect(roundToEuro(123_450)).toBe(123_500);
    expect(roundToEuro(-150)).toBe(-200);
    expect(roundToEuro(-149)).toBe(-100);
  });

  it('applies a rate in basis points to the nearest cent', () => {
    expect(applyRate(euros(12_000), 3000)).toBe(euros(3_600));
    expect(applyRate(euros(8_400), 1860)).toBe(156_240); // 1 562,40 €
    expect(applyRate(5, 5000)).toBe(3); // 2,5 cents → 3
  });

  it('shares and ratios', () => {
    expect(applyShare(euros(4_000), 30_000, 120_000)).toBe(euros(1_000));
    expect(ratioBp(12_000, 15_000)).toBe(8000);
    expect(() => applyShare(1, 1, 0)).toThrow(RangeError);
  });

  it('formats the French way', () => {
    expect(plain(formatWholeEuros(euros(8_400)))).toBe('8 400 €');
    expect(plain(formatCents(123_456))).toBe('1 234,56 €');
    expect(plain(formatRate(1860))).toBe('18,6 %');
    expect(plain(formatRate(3000))).toBe('30 %');
  });
});
