import { describe, expect, it } from 'vitest';
import { parisDay, validityDays } from '@/features/guest-sheets/format';

describe('sheet validity as days', () => {
  it('reads the database’s Paris midnights back as the first and last day', () => {
    // 2026-07-11 00:00 and 2026-07-23 00:00 in Paris (summer time, UTC+2).
    expect(validityDays('2026-07-10T22:00:00+00:00', '2026-07-22T22:00:00+00:00')).toEqual({
      from: '2026-07-11',
      until: '2026-07-22',
    });
    // Winter time (UTC+1).
    expect(parisDay('2026-12-31T23:00:00+00:00')).toBe('2027-01-01');
  });
});
