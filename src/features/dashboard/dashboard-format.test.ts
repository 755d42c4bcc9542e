import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatRate,
  groupByDate,
  ratePercent,
  revenueChange,
} from '@/features/dashboard/dashboard-format';
import { formatEuros } from '@/lib/money';

/** Intl writes French numbers with narrow no-break spaces; compare with plain ones. */
function plain(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

describe('dashboard numbers', () => {
  it('shows occupancy as a bounded whole percentage', () => {
    expect(ratePercent(0.5667)).toBe(57);
    expect(ratePercent(1.2)).toBe(100);
    expect(ratePercent(-0.1)).toBe(0);
    expect(ratePercent(Number.NaN)).toBe(0);
    expect(plain(formatRate(0.7))).toBe('70 %');
  });

  it('compares revenue with last year only when there was some', () => {
    expect(revenueChange(112, 100)).toBeCloseTo(0.12);
    expect(revenueChange(90, 100)).toBeCloseTo(-0.1);
    expect(revenueChange(46201.9, 0)).toBeNull();
    expect(plain(formatChange(0.123))).toBe('+12 %');
    expect(plain(formatChange(-0.05))).toMatch(/^[-−]5 %$/);
  });

  it('writes euros the French way', () => {
    expect(plain(formatEuros(46201.9, { cents: false }))).toBe('46 202 €');
    expect(plain(formatEuros(1234.5))).toBe('1 234,50 €');
  });

  it('groups the coming days by date, in order', () => {
    const items = [
      { date: '2026-11-28', id: 'b' },
      { date: '2026-11-26', id: 'a' },
      { date: '2026-11-28', id: 'c' },
    ];
    expect(groupByDate(items)).toEqual([
      { date: '2026-11-26', items: [{ date: '2026-11-26', id: 'a' }] },
      {
        date: '2026-11-28',
        items: [
          { date: '2026-11-28', id: 'b' },
          { date: '2026-11-28', id: 'c' },
        ],
      },
    ]);
  });
});
