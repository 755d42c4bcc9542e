import { describe, expect, it } from 'vitest';
import { activityParamsSearch, parseActivityParams } from '@/features/activities/list-params';

describe('activity list params in the URL', () => {
  it('reads a known category and a page, and falls back on anything else', () => {
    expect(parseActivityParams(new URLSearchParams('categorie=nature&page=3'))).toEqual({
      categorie: 'nature',
      page: 3,
    });
    expect(parseActivityParams(new URLSearchParams('categorie=casino&page=-2'))).toEqual({
      categorie: null,
      page: 1,
    });
    expect(parseActivityParams(new URLSearchParams('page=1.5'))).toEqual({
      categorie: null,
      page: 1,
    });
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    expect(activityParamsSearch({ categorie: null, page: 1 })).toBe('');
    const search = activityParamsSearch({ categorie: 'sport', page: 2 });
    expect(search).toBe('?categorie=sport&page=2');
    expect(parseActivityParams(new URLSearchParams(search))).toEqual({
      categorie: 'sport',
      page: 2,
    });
  });
});
