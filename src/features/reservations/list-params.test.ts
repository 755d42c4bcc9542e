import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIST_PARAMS,
  EMPTY_FILTERS,
  hasActiveFilters,
  MAX_PAGE,
  parseListParams,
  type ReservationListParams,
  serializeListParams,
  supportsKeyset,
  withFilters,
} from '@/features/reservations/list-params';

const GITE = '0b6f3c1e-2d4a-4f5b-8c7d-9e0f1a2b3c4d';

function parse(query: string): ReservationListParams {
  return parseListParams(new URLSearchParams(query));
}

describe('reservation list URL', () => {
  it('reads a bare /reservations as page 1, newest first, no filter, paged view', () => {
    expect(parse('')).toEqual(DEFAULT_LIST_PARAMS);
  });

  it('reads every parameter', () => {
    expect(
      parse(
        `page=3&gite=${GITE}&plateforme=airbnb&statut=cancelled&du=2026-07-01&au=2026-08-31&q=%20Dup%C3%B4nt%20&tri=montant-desc&vue=historique`,
      ),
    ).toEqual({
      filters: {
        giteId: GITE,
        platform: 'airbnb',
        status: 'cancelled',
        from: '2026-07-01',
        to: '2026-08-31',
        search: 'Dupônt',
      },
      sort: 'montant-desc',
      view: 'history',
      page: 3,
    });
  });

  it('round-trips through serialise and parse', () => {
    const params: ReservationListParams = {
      filters: {
        giteId: GITE,
        platform: 'direct',
        status: 'confirmed',
        from: '2025-01-01',
        to: '2025-12-31',
        search: 'Élodie Martin',
      },
      sort: 'date-asc',
      view: 'pages',
      page: 12,
    };
    expect(parse(serializeListParams(params).toString())).toEqual(params);
  });

  it('leaves defaults out of the URL', () => {
    expect(serializeListParams(DEFAULT_LIST_PARAMS).toString()).toBe('');
    expect(serializeListParams({ ...DEFAULT_LIST_PARAMS, page: 2 }).toString()).toBe('page=2');
    expect(
      serializeListParams({ ...DEFAULT_LIST_PARAMS, view: 'history', page: 4 }).toString(),
    ).toBe('vue=historique');
  });

  it('keeps the page of the history sorted by amount (it falls back to pages)', () => {
    const params: ReservationListParams = {
      ...DEFAULT_LIST_PARAMS,
      sort: 'montant-desc',
      view: 'history',
      page: 3,
    };
    expect(serializeListParams(params).toString()).toBe('tri=montant-desc&vue=historique&page=3');
    expect(parse(serializeListParams(params).toString())).toEqual(params);
  });

  it.each(['0', '-2', '2.5', 'abc', '', '1e3'])('falls back to page 1 for page=%s', (page) => {
    expect(parse(`page=${page}`).page).toBe(1);
  });

  it('caps absurd page numbers instead of failing', () => {
    expect(parse('page=999999999').page).toBe(MAX_PAGE);
  });

  it('ignores unknown or malformed filter values', () => {
    const params = parse(
      'gite=not-a-uuid&plateforme=vrbo&statut=maybe&du=2026-02-30&au=31/12/2026&tri=prix&vue=grille',
    );
    expect(params).toEqual(DEFAULT_LIST_PARAMS);
  });

  it('swaps a reversed date interval', () => {
    const { filters } = parse('du=2026-08-31&au=2026-07-01');
    expect([filters.from, filters.to]).toEqual(['2026-07-01', '2026-08-31']);
  });

  it('lower-cases the gîte id and bounds the search text', () => {
    const params = parse(`gite=${GITE.toUpperCase()}&q=${'a'.repeat(300)}`);
    expect(params.filters.giteId).toBe(GITE);
    expect(params.filters.search).toHaveLength(100);
  });

  it('goes back to page 1 when a filter changes', () => {
    const next = withFilters({ ...DEFAULT_LIST_PARAMS, page: 7 }, { status: 'blocked' });
    expect(next.page).toBe(1);
    expect(next.filters).toEqual({ ...EMPTY_FILTERS, status: 'blocked' });
  });

  it('knows when a filter is active', () => {
    expect(hasActiveFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, search: '  ' })).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, to: '2026-01-01' })).toBe(true);
  });

  it('offers the keyset history for the date sorts only', () => {
    expect(supportsKeyset('date-desc')).toBe(true);
    expect(supportsKeyset('date-asc')).toBe(true);
    expect(supportsKeyset('montant-desc')).toBe(false);
  });
});
