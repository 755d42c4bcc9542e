import { describe, expect, it } from 'vitest';
import { periodDates, periodSearch, readPeriod } from './period-params';

describe('readPeriod', () => {
  it('reads a quarter or a month from the URL', () => {
    const q = readPeriod(
      new URLSearchParams('periode=trimestre&annee=2031&n=1&page=2'),
      '2030-06-15',
    );
    expect(q).toEqual({ kind: 'trimestre', year: 2031, index: 1, page: 2 });
    expect(periodDates(q)).toEqual({ from: '2031-01-01', to: '2031-04-01' });
    const m = readPeriod(new URLSearchParams('periode=mois&annee=2031&n=12'), '2030-06-15');
    expect(periodDates(m)).toEqual({ from: '2031-12-01', to: '2032-01-01' });
  });
  it('falls back to the current quarter and page 1 on bad values', () => {
    expect(readPeriod(new URLSearchParams('n=9&annee=abc&page=-1'), '2030-08-15')).toEqual({
      kind: 'trimestre',
      year: 2030,
      index: 3,
      page: 1,
    });
  });
  it('writes the period back to the URL, page 1 left out', () => {
    expect(periodSearch({ kind: 'mois', year: 2031, index: 2, page: 1 })).toBe(
      '?periode=mois&annee=2031&n=2',
    );
  });
});
