/**
 * Data for the Réservations end-to-end tests, arranged directly in the throw-away stack that
 * playwright.config.ts starts (it writes its URLs to .local/e2e-stack.json): owners are
 * created through the auth API, their gîtes and stays with set-based SQL, so an owner with
 * 20,000 stays takes a second, not an afternoon of clicking.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export const E2E_PASSWORD = 'reservations-e2e-2026';

export interface StackInfo {
  url: string;
  anonKey: string;
  dbUrl: string;
}

export function stackInfo(): StackInfo {
  const file = path.resolve(process.env.E2E_STACK_INFO ?? '.local/e2e-stack.json');
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new Error(
      `${file} is missing: run Playwright with CI=1 (it starts its own stack, which writes that file).`,
    );
  }
  const info = JSON.parse(raw) as Partial<StackInfo>;
  if (!info.url || !info.anonKey || !info.dbUrl) throw new Error(`${file} is incomplete`);
  return { url: info.url, anonKey: info.anonKey, dbUrl: info.dbUrl };
}

export function uniqueEmail(label: string): string {
  const suffix = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return `${label}-${suffix}@example.com`;
}

/** Signs an owner up through the auth API (of `stack`, the app project's by default). */
export async function createOwner(
  label: string,
  stack: StackInfo = stackInfo(),
): Promise<{ id: string; email: string }> {
  const { url, anonKey } = stack;
  const email = uniqueEmail(label);
  const response = await fetch(`${url}/auth/v1/signup`, {
    method: 'POST',
    headers: { apikey: anonKey, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: E2E_PASSWORD }),
  });
  const body = (await response.json()) as { id?: string; user?: { id?: string } };
  const id = body.user?.id ?? body.id;
  if (!response.ok || !id)
    throw new Error(`sign-up failed: ${response.status} ${JSON.stringify(body)}`);
  return { id, email };
}

export async function withDb<T>(
  run: (db: pg.Client) => Promise<T>,
  stack: StackInfo = stackInfo(),
): Promise<T> {
  const db = new pg.Client({ connectionString: stack.dbUrl });
  await db.connect();
  try {
    return await run(db);
  } finally {
    await db.end();
  }
}

/** Adds `count` gîtes ("Gîte 01" …) to the owner; returns their ids in name order. */
export async function addGites(db: pg.Client, ownerId: string, count: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `insert into public.gites (owner_user_id, nom, couleur, ordre)
     select $1, 'Gîte ' || lpad(g::text, 2, '0'),
            (array['#1f7a5c','#2f6fb3','#b5542d','#8a4fb8','#c2871b'])[1 + g % 5], g
     from generate_series(1, $2::int) as g
     returning id`,
    [ownerId, count],
  );
  return rows.map((row) => row.id);
}

const SURNAMES = [
  'Dupont',
  'Lefèvre',
  'Müller',
  'Girard',
  'Bérénice Faure',
  'Noël',
  'Chloé Moreau',
  'Hélène Roux',
  'Garçon',
  'Léa Martin',
  'Zoë Bonnet',
  'Aurélien Lambert',
];

/**
 * `perGite` stays in each of the owner's gîtes, one every 9 days from 2016-01-04 (ten years
 * for 400), 2–6 nights, platforms in realistic shares, French names with accents. Arrival
 * days repeat across gîtes, so ties on date_debut are everywhere (the keyset's id matters).
 */
export async function addStays(
  db: pg.Client,
  ownerId: string,
  giteIds: readonly string[],
  perGite: number,
): Promise<number> {
  const result = await db.query(
    `insert into public.reservations
       (owner_user_id, gite_id, date_debut, date_fin, client_nom, nb_personnes, plateforme, status, montant)
     select $1, g.id,
            date '2016-01-04' + k * 9 + (g.n % 3),
            date '2016-01-04' + k * 9 + (g.n % 3) + 2 + (k % 5),
            ($3::text[])[1 + (k + g.n) % cardinality($3::text[])] || ' ' || k,
            1 + (k % 6),
            (array['airbnb','airbnb','airbnb','booking','booking','abritel','gites_de_france','direct'])[1 + (k * 7 + g.n) % 8],
            case when k % 41 = 0 then 'cancelled' else 'confirmed' end,
            80 * (2 + (k % 5)) + (g.n % 7) * 10
     from (select u.id, u.n::int as n from unnest($2::uuid[]) with ordinality as u(id, n)) as g
     cross join generate_series(0, $4::int - 1) as k`,
    [ownerId, giteIds, SURNAMES, perGite],
  );
  return result.rowCount ?? 0;
}

/** The owner's stays in the list's default order (arrival newest first, then id). */
export async function staysNewestFirst(
  db: pg.Client,
  ownerId: string,
  { offset = 0, limit = 1 }: { offset?: number; limit?: number } = {},
): Promise<Array<{ id: string; client_nom: string; date_debut: string; date_fin: string }>> {
  const { rows } = await db.query<{
    id: string;
    client_nom: string;
    date_debut: string;
    date_fin: string;
  }>(
    `select r.id, r.client_nom, to_char(r.date_debut, 'DD/MM/YYYY') as date_debut,
            to_char(r.date_fin, 'DD/MM/YYYY') as date_fin
     from public.reservations r where r.owner_user_id = $1
     order by r.date_debut desc, r.id desc offset $2 limit $3`,
    [ownerId, offset, limit],
  );
  return rows;
}
