/**
 * Ménage (issue 7), against the real local stack: the departure cleanings the triggers keep
 * in step with the stays, "même jour" and the next guests, and the cleaners' secret links —
 * what the anonymous page reads and may change, and what it never reaches.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { updateCleaning } from '@/features/cleaning/api/update-cleaning';
import { CHANGED_MEANWHILE, commonMessages, describeError } from '@/lib/i18n';
import { signedUpOwner, superuserPool, testClient } from '../../dev/test/clients.ts';
import type { Database, TablesInsert } from '../../src/lib/database.types.ts';

const stack = inject('stack');

type Client = SupabaseClient<Database>;
type Owner = Awaited<ReturnType<typeof signedUpOwner>>;

let db: pg.Pool;
const anon = testClient(stack);

beforeAll(async () => {
  db = await superuserPool(stack);
});

afterAll(async () => {
  await db.end();
});

/** An ISO date `days` from today (the database's today: both run on this machine). */
function inDays(days: number): string {
  const date = new Date();
  date.setUTCHours(12, 0, 0, 0);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function createGite(client: Client, nom: string): Promise<string> {
  const { data, error } = await client.from('gites').insert({ nom }).select('id').single();
  if (error) throw error;
  return data.id;
}

async function addStay(
  client: Client,
  gite_id: string,
  from: number,
  to: number,
  extra: Partial<TablesInsert<'reservations'>> = {},
): Promise<string> {
  const { data, error } = await client
    .from('reservations')
    .insert({ gite_id, date_debut: inDays(from), date_fin: inDays(to), ...extra })
    .select('id')
    .single();
  if (error) throw error;
  return data.id;
}

async function cleaningOf(reservationId: string) {
  const { rows } = await db.query<{
    id: string;
    date: string;
    gite_id: string;
    status: string;
  }>(
    `select id, to_char(date, 'YYYY-MM-DD') as date, gite_id, status
     from public.cleaning_schedule where reservation_id = $1`,
    [reservationId],
  );
  return rows[0] ?? null;
}

async function addCleaner(owner: Owner, nom: string): Promise<string> {
  const { data, error } = await owner.client
    .from('cleaners')
    .insert({ nom, telephone: '06 12 34 56 78' })
    .select('id')
    .single();
  if (error) throw error;
  return data.id;
}

async function linkFor(owner: Owner, cleanerId: string): Promise<string> {
  const { data, error } = await owner.client.rpc('create_cleaner_link', {
    p_cleaner_id: cleanerId,
  });
  if (error) throw error;
  return data;
}

async function assign(owner: Owner, cleaningId: string, cleanerId: string, extra = {}) {
  const { error } = await owner.client
    .from('cleaning_schedule')
    .update({ cleaner_id: cleanerId, ...extra })
    .eq('id', cleaningId);
  if (error) throw error;
}

interface CleanerPage {
  intervenant: string;
  taches: Array<{
    id: string;
    date: string;
    statut: string;
    notes: string | null;
    meme_jour: boolean;
    prochain_sejour: { arrivee: string; personnes: number | null } | null;
    gite: { nom: string; adresse: string | null };
  }>;
}

async function cleanerPage(token: string): Promise<CleanerPage | null> {
  const { data, error } = await anon.rpc('cleaner_tasks', { p_token: token });
  if (error) throw error;
  return data as CleanerPage | null;
}

describe('departure cleanings follow the stays', () => {
  let owner: Owner;
  let moulin: string;
  let grange: string;

  beforeAll(async () => {
    owner = await signedUpOwner(stack, 'menage');
    moulin = await createGite(owner.client, 'Le Moulin');
    grange = await createGite(owner.client, 'La Grange');
  });

  it('a confirmed stay gets a cleaning on its departure day; a past one or a block none', async () => {
    const stay = await addStay(owner.client, moulin, 3, 7);
    expect(await cleaningOf(stay)).toMatchObject({ date: inDays(7), status: 'planned' });
    expect(await cleaningOf(await addStay(owner.client, moulin, -10, -5))).toBeNull();
    expect(
      await cleaningOf(await addStay(owner.client, moulin, 20, 25, { status: 'blocked' })),
    ).toBeNull();
  });

  it('moves with the stay, is cancelled with it and comes back when it is confirmed again', async () => {
    const stay = await addStay(owner.client, moulin, 30, 33);
    const update = async (change: Partial<TablesInsert<'reservations'>>) => {
      const { error } = await owner.client.from('reservations').update(change).eq('id', stay);
      if (error) throw error;
    };
    await update({ date_fin: inDays(35) });
    expect(await cleaningOf(stay)).toMatchObject({ date: inDays(35), gite_id: moulin });
    await update({ gite_id: grange });
    expect(await cleaningOf(stay)).toMatchObject({ date: inDays(35), gite_id: grange });
    await update({ status: 'cancelled', cancelled_at: new Date().toISOString() });
    expect(await cleaningOf(stay)).toMatchObject({ status: 'cancelled' });
    await update({ status: 'confirmed', cancelled_at: null, date_fin: inDays(36) });
    expect(await cleaningOf(stay)).toMatchObject({ status: 'planned', date: inDays(36) });
  });

  it('follows a stay shortened to a departure already past (migration 20261128000900)', async () => {
    const stay = await addStay(owner.client, moulin, -5, 3);
    expect(await cleaningOf(stay)).toMatchObject({ date: inDays(3), status: 'planned' });
    // The guests left yesterday; the stay is shortened today.
    const { error } = await owner.client
      .from('reservations')
      .update({ date_fin: inDays(-1) })
      .eq('id', stay);
    expect(error).toBeNull();
    expect(await cleaningOf(stay)).toMatchObject({ date: inDays(-1), status: 'planned' });
  });

  it('leaves a cleaning that is done where it is, and goes when the stay is deleted', async () => {
    const stay = await addStay(owner.client, grange, 40, 44);
    const cleaning = await cleaningOf(stay);
    const { error } = await owner.client
      .from('cleaning_schedule')
      .update({ status: 'done', done_at: new Date().toISOString() })
      .eq('id', cleaning?.id ?? '');
    expect(error).toBeNull();
    await owner.client
      .from('reservations')
      .update({ date_fin: inDays(45) })
      .eq('id', stay);
    expect(await cleaningOf(stay)).toMatchObject({ date: inDays(44), status: 'done' });
    await owner.client.from('reservations').delete().eq('id', stay);
    expect(await cleaningOf(stay)).toBeNull();
  });

  it('keeps up with a bulk write (one statement, 40 stays)', async () => {
    const gite = await createGite(owner.client, 'Le Fournil');
    const rows = Array.from({ length: 40 }, (_, k) => ({
      gite_id: gite,
      date_debut: inDays(100 + k * 3),
      date_fin: inDays(102 + k * 3),
    }));
    const { error } = await owner.client.from('reservations').insert(rows);
    expect(error).toBeNull();
    const { rows: counted } = await db.query<{ n: number }>(
      `select count(*)::int as n from public.cleaning_schedule where gite_id = $1 and status = 'planned'`,
      [gite],
    );
    expect(counted[0]?.n).toBe(40);
  });

  it('rebuilds the cleanings of stays written without the triggers (bulk loads)', async () => {
    const gite = await createGite(owner.client, 'Le Chai');
    const client = await db.connect();
    let stay = '';
    try {
      await client.query('begin');
      await client.query('set local session_replication_role = replica');
      const { rows } = await client.query<{ id: string }>(
        `insert into public.reservations (owner_user_id, gite_id, date_debut, date_fin)
         values ($1, $2, $3, $4) returning id`,
        [owner.user.id, gite, inDays(50), inDays(53)],
      );
      stay = rows[0]?.id ?? '';
      await client.query('commit');
    } finally {
      client.release();
    }
    expect(await cleaningOf(stay)).toBeNull();
    const { rows } = await db.query<{ added: string }>(
      'select public.rebuild_departure_cleanings($1) as added',
      [owner.user.id],
    );
    expect(Number(rows[0]?.added)).toBe(1);
    expect(await cleaningOf(stay)).toMatchObject({ date: inDays(53), status: 'planned' });
    const again = await db.query<{ added: string }>(
      'select public.rebuild_departure_cleanings($1) as added',
      [owner.user.id],
    );
    expect(Number(again.rows[0]?.added)).toBe(0);
  });

  it('flags "même jour" and tells the next guests’ count', async () => {
    const gite = await createGite(owner.client, 'La Bergerie');
    const leaving = await addStay(owner.client, gite, 5, 8);
    await addStay(owner.client, gite, 8, 12, { nb_personnes: 4 });
    const quiet = await addStay(owner.client, gite, 12, 14);
    await addStay(owner.client, gite, 20, 22, { nb_personnes: 2 });
    const { data, error } = await owner.client
      .from('cleaning_schedule')
      .select('reservation_id, cleaning_same_day, cleaning_next_stay')
      .in('reservation_id', [leaving, quiet]);
    expect(error).toBeNull();
    const byStay = new Map(data?.map((row) => [row.reservation_id, row]));
    expect(byStay.get(leaving)).toMatchObject({
      cleaning_same_day: true,
      cleaning_next_stay: { arrivee: inDays(8), personnes: 4 },
    });
    expect(byStay.get(quiet)).toMatchObject({
      cleaning_same_day: false,
      cleaning_next_stay: { arrivee: inDays(20), personnes: 2 },
    });
  });
});

describe('cleaner links', () => {
  let owner: Owner;
  let other: Owner;
  let gite: string;
  let sylvie: string;
  let marc: string;
  let sylvieTask: string;
  let marcTask: string;
  let token: string;

  beforeAll(async () => {
    owner = await signedUpOwner(stack, 'menage-links');
    other = await signedUpOwner(stack, 'menage-other');
    gite = await createGite(owner.client, '<script>alert(1)</script> Le Pressoir');
    sylvie = await addCleaner(owner, 'Sylvie');
    marc = await addCleaner(owner, 'Marc');
    // Leaves tomorrow: a task its cleaner may tick off from today.
    const stay = await addStay(owner.client, gite, -2, 1, {
      client_nom: 'Jean Secret',
      montant: 480,
      nb_personnes: 3,
    });
    const later = await addStay(owner.client, gite, 6, 9);
    sylvieTask = (await cleaningOf(stay))?.id ?? '';
    marcTask = (await cleaningOf(later))?.id ?? '';
    await assign(owner, sylvieTask, sylvie, { notes: 'Clés sous le pot <b>bleu</b>' });
    await assign(owner, marcTask, marc);
    token = await linkFor(owner, sylvie);
  });

  it('gives a 32-character token and lists only that cleaner’s tasks, without guests or amounts', async () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const page = await cleanerPage(token);
    expect(page?.intervenant).toBe('Sylvie');
    expect(page?.taches.map((task) => task.id)).toEqual([sylvieTask]);
    expect(page?.taches[0]).toMatchObject({
      date: inDays(1),
      statut: 'planned',
      notes: 'Clés sous le pot <b>bleu</b>',
      gite: { nom: '<script>alert(1)</script> Le Pressoir' },
      prochain_sejour: { arrivee: inDays(6), personnes: null },
    });
    const text = JSON.stringify(page);
    expect(text).not.toContain('Jean Secret');
    expect(text).not.toContain('480');
  });

  it('opens nothing with a wrong, revoked or replaced token', async () => {
    for (let k = 0; k < 200; k += 1) {
      const guess = Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString('base64url');
      expect(await cleanerPage(guess)).toBeNull();
    }
    expect(await cleanerPage(`${token}x`)).toBeNull();
    expect(await cleanerPage('x'.repeat(10_000))).toBeNull();

    const marcToken = await linkFor(owner, marc);
    const replaced = await linkFor(owner, marc);
    expect(await cleanerPage(marcToken)).toBeNull();
    expect((await cleanerPage(replaced))?.intervenant).toBe('Marc');
    const { error } = await owner.client.rpc('revoke_cleaner_link', { p_cleaner_id: marc });
    expect(error).toBeNull();
    expect(await cleanerPage(replaced)).toBeNull();
  });

  it('lets the cleaner mark their own task done, once, with a note — and nothing else', async () => {
    const marcToken = await linkFor(owner, marc);
    // Not theirs.
    const { data: notTheirs } = await anon.rpc('cleaner_mark_done', {
      p_token: marcToken,
      p_task_id: sylvieTask,
    });
    expect(notTheirs).toBeNull();
    // Too long a note: refused, nothing changes.
    const { error: tooLong } = await anon.rpc('cleaner_mark_done', {
      p_token: token,
      p_task_id: sylvieTask,
      p_note: 'x'.repeat(2001),
    });
    expect(tooLong?.message).toContain('Note trop longue');
    expect((await cleaningOf(await reservationOf(sylvieTask)))?.status).toBe('planned');

    const { data: done, error } = await anon.rpc('cleaner_mark_done', {
      p_token: token,
      p_task_id: sylvieTask,
      p_note: '  Ampoule de la cuisine grillée  ',
    });
    expect(error).toBeNull();
    expect(done).toMatchObject({ statut: 'done', note_fin: 'Ampoule de la cuisine grillée' });
    const { data: again } = await anon.rpc('cleaner_mark_done', {
      p_token: token,
      p_task_id: sylvieTask,
    });
    expect(again).toBeNull();
    // Still on their page, as done.
    expect((await cleanerPage(token))?.taches[0]).toMatchObject({ statut: 'done' });

    // The owner's « Fait », sent from a page loaded before: refused, the cleaner's note kept.
    const late = updateCleaning(owner.client, sylvieTask, { kind: 'done', note: 'Vu' });
    await expect(late).rejects.toMatchObject({ code: CHANGED_MEANWHILE, status: 409 });
    await expect(late.catch(describeError)).resolves.toBe(commonMessages.changedMeanwhile);
    const { data: kept } = await owner.client
      .from('cleaning_schedule')
      .select('done_note')
      .eq('id', sylvieTask)
      .single();
    expect(kept).toEqual({ done_note: 'Ampoule de la cuisine grillée' });
  });

  it('keeps the link columns and other owners out of reach', async () => {
    const { error: direct } = await owner.client
      .from('cleaners')
      .update({ token_hash: `\\x${'00'.repeat(32)}` })
      .eq('id', sylvie);
    expect(direct?.code).toBe('42501');
    const { error: foreign } = await other.client.rpc('create_cleaner_link', {
      p_cleaner_id: sylvie,
    });
    expect(foreign?.code).toBe('P0002');
    const { error: foreignAssign, data } = await other.client
      .from('cleaning_schedule')
      .update({ notes: 'piraté' })
      .eq('id', sylvieTask)
      .select('id');
    expect(foreignAssign).toBeNull();
    expect(data).toEqual([]);
    // Anonymous callers read no table.
    const { data: rows } = await anon.from('cleaners').select('id');
    expect(rows ?? []).toEqual([]);
  });
});

async function reservationOf(cleaningId: string): Promise<string> {
  const { rows } = await db.query<{ reservation_id: string }>(
    'select reservation_id from public.cleaning_schedule where id = $1',
    [cleaningId],
  );
  return rows[0]?.reservation_id ?? '';
}
