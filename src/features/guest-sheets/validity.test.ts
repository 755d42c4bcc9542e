import { describe, expect, it } from 'vitest';
import { defaultValidity, validityError } from '@/features/guest-sheets/validity';

describe('sheet validity', () => {
  it('opens 3 days before arrival and closes the day after departure by default', () => {
    expect(defaultValidity('2026-07-14', '2026-07-21')).toEqual({
      from: '2026-07-11',
      until: '2026-07-22',
    });
    // Across months and years.
    expect(defaultValidity('2027-01-02', '2027-01-31')).toEqual({
      from: '2026-12-30',
      until: '2027-02-01',
    });
  });

  it('accepts a one-day window and refuses one that ends before it starts', () => {
    expect(validityError('2026-07-14', '2026-07-14')).toBeNull();
    expect(validityError('2026-07-14', '2026-07-13')).toBe('order');
  });

  it('refuses missing or impossible days and windows over a year', () => {
    expect(validityError('', '2026-07-14')).toBe('missing');
    expect(validityError('2026-02-30', '2026-03-02')).toBe('missing');
    expect(validityError('2026-01-01', '2027-01-02')).toBeNull();
    expect(validityError('2026-01-01', '2027-01-03')).toBe('too-long');
  });
});
