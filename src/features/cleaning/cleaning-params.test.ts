import { describe, expect, it } from 'vitest';
import {
  cleaningSearch,
  DEFAULT_CLEANING_PARAMS,
  parseCleaningParams,
} from '@/features/cleaning/cleaning-params';

const GITE = '3f2a8a9e-5c1b-4d2e-9f00-1234567890ab';
const CLEANER = '11111111-2222-4333-8444-555555555555';

describe('Ménage URL', () => {
  it('defaults to the coming planned cleanings of every gîte', () => {
    expect(parseCleaningParams(new URLSearchParams(''))).toEqual(DEFAULT_CLEANING_PARAMS);
    expect(cleaningSearch(DEFAULT_CLEANING_PARAMS)).toBe('');
  });

  it('reads and writes every filter', () => {
    const search = `?periode=passes&statut=done&gite=${GITE}&intervenant=${CLEANER}&page=3`;
    const params = parseCleaningParams(new URLSearchParams(search));
    expect(params).toEqual({
      period: 'past',
      status: 'done',
      giteId: GITE,
      cleaner: CLEANER,
      page: 3,
    });
    expect(cleaningSearch(params)).toBe(search);
    const all = parseCleaningParams(new URLSearchParams('statut=tous&intervenant=aucun'));
    expect(all).toMatchObject({ status: null, cleaner: 'none' });
    expect(cleaningSearch(all)).toBe('?statut=tous&intervenant=aucun');
  });

  it('ignores anything malformed', () => {
    expect(
      parseCleaningParams(
        new URLSearchParams('periode=x&statut=drop&gite=1;--&intervenant=x&page=-1'),
      ),
    ).toEqual(DEFAULT_CLEANING_PARAMS);
  });
});
