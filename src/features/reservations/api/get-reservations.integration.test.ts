import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  countReservations,
  getReservationsPage,
  type ReservationsPageRequest,
} from '@/features/reservations/api/get-reservations';
import {
  addGite,
  idsNewestFirst,
  insertSeries,
  insertStays,
  ownerWithGite,
} from '@/features/reservations/api/reservations.fixtures';
import { EMPTY_FILTERS, type ReservationFilters } from '@/features/reservations/list-params';
import { signedUpOwner, superuserPool } from '../../../../dev/test/clients.ts';

const stack = inject('stack');
let db: pg.Pool;

beforeAll(async () => {
  db = await superuserPool(stack);
});
afterAll(async () => {
  await db.end();
});

function request(overrides: Partial<ReservationsPageRequest> = {}): ReservationsPageRequest {
  return { filters: EMPTY_FILTERS, sort: 'date-desc', page: 1, ...overrides };
}

function filters(patch: Partial<ReservationFilters>): ReservationFilters {
  return { ...EMPTY_FILTERS, ...patch };
}

describe('getReservationsPage: pagination edges', () => {
  it('an owner without reservations gets one empty page, whatever page is asked', async () => {
    const owner = await signedUpOwner(stack, 'resa-empty');
    const first = await getReservationsPage(owner.client, request());
    expect(first).toEqual({ rows: [], total: 0, page: 1, pageCount: 1 });
    const far = await getReservationsPage(owner.client, request({ page: 7 }));
    expect(far).toEqual({ rows: [], total: 0, page: 1, pageCount: 1 });
  });

  it('pages 120 stays by 50: two full pages then a partial one, newest first, no overlap', async () => {
    const { owner, giteId } = await ownerWithGite(stack, 'resa-pages');
    await insertSeries(db, owner.user.id, giteId, 120);
    const expected = await idsNewestFirst(db, owner.user.id);

    const pages = await Promise.all(
      [1, 2, 3].map((page) => getReservationsPage(owner.client, request({ page }))),
    );
    expect(pages.map((p) => p.rows.length)).toEqual([50, 50, 20]);
    expect(pages.map((p) => [p.page, p.total, p.pageCount])).toEqual([
      [1, 120, 3],
      [2, 120, 3],
      [3, 120, 3],
    ]);
    expect(pages.flatMap((p) => p.rows.map((row) => row.id))).toEqual(expected);
    const first = pages[0]?.rows[0];
    expect(first).toMatchObject({
      client_nom: 'Client 120',
      plateforme: 'airbnb',
      status: 'confirmed',
      has_overlap: false,
      gite_id: giteId,
    });
  });

  it('a page past the end gives the last page and its number, not an error', async () => {
    const { owner, giteId } = await ownerWithGite(stack, 'resa-past-end');
    await insertSeries(db, owner.user.id, giteId, 120);
    const past = await getReservationsPage(owner.client, request({ page: 9 }));
    expect([past.page, past.pageCount, past.total, past.rows.length]).toEqual([3, 3, 120, 20]);
    expect(past.rows.at(-1)?.client_nom).toBe('Client 1');
  });

  it('when the total is a multiple of 50, the page right after the end gives the last full page', async () => {
    const { owner, giteId } = await ownerWithGite(stack, 'resa-exact');
    await insertSeries(db, owner.user.id, giteId, 100);
    const past = await getReservationsPage(owner.client, request({ page: 3 }));
    expect([past.page, past.pageCount, past.rows.length]).toEqual([2, 2, 50]);
  });

  it('a page emptied by a filter falls back to the filtered last page', async () => {
    const { owner, giteId } = await ownerWithGite(stack, 'resa-filter-past');
    await insertSeries(db, owner.user.id, giteId, 120);
    const page = await getReservationsPage(
      owner.client,
      request({ page: 3, filters: filters({ search: 'client 11' }) }),
    );
    // "Client 11" and "Client 110" … "Client 119": 11 rows, one page.
    expect([page.page, page.total, page.rows.length]).toEqual([1, 11, 11]);
  });

  it('sorts by amount with the stays without one last, both ways, ties broken by id', async () => {
    const { owner, giteId } = await ownerWithGite(stack, 'resa-amount');
    await insertStays(db, owner.user.id, [
      { gite_id: giteId, date_debut: '2026-01-01', date_fin: '2026-01-03', montant: 300 },
      { gite_id: giteId, date_debut: '2026-02-01', date_fin: '2026-02-03', montant: null },
      { gite_id: giteId, date_debut: '2026-03-01', date_fin: '2026-03-03', montant: 100 },
      { gite_id: giteId, date_debut: '2026-04-01', date_fin: '2026-04-03', montant: 300 },
      { gite_id: giteId, date_debut: '2026-05-01', date_fin: '2026-05-03', montant: 0 },
    ]);
    const desc = await getReservationsPage(owner.client, request({ sort: 'montant-desc' }));
    expect(desc.rows.map((r) => [r.montant, r.date_debut])).toEqual([
      [300, '2026-04-01'],
      [300, '2026-01-01'],
      [100, '2026-03-01'],
      [0, '2026-05-01'],
      [null, '2026-02-01'],
    ]);
    const asc = await getReservationsPage(owner.client, request({ sort: 'montant-asc' }));
    expect(asc.rows.map((r) => r.montant)).toEqual([0, 100, 300, 300, null]);
    const oldest = await getReservationsPage(owner.client, request({ sort: 'date-asc' }));
    expect(oldest.rows.map((r) => r.date_debut)[0]).toBe('2026-01-01');
  });
});

describe('getReservationsPage: filters, combined in the query', () => {
  let owner: Awaited<ReturnType<typeof ownerWithGite>>['owner'];
  let mas: string;
  let grange: string;

  beforeAll(async () => {
    const arranged = await ownerWithGite(stack, 'resa-filters', 'Le Mas');
    owner = arranged.owner;
    mas = arranged.giteId;
    grange = await addGite(owner, 'La Grange');
    await insertStays(db, owner.user.id, [
      {
        gite_id: mas,
        date_debut: '2026-07-01',
        date_fin: '2026-07-08',
        client_nom: 'Jeanne Dupônt',
        plateforme: 'airbnb',
      },
      {
        gite_id: mas,
        date_debut: '2026-07-08',
        date_fin: '2026-07-15',
        client_nom: 'Marc DUPONT',
        plateforme: 'booking',
      },
      {
        gite_id: grange,
        date_debut: '2026-07-10',
        date_fin: '2026-07-20',
        client_nom: 'Élodie Martin',
        plateforme: 'direct',
        status: 'cancelled',
      },
      {
        gite_id: grange,
        date_debut: '2026-08-01',
        date_fin: '2026-08-05',
        client_nom: 'Paul Dupond',
        plateforme: 'abritel',
      },
      {
        gite_id: grange,
        date_debut: '2026-06-20',
        date_fin: '2026-07-01',
        client_nom: null,
        plateforme: 'booking',
        status: 'blocked',
      },
    ]);
  });

  async function names(patch: Partial<ReservationFilters>): Promise<Array<string | null>> {
    const page = await getReservationsPage(owner.client, request({ filters: filters(patch) }));
    expect(page.total).toBe(page.rows.length);
    expect(await countReservations(owner.client, filters(patch))).toBe(page.total);
    return page.rows.map((row) => row.client_nom);
  }

  it('by gîte', async () => {
    expect(await names({ giteId: mas })).toEqual(['Marc DUPONT', 'Jeanne Dupônt']);
  });

  it('by platform', async () => {
    expect(await names({ platform: 'booking' })).toEqual(['Marc DUPONT', null]);
    expect(await names({ platform: 'gites_de_france' })).toEqual([]);
  });

  it('by status', async () => {
    expect(await names({ status: 'cancelled' })).toEqual(['Élodie Martin']);
    expect(await names({ status: 'blocked' })).toEqual([null]);
  });

  it('by date interval: every stay with a night inside [from, to], bounds included', async () => {
    // 2026-07-01 → 2026-07-07: the stay leaving on 07-01 has no night inside; the one
    // arriving on 07-07 … there is none; the one arriving 07-08 is outside.
    expect(await names({ from: '2026-07-01', to: '2026-07-07' })).toEqual(['Jeanne Dupônt']);
    // Arriving on the last day counts.
    expect(await names({ from: '2026-07-15', to: '2026-08-01' })).toEqual([
      'Paul Dupond',
      'Élodie Martin',
    ]);
    expect(await names({ from: '2026-08-05' })).toEqual([]);
    expect(await names({ to: '2026-06-30' })).toEqual([null]);
  });

  it('by guest name, ignoring case and accents', async () => {
    expect(await names({ search: 'dupont' })).toEqual(['Marc DUPONT', 'Jeanne Dupônt']);
    expect(await names({ search: 'DUPÔNT' })).toEqual(['Marc DUPONT', 'Jeanne Dupônt']);
    expect(await names({ search: 'elodie' })).toEqual(['Élodie Martin']);
    expect(await names({ search: 'dupon' })).toEqual([
      'Paul Dupond',
      'Marc DUPONT',
      'Jeanne Dupônt',
    ]);
    // LIKE wildcards typed by the owner are not wildcards.
    expect(await names({ search: '%' })).toHaveLength(5);
    expect(await names({ search: 'd_pont' })).toEqual([]);
  });

  it('all filters together (AND)', async () => {
    expect(
      await names({
        giteId: mas,
        platform: 'booking',
        status: 'confirmed',
        from: '2026-07-10',
        to: '2026-07-31',
        search: 'dupont',
      }),
    ).toEqual(['Marc DUPONT']);
  });

  it("never shows another owner's reservations", async () => {
    const other = await signedUpOwner(stack, 'resa-filters-other');
    const page = await getReservationsPage(other.client, request({ filters: filters({}) }));
    expect(page.total).toBe(0);
    const byGite = await getReservationsPage(
      other.client,
      request({ filters: filters({ giteId: mas }) }),
    );
    expect(byGite.rows).toEqual([]);
  });
});

describe('has_overlap: the "double réservation ?" flag', () => {
  it('flags confirmed stays of one gîte that share a night, and only them', async () => {
    const { owner, giteId } = await ownerWithGite(stack, 'resa-overlap');
    const otherGite = await addGite(owner, 'Autre gîte');
    const [a, b, backToBack, cancelled, blocked, elsewhere] = await insertStays(db, owner.user.id, [
      { gite_id: giteId, date_debut: '2026-05-01', date_fin: '2026-05-08', client_nom: 'A' },
      { gite_id: giteId, date_debut: '2026-05-07', date_fin: '2026-05-10', client_nom: 'B' },
      // Arrives the day B leaves: a changeover, not an overlap.
      { gite_id: giteId, date_debut: '2026-05-10', date_fin: '2026-05-12', client_nom: 'C' },
      {
        gite_id: giteId,
        date_debut: '2026-05-10',
        date_fin: '2026-05-11',
        client_nom: 'D',
        status: 'cancelled',
      },
      {
        gite_id: giteId,
        date_debut: '2026-05-11',
        date_fin: '2026-05-12',
        client_nom: 'E',
        status: 'blocked',
      },
      { gite_id: otherGite, date_debut: '2026-05-01', date_fin: '2026-05-08', client_nom: 'F' },
    ]);
    const page = await getReservationsPage(owner.client, request());
    const flag = new Map(page.rows.map((row) => [row.id, row.has_overlap]));
    expect(flag.get(a ?? '')).toBe(true);
    expect(flag.get(b ?? '')).toBe(true);
    expect(flag.get(backToBack ?? '')).toBe(false);
    expect(flag.get(cancelled ?? '')).toBe(false);
    expect(flag.get(blocked ?? '')).toBe(false);
    expect(flag.get(elsewhere ?? '')).toBe(false);

    // Cancelling B clears A's flag.
    await db.query(`update public.reservations set status = 'cancelled' where id = $1`, [b]);
    const after = await getReservationsPage(owner.client, request());
    expect(after.rows.find((row) => row.id === a)?.has_overlap).toBe(false);
  });
});
