import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  getReservationsHistoryPage,
  type HistorySort,
} from '@/features/reservations/api/get-reservations-history';
import {
  idsNewestFirst,
  insertSeries,
  insertStays,
  ownerWithGite,
  type TestOwner,
} from '@/features/reservations/api/reservations.fixtures';
import { EMPTY_FILTERS, type ReservationFilters } from '@/features/reservations/list-params';
import type { KeysetCursor } from '@/features/reservations/reservation-query';
import { superuserPool } from '../../../../dev/test/clients.ts';

const stack = inject('stack');
let db: pg.Pool;

beforeAll(async () => {
  db = await superuserPool(stack);
});
afterAll(async () => {
  await db.end();
});

interface Walk {
  ids: string[];
  requests: number;
  total: number | null;
}

/** Reads the whole history request by request, calling `between` after each page. */
async function walk(
  owner: TestOwner,
  {
    limit,
    sort = 'date-desc',
    filters = EMPTY_FILTERS,
    between,
  }: {
    limit: number;
    sort?: HistorySort;
    filters?: ReservationFilters;
    between?: (cursor: KeysetCursor, request: number) => Promise<void>;
  },
): Promise<Walk> {
  const ids: string[] = [];
  let cursor: KeysetCursor | null = null;
  let requests = 0;
  let total: number | null = null;
  do {
    const page = await getReservationsHistoryPage(owner.client, { filters, sort, cursor, limit });
    requests += 1;
    if (requests === 1) total = page.total;
    else expect(page.total).toBeNull();
    ids.push(...page.rows.map((row) => row.id));
    cursor = page.nextCursor;
    if (cursor && between) await between(cursor, requests);
  } while (cursor && requests < 1000);
  return { ids, requests, total };
}

describe('getReservationsHistoryPage: keyset on (date_debut, id)', () => {
  it('an empty history is one empty request', async () => {
    const { owner } = await ownerWithGite(stack, 'history-empty');
    const page = await getReservationsHistoryPage(owner.client, {
      filters: EMPTY_FILTERS,
      sort: 'date-desc',
      cursor: null,
    });
    expect(page).toEqual({ rows: [], nextCursor: null, total: 0 });
  });

  it('walks 450 stays by 100 in exactly the offset order, counting them on the first request', async () => {
    const { owner, giteId } = await ownerWithGite(stack, 'history-walk');
    await insertSeries(db, owner.user.id, giteId, 450);
    const expected = await idsNewestFirst(db, owner.user.id);
    const result = await walk(owner, { limit: 100 });
    expect(result.ids).toEqual(expected);
    expect(result.requests).toBe(5);
    expect(result.total).toBe(450);
  });

  it('keeps ties on the same arrival day in id order across a page boundary', async () => {
    const { owner, giteId } = await ownerWithGite(stack, 'history-ties');
    // 25 stays all arriving the same day: the cursor must use the id to continue.
    await insertStays(
      db,
      owner.user.id,
      Array.from({ length: 25 }, (_, i) => ({
        gite_id: giteId,
        date_debut: '2026-09-01',
        date_fin: '2026-09-03',
        client_nom: `Même jour ${i}`,
      })),
    );
    const expected = await idsNewestFirst(db, owner.user.id);
    const result = await walk(owner, { limit: 7 });
    expect(result.ids).toEqual(expected);
    const ascending = await walk(owner, { limit: 7, sort: 'date-asc' });
    expect(ascending.ids).toEqual([...expected].reverse());
  });

  it('has no duplicate and no gap while stays are inserted during the walk', async () => {
    const { owner, giteId } = await ownerWithGite(stack, 'history-inserts');
    await insertSeries(db, owner.user.id, giteId, 300);
    const before = new Set(await idsNewestFirst(db, owner.user.id));
    const behind: string[] = [];
    const ahead: string[] = [];
    const result = await walk(owner, {
      limit: 40,
      between: async (cursor, request) => {
        // Newer than the cursor (already passed: must not appear), on the cursor's own day
        // on both sides of its id, and older (not reached yet: must appear once).
        const day = cursor.date_debut;
        const [newer, older, sameDayA, sameDayB] = await insertStays(db, owner.user.id, [
          {
            gite_id: giteId,
            date_debut: '2030-01-01',
            date_fin: '2030-01-02',
            client_nom: `N${request}`,
          },
          {
            gite_id: giteId,
            date_debut: '2019-06-01',
            date_fin: '2019-06-02',
            client_nom: `O${request}`,
          },
          { gite_id: giteId, date_debut: day, date_fin: '2031-01-01', client_nom: `S${request}a` },
          { gite_id: giteId, date_debut: day, date_fin: '2031-01-01', client_nom: `S${request}b` },
        ]);
        for (const id of [newer, sameDayA, sameDayB]) {
          if (!id) continue;
          // On the cursor's day, only ids below the cursor's are still ahead.
          if (id === newer || id > cursor.id) behind.push(id);
          else ahead.push(id);
        }
        if (older) ahead.push(older);
      },
    });
    const seen = new Set(result.ids);
    expect(seen.size).toBe(result.ids.length);
    for (const id of before) expect(seen.has(id)).toBe(true);
    for (const id of ahead) expect(seen.has(id)).toBe(true);
    for (const id of behind) expect(seen.has(id)).toBe(false);
    expect(result.ids.length).toBe(before.size + ahead.length);
  });

  it('applies the filters to every request', async () => {
    const { owner, giteId } = await ownerWithGite(stack, 'history-filters');
    await insertSeries(db, owner.user.id, giteId, 200);
    const result = await walk(owner, {
      limit: 3,
      filters: { ...EMPTY_FILTERS, search: 'client 1', from: '2020-06-01' },
    });
    const { rows } = await db.query<{ id: string }>(
      `select id from public.reservations
       where owner_user_id = $1 and client_nom like 'Client 1%' and date_fin > '2020-06-01'
       order by date_debut desc, id desc`,
      [owner.user.id],
    );
    expect(rows.length).toBeGreaterThan(3);
    expect(result.ids).toEqual(rows.map((row) => row.id));
    expect(result.total).toBe(rows.length);
  });
});
