/**
 * Test data for the reservations integration tests (not a test file itself): owners, gîtes
 * and stays arranged with the superuser connection, read back through PostgREST as the owner.
 */
import type pg from 'pg';
import type { StackInfo } from '../../../../dev/stack/stack.ts';
import { signedUpOwner } from '../../../../dev/test/clients.ts';

export type TestOwner = Awaited<ReturnType<typeof signedUpOwner>>;

export async function ownerWithGite(stack: StackInfo, label: string, nom = 'Gîte des Tilleuls') {
  const owner = await signedUpOwner(stack, label);
  const giteId = await addGite(owner, nom);
  return { owner, giteId };
}

export async function addGite(owner: TestOwner, nom: string): Promise<string> {
  const { data, error } = await owner.client.from('gites').insert({ nom }).select('id').single();
  if (error) throw error;
  return data.id;
}

export interface StaySpec {
  gite_id: string;
  date_debut: string;
  date_fin: string;
  client_nom?: string | null;
  plateforme?: string;
  status?: string;
  montant?: number | null;
  id?: string;
  feed_id?: string | null;
  external_uid?: string | null;
}

/** Inserts stays for `ownerId` behind RLS's back; returns their ids in the given order. */
export async function insertStays(
  db: pg.Pool,
  ownerId: string,
  stays: readonly StaySpec[],
): Promise<string[]> {
  if (stays.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    `insert into public.reservations
       (id, owner_user_id, gite_id, date_debut, date_fin, client_nom, plateforme, status, montant,
        feed_id, external_uid)
     select coalesce((e.value ->> 'id')::uuid, gen_random_uuid()), $1, (e.value ->> 'gite_id')::uuid,
            (e.value ->> 'date_debut')::date, (e.value ->> 'date_fin')::date,
            e.value ->> 'client_nom', coalesce(e.value ->> 'plateforme', 'direct'),
            coalesce(e.value ->> 'status', 'confirmed'), (e.value ->> 'montant')::numeric,
            (e.value ->> 'feed_id')::uuid, e.value ->> 'external_uid'
     from jsonb_array_elements($2::jsonb) with ordinality as e(value, ord)
     order by e.ord
     returning id`,
    [ownerId, JSON.stringify(stays)],
  );
  return rows.map((row) => row.id);
}

/**
 * `count` consecutive 2-night stays in one gîte, one every 3 days from `start` (the newest
 * is the last), named "Client 1" … "Client n", every third one without an amount.
 */
export async function insertSeries(
  db: pg.Pool,
  ownerId: string,
  giteId: string,
  count: number,
  start = '2020-01-01',
): Promise<void> {
  await db.query(
    `insert into public.reservations
       (owner_user_id, gite_id, date_debut, date_fin, client_nom, plateforme, status, montant)
     select $1, $2, $4::date + i * 3, $4::date + i * 3 + 2, 'Client ' || i, 'airbnb', 'confirmed',
            case when i % 3 = 0 then null else (i * 7) % 500 end
     from generate_series(1, $3::int) as i`,
    [ownerId, giteId, count, start],
  );
}

/** Every id of the owner's stays in the list's default order (date_debut, id) descending. */
export async function idsNewestFirst(db: pg.Pool, ownerId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select id from public.reservations where owner_user_id = $1
     order by date_debut desc, id desc`,
    [ownerId],
  );
  return rows.map((row) => row.id);
}
