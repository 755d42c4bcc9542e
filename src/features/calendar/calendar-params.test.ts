import { describe, expect, it } from 'vitest';
import { calendarSearch, parseCalendarParams } from '@/features/calendar/calendar-params';

const giteId = '00000000-0000-4000-8000-00000000a001';

describe('calendar URL', () => {
  it('reads the month and the gîte', () => {
    expect(
      parseCalendarParams(new URLSearchParams(`mois=2027-02&gite=${giteId}`), '2026-11-23'),
    ).toEqual({ month: { year: 2027, month: 2 }, giteId });
  });

  it('falls back to the current month and the timeline', () => {
    expect(parseCalendarParams(new URLSearchParams(''), '2026-11-23')).toEqual({
      month: { year: 2026, month: 11 },
      giteId: null,
    });
    expect(
      parseCalendarParams(new URLSearchParams('mois=2026-13&gite=pas-un-id'), '2027-01-01'),
    ).toEqual({ month: { year: 2027, month: 1 }, giteId: null });
  });

  it('writes the month first, then the gîte', () => {
    expect(calendarSearch({ month: { year: 2026, month: 11 }, giteId: null })).toBe(
      '?mois=2026-11',
    );
    expect(calendarSearch({ month: { year: 2027, month: 1 }, giteId })).toBe(
      `?mois=2027-01&gite=${giteId}`,
    );
  });
});
