import { describe, expect, it } from 'vitest';
import { formatChange, formatRate, ratePercent, relativeChange } from '@/lib/rates';

/** Intl writes French numbers with narrow no-break spaces; compare with plain ones. */
function plain(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

describe('rates and changes', () => {
  it('shows a rate as a bounded whole percentage', () => {
    expect(ratePercent(0.5667)).toBe(57);
    expect(ratePercent(1.2)).toBe(100);
    expect(ratePercent(-0.1)).toBe(0);
    expect(ratePercent(Number.NaN)).toBe(0);
    expect(plain(formatRate(0.7))).toBe('70 %');
  });

  it('compares with last year only when there was something', () => {
    expect(relativeChange(112, 100)).toBeCloseTo(0.12);
    expect(relativeChange(90, 100)).toBeCloseTo(-0.1);
    expect(relativeChange(46201.9, 0)).toBeNull();
    expect(plain(formatChange(0.123))).toBe('+12 %');
    expect(plain(formatChange(-0.05))).toMatch(/^[-−]5 %$/);
  });
});
