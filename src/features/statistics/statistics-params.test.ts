import { describe, expect, it } from 'vitest';
import {
  parseStatisticsParams,
  statisticsSearch,
  yearChoices,
} from '@/features/statistics/statistics-params';

const TODAY = '2026-11-24';
const GITE = '3f2a8a9e-5c1b-4d2e-9f00-1234567890ab';

describe('statistics URL', () => {
  it('offers next year down to ten years back', () => {
    const years = yearChoices(TODAY);
    expect(years[0]).toBe(2027);
    expect(years.at(-1)).toBe(2016);
    expect(years).toHaveLength(12);
  });

  it('reads a year, a gîte and a page', () => {
    const params = parseStatisticsParams(
      new URLSearchParams(`annee=2025&gite=${GITE.toUpperCase()}&page=3`),
      TODAY,
    );
    expect(params).toEqual({ year: 2025, giteId: GITE, page: 3 });
    expect(statisticsSearch(params)).toBe(`?annee=2025&gite=${GITE}&page=3`);
  });

  it('falls back to this year, every gîte and the first page on anything else', () => {
    for (const query of [
      'annee=1999',
      'annee=abc',
      'annee=20255',
      'gite=1;drop',
      'page=-2',
      'page=x',
    ]) {
      expect(parseStatisticsParams(new URLSearchParams(query), TODAY)).toEqual({
        year: 2026,
        giteId: null,
        page: 1,
      });
    }
    expect(statisticsSearch({ year: 2026, giteId: null, page: 1 })).toBe('?annee=2026');
  });
});
