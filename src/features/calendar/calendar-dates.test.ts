import { describe, expect, it } from 'vitest';
import {
  addMonths,
  assignLanes,
  daysInMonth,
  formatYearMonth,
  intersectIntervals,
  monthGrid,
  monthInterval,
  monthLabel,
  parseYearMonth,
  placeStay,
  stayNights,
  weekdayNames,
} from '@/features/calendar/calendar-dates';

const november = { year: 2026, month: 11 };

describe('months', () => {
  it('reads and writes the ?mois= parameter', () => {
    expect(parseYearMonth('2026-11')).toEqual(november);
    expect(formatYearMonth({ year: 2027, month: 1 })).toBe('2027-01');
    for (const bad of [null, '', '2026-13', '2026-00', '2026-1', 'novembre', '2026-11-01']) {
      expect(parseYearMonth(bad)).toBeNull();
    }
  });

  it('moves across year boundaries', () => {
    expect(addMonths({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(addMonths({ year: 2027, month: 1 }, -1)).toEqual({ year: 2026, month: 12 });
    expect(addMonths(november, -23)).toEqual({ year: 2024, month: 12 });
    expect(addMonths(november, 14)).toEqual({ year: 2028, month: 1 });
  });

  it('has a half-open interval, December running to 1 January', () => {
    expect(monthInterval(november)).toEqual({ from: '2026-11-01', to: '2026-12-01' });
    expect(monthInterval({ year: 2026, month: 12 })).toEqual({
      from: '2026-12-01',
      to: '2027-01-01',
    });
  });

  it('counts February 29 in leap years only', () => {
    expect(daysInMonth({ year: 2028, month: 2 })).toHaveLength(29);
    expect(daysInMonth({ year: 2028, month: 2 }).at(-1)).toBe('2028-02-29');
    expect(daysInMonth({ year: 2027, month: 2 })).toHaveLength(28);
    expect(daysInMonth({ year: 2100, month: 2 })).toHaveLength(28);
    expect(daysInMonth({ year: 2000, month: 2 })).toHaveLength(29);
  });

  it('has every day of March 2026 despite the change to summer time', () => {
    const days = daysInMonth({ year: 2026, month: 3 });
    expect(days).toHaveLength(31);
    expect(days.slice(27, 31)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31']);
  });

  it('is named in French', () => {
    expect(monthLabel(november)).toBe('novembre 2026');
    expect(monthLabel({ year: 2027, month: 2 })).toBe('février 2027');
    expect(weekdayNames('long')).toEqual([
      'lundi',
      'mardi',
      'mercredi',
      'jeudi',
      'vendredi',
      'samedi',
      'dimanche',
    ]);
  });
});

describe('month grid (Monday first)', () => {
  it('starts on the Monday before a month that begins on Sunday and ends on a Sunday', () => {
    const weeks = monthGrid(november);
    expect(weeks).toHaveLength(6);
    expect(weeks[0]?.[0]).toBe('2026-10-26');
    expect(weeks[0]?.[6]).toBe('2026-11-01');
    expect(weeks.at(-1)?.[0]).toBe('2026-11-30');
    expect(weeks.at(-1)?.[6]).toBe('2026-12-06');
    for (const week of weeks) expect(week).toHaveLength(7);
  });

  it('is exactly four weeks for February 2027 (starts on a Monday, 28 days)', () => {
    const weeks = monthGrid({ year: 2027, month: 2 });
    expect(weeks).toHaveLength(4);
    expect(weeks[0]?.[0]).toBe('2027-02-01');
    expect(weeks[3]?.[6]).toBe('2027-02-28');
  });

  it('spans the new year for December 2026', () => {
    const weeks = monthGrid({ year: 2026, month: 12 });
    expect(weeks[0]?.[0]).toBe('2026-11-30');
    expect(weeks.at(-1)?.[6]).toBe('2027-01-03');
  });

  it('has continuous days across the October 2026 clock change', () => {
    const days = monthGrid({ year: 2026, month: 10 }).flat();
    expect(days).toContain('2026-10-25');
    expect(new Set(days).size).toBe(days.length);
    expect(days.indexOf('2026-10-26') - days.indexOf('2026-10-25')).toBe(1);
  });
});

describe('stays', () => {
  it('counts nights across daylight-saving changes, months and years', () => {
    expect(stayNights({ date_debut: '2026-03-28', date_fin: '2026-04-04' })).toBe(7);
    expect(stayNights({ date_debut: '2026-10-24', date_fin: '2026-10-26' })).toBe(2);
    expect(stayNights({ date_debut: '2026-12-30', date_fin: '2027-01-02' })).toBe(3);
    expect(stayNights({ date_debut: '2028-02-28', date_fin: '2028-03-01' })).toBe(2);
  });

  const month = monthInterval(november); // 30 days: halves 0 … 60

  it('starts on the arrival afternoon and ends after the departure morning', () => {
    expect(placeStay({ date_debut: '2026-11-07', date_fin: '2026-11-14' }, month)).toEqual({
      startHalf: 13,
      endHalf: 27,
      startsBefore: false,
      endsAfter: false,
    });
    // One night: one day wide, half of each day.
    expect(placeStay({ date_debut: '2026-11-01', date_fin: '2026-11-02' }, month)).toEqual({
      startHalf: 1,
      endHalf: 3,
      startsBefore: false,
      endsAfter: false,
    });
  });

  it('is cut at the month edges', () => {
    expect(placeStay({ date_debut: '2026-10-28', date_fin: '2026-11-03' }, month)).toEqual({
      startHalf: 0,
      endHalf: 5,
      startsBefore: true,
      endsAfter: false,
    });
    expect(placeStay({ date_debut: '2026-11-28', date_fin: '2026-12-05' }, month)).toEqual({
      startHalf: 55,
      endHalf: 60,
      startsBefore: false,
      endsAfter: true,
    });
    expect(placeStay({ date_debut: '2026-10-01', date_fin: '2027-01-01' }, month)).toEqual({
      startHalf: 0,
      endHalf: 60,
      startsBefore: true,
      endsAfter: true,
    });
  });

  it('leaves out a departure on the 1st and keeps an arrival on the last day', () => {
    expect(placeStay({ date_debut: '2026-10-25', date_fin: '2026-11-01' }, month)).toBeNull();
    expect(placeStay({ date_debut: '2026-11-30', date_fin: '2026-12-03' }, month)).toEqual({
      startHalf: 59,
      endHalf: 60,
      startsBefore: false,
      endsAfter: true,
    });
    expect(placeStay({ date_debut: '2026-12-01', date_fin: '2026-12-03' }, month)).toBeNull();
  });

  it('fills the whole of a departure-on-the-1st-of-next-month stay up to the edge', () => {
    expect(placeStay({ date_debut: '2026-11-29', date_fin: '2026-12-01' }, month)).toEqual({
      startHalf: 57,
      endHalf: 60,
      startsBefore: false,
      endsAfter: true,
    });
  });

  it('places a stay in February of a leap year', () => {
    const feb = monthInterval({ year: 2028, month: 2 }); // 29 days: halves 0 … 58
    expect(placeStay({ date_debut: '2028-02-28', date_fin: '2028-03-02' }, feb)).toEqual({
      startHalf: 55,
      endHalf: 58,
      startsBefore: false,
      endsAfter: true,
    });
  });

  it('places a stay in a week cut by the month', () => {
    const week = { from: '2026-11-30', to: '2026-12-07' };
    const visible = intersectIntervals(week, month);
    expect(visible).toEqual({ from: '2026-11-30', to: '2026-12-01' });
    expect(intersectIntervals({ from: '2026-12-01', to: '2026-12-07' }, month)).toBeNull();
  });
});

describe('lanes', () => {
  it('keeps back-to-back stays (departure and arrival the same day) on one lane', () => {
    expect(
      assignLanes([
        { startHalf: 1, endHalf: 15 },
        { startHalf: 15, endHalf: 21 },
      ]),
    ).toEqual({ lanes: [0, 0], laneCount: 1 });
  });

  it('puts a double booking on a second lane', () => {
    expect(
      assignLanes([
        { startHalf: 21, endHalf: 35 },
        { startHalf: 1, endHalf: 25 },
        { startHalf: 25, endHalf: 29 },
      ]),
    ).toEqual({ lanes: [1, 0, 0], laneCount: 2 });
  });

  it('has one lane when there is nothing', () => {
    expect(assignLanes([])).toEqual({ lanes: [], laneCount: 1 });
  });
});
