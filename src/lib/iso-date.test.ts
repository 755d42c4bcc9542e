import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatIsoDate,
  isIsoDate,
  isoFromParts,
  isoWeekday,
  isWeekend,
  todayIso,
} from '@/lib/iso-date';

describe('ISO days', () => {
  it('accepts real days only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('26-11-01')).toBe(false);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(isoFromParts(2026, 13, 1)).toBe('2027-01-01');
    expect(isoFromParts(2026, 3, 0)).toBe('2026-02-28');
  });

  it('counts whole days across the daylight-saving changes (Paris: 29 March and 25 October 2026)', () => {
    expect(daysBetween('2026-03-28', '2026-04-04')).toBe(7);
    expect(daysBetween('2026-10-24', '2026-10-31')).toBe(7);
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(daysBetween('2026-01-10', '2026-01-03')).toBe(-7);
  });

  it('knows Monday from Sunday', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isWeekend('2026-11-28')).toBe(true);
    expect(isWeekend('2026-11-27')).toBe(false);
  });

  it('writes a day in French without shifting it', () => {
    expect(formatIsoDate('2026-11-07', { dateStyle: 'full' })).toBe('samedi 7 novembre 2026');
    expect(formatIsoDate('2027-01-01', { day: 'numeric', month: 'long' })).toBe('1 janvier');
  });
});

describe('today on the device, in Paris', () => {
  const previous = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Europe/Paris';
  });
  afterAll(() => {
    process.env.TZ = previous;
  });

  it('is the local day, not the UTC one, just after midnight', () => {
    // 23:30 UTC on 31 December is already 1 January in Paris (UTC+1).
    expect(todayIso(new Date(Date.UTC(2026, 11, 31, 23, 30)))).toBe('2027-01-01');
    // 22:30 UTC on 30 June is 00:30 on 1 July in Paris (summer time, UTC+2).
    expect(todayIso(new Date(Date.UTC(2026, 5, 30, 22, 30)))).toBe('2026-07-01');
  });
});
