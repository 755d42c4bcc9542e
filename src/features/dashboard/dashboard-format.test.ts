import { describe, expect, it } from 'vitest';
import { groupByDate } from '@/features/dashboard/dashboard-format';
import { formatEuros } from '@/lib/money';

/** Intl writes French numbers with narrow no-break spaces; compare with plain ones. */
function plain(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

describe('dashboard numbers', () => {
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
