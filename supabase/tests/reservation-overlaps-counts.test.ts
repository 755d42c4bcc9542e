/**
 * reservation_overlaps and reservation_counts, kept by statement triggers on reservations
 * (migration 20261124000200): whatever writes a stay — the owner through the API, two
 * transactions at once, a gîte deletion's cascade, an account deletion — the flags and the
 * counts end up what a full recomputation gives. Against the real local stack.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedUpOwner, superuserPool } from '../../dev/test/clients.ts';
import type { Database, TablesInsert } from '../../src/lib/database.types.ts';

const stack = inject('stack');

type Client = SupabaseClient<Database>;
type NewReservation = TablesInsert<'reservations'>;
type Owner = Awaited<ReturnType<typeof signedUpOwner>>;

let db: pg.Pool;

beforeAll(async () => {
  db = await superuserPool(stack);
});

afterAll(async () => {
  await db.end();
});

async function createGite(client: Client, nom: string): Promise<string> {
  const { data, error } = await client.from('gites').insert({ nom }).select('id').single();
  if (error) throw error;
  return data.id;
}

function stay(
  gite_id: string,
  date_debut: string,
  date_fin: string,
  extra: Partial<NewReservation> = {},
) {
  return { gite_id, date_debut, date_fin, plateforme: 'direct', status: 'confirmed', ...extra };
}

async function insertStays(client: Client, rows: NewReservation[]): Promise<string[]> {
  const { data, error } = await client
    .from('reservations')
    .insert(rows, { defaultToNull: false })
    .select('id');
  if (error) throw error;
  return data.map((r) => r.id);
}

/** The owner's flagged stays, as the triggers left them. */
async function storedFlags(owner: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    'select id from public.reservation_overlaps where owner_user_id = $1 order by id',
    [owner],
  );
  return rows.map((r) => r.id);
}

/** The owner's stays that overlap another confirmed stay, recomputed from scratch. */
async function recomputedFlags(owner: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select r.id from public.reservations r
     where r.owner_user_id = $1 and r.status = 'confirmed'
       and exists (select 1 from public.reservations o
                   where o.gite_id = r.gite_id and o.status = 'confirmed' and o.id <> r.id
                     and o.date_debut < r.date_fin and o.date_fin > r.date_debut)
     order by r.id`,
    [owner],
  );
  return rows.map((r) => r.id);
}

interface Counts {
  confirmed: number;
  blocked: number;
  cancelled: number;
}

async function storedCounts(owner: string): Promise<Counts | null> {
  const { rows } = await db.query<Counts>(
    `select confirmed::int, blocked::int, cancelled::int
     from public.reservation_counts where owner_user_id = $1`,
    [owner],
  );
  return rows[0] ?? null;
}

async function recomputedCounts(owner: string): Promise<Counts> {
  const { rows } = await db.query<Counts>(
    `select count(*) filter (where status = 'confirmed')::int as confirmed,
            count(*) filter (where status = 'blocked')::int as blocked,
            count(*) filter (where status = 'cancelled')::int as cancelled
     from public.reservations where owner_user_id = $1`,
    [owner],
  );
  const counts = rows[0];
  if (!counts) throw new Error('count query returned no row');
  return counts;
}

/** A connection acting as the owner through RLS, inside a transaction it leaves open. */
async function ownerTransaction(owner: string): Promise<pg.PoolClient> {
  const conn = await db.connect();
  await conn.query('begin');
  await conn.query('set local role authenticated');
  await conn.query("select set_config('request.jwt.claims', $1, true)", [
    JSON.stringify({ sub: owner, role: 'authenticated' }),
  ]);
  return conn;
}

// ---------------------------------------------------------------------------------------------
describe('overlap flags follow every change', () => {
  let owner: Owner;
  let giteA: string;
  let giteB: string;

  beforeAll(async () => {
    owner = await signedUpOwner(stack, 'overlap-flags');
    giteA = await createGite(owner.client, 'Gîte A');
    giteB = await createGite(owner.client, 'Gîte B');
  });

  it('flags both stays when the second one is added, and clears them when it moves away', async () => {
    const [first] = await insertStays(owner.client, [stay(giteA, '2032-07-01', '2032-07-08')]);
    const [second] = await insertStays(owner.client, [stay(giteA, '2032-07-05', '2032-07-10')]);
    expect(await storedFlags(owner.user.id)).toEqual([first, second].sort());

    // Moved to arrive the day `first` leaves: no shared night.
    await owner.client
      .from('reservations')
      .update({ date_debut: '2032-07-08', date_fin: '2032-07-12' })
      .eq('id', second ?? '');
    expect(await storedFlags(owner.user.id)).toEqual([]);

    // Moved to the other gîte on the same dates: still nothing.
    await owner.client
      .from('reservations')
      .update({ gite_id: giteB, date_debut: '2032-07-01', date_fin: '2032-07-08' })
      .eq('id', second ?? '');
    expect(await storedFlags(owner.user.id)).toEqual([]);

    // Back into gîte A over `first`, then deleted: flagged, then cleared.
    await owner.client
      .from('reservations')
      .update({ gite_id: giteA })
      .eq('id', second ?? '');
    expect(await storedFlags(owner.user.id)).toEqual([first, second].sort());
    await owner.client
      .from('reservations')
      .delete()
      .eq('id', second ?? '');
    expect(await storedFlags(owner.user.id)).toEqual([]);
  });

  it('drops the flag of a stay that is cancelled or blocked, and restores it when confirmed again', async () => {
    const [a, b] = await insertStays(owner.client, [
      stay(giteB, '2033-02-01', '2033-02-10'),
      stay(giteB, '2033-02-05', '2033-02-06'),
    ]);
    expect(await storedFlags(owner.user.id)).toEqual([a, b].sort());
    await owner.client
      .from('reservations')
      .update({ status: 'cancelled' })
      .eq('id', b ?? '');
    expect(await storedFlags(owner.user.id)).toEqual([]);
    await owner.client
      .from('reservations')
      .update({ status: 'blocked' })
      .eq('id', b ?? '');
    expect(await storedFlags(owner.user.id)).toEqual([]);
    await owner.client
      .from('reservations')
      .update({ status: 'confirmed' })
      .eq('id', b ?? '');
    expect(await storedFlags(owner.user.id)).toEqual([a, b].sort());
    // An edit that moves nothing keeps the flags as they are.
    await owner.client
      .from('reservations')
      .update({ notes: 'arrivée tardive' })
      .eq('id', b ?? '');
    expect(await storedFlags(owner.user.id)).toEqual([a, b].sort());
    await owner.client
      .from('reservations')
      .delete()
      .in('id', [a ?? '', b ?? '']);
  });

  it('flags both of two stays moved onto each other by two transactions at the same moment', async () => {
    // Moves, not inserts: an insert also waits on the owner's count row, which would hide a
    // missing gîte lock; a date change takes no other lock.
    const gite = await createGite(owner.client, 'Gîte concurrent');
    const [s1, s2] = await insertStays(owner.client, [
      stay(gite, '2034-06-01', '2034-06-05'),
      stay(gite, '2034-07-01', '2034-07-05'),
    ]);
    const first = await ownerTransaction(owner.user.id);
    const second = await ownerTransaction(owner.user.id);
    try {
      const move = 'update public.reservations set date_debut = $2, date_fin = $3 where id = $1';
      // Alone, neither move makes an overlap: each transaction sees the other stay elsewhere.
      await first.query(move, [s1, '2034-05-10', '2034-05-15']);
      // The second waits for the first's gîte lock, so its trigger runs after the first commits.
      const secondMove = second.query(move, [s2, '2034-05-12', '2034-05-17']);
      await new Promise((resolve) => setTimeout(resolve, 150));
      await first.query('commit');
      await secondMove;
      await second.query('commit');
      const { rows } = await db.query<{ id: string }>(
        `select f.id from public.reservation_overlaps f
         join public.reservations r on r.id = f.id where r.gite_id = $1 order by f.id`,
        [gite],
      );
      expect(rows.map((r) => r.id)).toEqual([s1, s2].sort());
    } finally {
      first.release();
      second.release();
    }
  });

  it('agrees with a full recomputation after many random changes (long lets included)', async () => {
    const gites = [giteA, giteB, await createGite(owner.client, 'Gîte C')];
    // A small deterministic generator: the same sequence on every run.
    let seed = 20261124;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const day = (offset: number) =>
      new Date(Date.UTC(2035, 0, 1 + offset)).toISOString().slice(0, 10);
    const randomStay = (): NewReservation => {
      const start = random(120);
      const nights = random(10) === 0 ? 32 + random(60) : 1 + random(9);
      const status = (['confirmed', 'confirmed', 'confirmed', 'blocked', 'cancelled'] as const)[
        random(5)
      ];
      return stay(gites[random(3)] ?? giteA, day(start), day(start + nights), { status });
    };
    const ids = await insertStays(owner.client, Array.from({ length: 40 }, randomStay));
    for (let step = 0; step < 60; step += 1) {
      const id = ids[random(ids.length)] ?? '';
      const action = random(4);
      if (action === 0) {
        const moved = randomStay();
        await owner.client
          .from('reservations')
          .update({
            gite_id: moved.gite_id,
            date_debut: moved.date_debut,
            date_fin: moved.date_fin,
          })
          .eq('id', id);
      } else if (action === 1) {
        const status = (['confirmed', 'blocked', 'cancelled'] as const)[random(3)];
        await owner.client.from('reservations').update({ status }).eq('id', id);
      } else if (action === 2) {
        ids.push(...(await insertStays(owner.client, [randomStay(), randomStay()])));
      } else {
        await owner.client.from('reservations').delete().eq('id', id);
      }
    }
    const flagged = await storedFlags(owner.user.id);
    expect(flagged.length).toBeGreaterThan(3);
    expect(flagged).toEqual(await recomputedFlags(owner.user.id));
    expect(await storedCounts(owner.user.id)).toEqual(await recomputedCounts(owner.user.id));

    // The rebuild used after bulk loads gives the same flags and counts.
    await db.query('select public.rebuild_reservation_overlaps($1)', [owner.user.id]);
    await db.query('select public.rebuild_reservation_counts($1)', [owner.user.id]);
    expect(await storedFlags(owner.user.id)).toEqual(flagged);
    expect(await storedCounts(owner.user.id)).toEqual(await recomputedCounts(owner.user.id));
  });
});

// ---------------------------------------------------------------------------------------------
describe('reservation counts', () => {
  let owner: Owner;

  beforeAll(async () => {
    owner = await signedUpOwner(stack, 'counts');
  });

  it('counts stays by status through inserts, status changes and deletes', async () => {
    expect(await storedCounts(owner.user.id)).toBeNull();
    const gite = await createGite(owner.client, 'Compté');
    const ids = await insertStays(owner.client, [
      stay(gite, '2032-01-01', '2032-01-03'),
      stay(gite, '2032-01-05', '2032-01-07'),
      stay(gite, '2032-01-09', '2032-01-11', { status: 'blocked' }),
    ]);
    expect(await storedCounts(owner.user.id)).toEqual({ confirmed: 2, blocked: 1, cancelled: 0 });

    await owner.client
      .from('reservations')
      .update({ status: 'cancelled' })
      .eq('id', ids[0] ?? '');
    expect(await storedCounts(owner.user.id)).toEqual({ confirmed: 1, blocked: 1, cancelled: 1 });

    // What the owner reads, through RLS: their row only.
    const { data } = await owner.client
      .from('reservation_counts')
      .select('confirmed, blocked, cancelled');
    expect(data).toEqual([{ confirmed: 1, blocked: 1, cancelled: 1 }]);

    await owner.client
      .from('reservations')
      .delete()
      .eq('id', ids[1] ?? '');
    expect(await storedCounts(owner.user.id)).toEqual({ confirmed: 0, blocked: 1, cancelled: 1 });
  });

  it('follows a gîte deletion (cascade) and lets the account be deleted', async () => {
    const gite = await createGite(owner.client, 'Supprimé');
    await insertStays(owner.client, [
      stay(gite, '2032-03-01', '2032-03-03'),
      stay(gite, '2032-03-02', '2032-03-04'),
    ]);
    const before = await storedCounts(owner.user.id);
    const { error } = await owner.client.from('gites').delete().eq('id', gite);
    expect(error).toBeNull();
    expect(await storedCounts(owner.user.id)).toEqual(
      before && { ...before, confirmed: before.confirmed - 2 },
    );
    expect(await storedCounts(owner.user.id)).toEqual(await recomputedCounts(owner.user.id));

    await db.query('delete from auth.users where id = $1', [owner.user.id]);
    expect(await storedCounts(owner.user.id)).toBeNull();
    expect(await storedFlags(owner.user.id)).toEqual([]);
  });
});
