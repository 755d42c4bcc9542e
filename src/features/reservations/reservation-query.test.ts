import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '@/features/reservations/list-params';
import {
  countSource,
  filterOps,
  keysetCondition,
  nextCursor,
  orderSpecs,
} from '@/features/reservations/reservation-query';

const GITE = '0b6f3c1e-2d4a-4f5b-8c7d-9e0f1a2b3c4d';
const ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('filters → PostgREST conditions', () => {
  it('adds nothing without filters', () => {
    expect(filterOps(EMPTY_FILTERS)).toEqual([]);
  });

  it('maps gîte, platform and status to equalities', () => {
    expect(
      filterOps({ ...EMPTY_FILTERS, giteId: GITE, platform: 'booking', status: 'confirmed' }),
    ).toEqual([
      { op: 'eq', column: 'gite_id', value: GITE },
      { op: 'eq', column: 'plateforme', value: 'booking' },
      { op: 'eq', column: 'status', value: 'confirmed' },
    ]);
  });

  it('keeps the stays with a night in [from, to]', () => {
    expect(filterOps({ ...EMPTY_FILTERS, from: '2026-07-01', to: '2026-07-31' })).toEqual([
      { op: 'lte', column: 'date_debut', value: '2026-07-31' },
      { op: 'gt', column: 'date_fin', value: '2026-07-01' },
    ]);
    expect(filterOps({ ...EMPTY_FILTERS, from: '2026-07-01' })).toEqual([
      { op: 'gt', column: 'date_fin', value: '2026-07-01' },
    ]);
  });

  it('searches names without case or accents, wildcards removed', () => {
    expect(filterOps({ ...EMPTY_FILTERS, search: '  DUPÔNT ' })).toEqual([
      { op: 'like', column: 'client_nom_search', value: '%dupont%' },
    ]);
    expect(filterOps({ ...EMPTY_FILTERS, search: '%_' })).toEqual([]);
    expect(filterOps({ ...EMPTY_FILTERS, search: 'Lœtitia' })).toEqual([
      { op: 'like', column: 'client_nom_search', value: '%loetitia%' },
    ]);
  });
});

describe('sort orders', () => {
  it('ends every order with id, in the same direction as the date', () => {
    for (const sort of ['date-desc', 'date-asc', 'montant-desc', 'montant-asc'] as const) {
      expect(orderSpecs(sort).at(-1)?.column).toBe('id');
    }
    expect(orderSpecs('date-desc')).toEqual([
      { column: 'date_debut', ascending: false },
      { column: 'id', ascending: false },
    ]);
  });

  it('orders the date and the id without a NULLS clause, as their index does', () => {
    // `date_debut desc nulls last` does not match idx (owner, date_debut desc, id desc):
    // Postgres then read and sorted all of an owner's stays for every page (load test).
    for (const sort of ['date-desc', 'date-asc', 'montant-desc', 'montant-asc'] as const) {
      for (const spec of orderSpecs(sort).filter((s) => s.column !== 'montant')) {
        expect(spec).not.toHaveProperty('nullsFirst');
      }
    }
  });

  it('puts stays without an amount last in both directions', () => {
    expect(orderSpecs('montant-desc')[0]).toEqual({
      column: 'montant',
      ascending: false,
      nullsFirst: false,
    });
    expect(orderSpecs('montant-asc')[0]).toEqual({
      column: 'montant',
      ascending: true,
      nullsFirst: false,
    });
  });
});

describe('keyset cursor', () => {
  it('continues strictly after the last row, newest first', () => {
    expect(keysetCondition({ date_debut: '2026-07-14', id: ID }, 'desc')).toBe(
      `date_debut.lt.2026-07-14,and(date_debut.eq.2026-07-14,id.lt.${ID})`,
    );
    expect(keysetCondition({ date_debut: '2026-07-14', id: ID }, 'asc')).toBe(
      `date_debut.gt.2026-07-14,and(date_debut.eq.2026-07-14,id.gt.${ID})`,
    );
  });

  it('refuses a cursor that would inject into the filter string', () => {
    expect(() =>
      keysetCondition({ date_debut: '2026-07-14),or(id.gt.0', id: ID }, 'desc'),
    ).toThrow();
    expect(() => keysetCondition({ date_debut: '2026-07-14', id: 'x,id.gt.0' }, 'desc')).toThrow();
  });

  it('takes the last row of a full page and stops after a short one', () => {
    const rows = [
      { date_debut: '2026-07-20', id: '1' },
      { date_debut: '2026-07-14', id: ID },
    ];
    expect(nextCursor(rows, 2)).toEqual({ date_debut: '2026-07-14', id: ID });
    expect(nextCursor(rows, 3)).toBeNull();
    expect(nextCursor([], 3)).toBeNull();
  });
});

describe('where a list total comes from', () => {
  it('reads the per-owner counter without filters, or with the status alone', () => {
    expect(countSource(EMPTY_FILTERS)).toBe('all');
    expect(countSource({ ...EMPTY_FILTERS, status: 'blocked' })).toBe('blocked');
    // Blank search text is no filter.
    expect(countSource({ ...EMPTY_FILTERS, search: '   ' })).toBe('all');
  });

  it('lets the database count when any other filter narrows the list', () => {
    expect(countSource({ ...EMPTY_FILTERS, giteId: GITE })).toBeNull();
    expect(countSource({ ...EMPTY_FILTERS, platform: 'airbnb', status: 'confirmed' })).toBeNull();
    expect(countSource({ ...EMPTY_FILTERS, from: '2026-07-01' })).toBeNull();
    expect(countSource({ ...EMPTY_FILTERS, to: '2026-07-31' })).toBeNull();
    expect(countSource({ ...EMPTY_FILTERS, search: 'dupont' })).toBeNull();
  });
});
