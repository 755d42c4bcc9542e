/**
 * One owner with a big history, fast: 50 gîtes × 10 years ≈ 22,000 stays by default, generated
 * set-based by the same SQL as `npm run seed:scale` (dev/scale/generate.ts), in one transaction.
 * Indexes and CHECK constraints stay on; triggers and FK checks are skipped for the load
 * (session_replication_role = replica, superuser only: the generator writes consistent rows and
 * sets what the triggers would). A few seconds on an idle machine. For tests that need a
 * "largest owner" — e.g. the Playwright test scrolling the 20,000-row virtual list:
 *
 *   const owner = await seedLargeOwner(stack.dbUrl, { email, password: 'secret-123' });
 *   // sign in as owner.email / owner.password; owner.first and owner.last are the first and
 *   // last rows of the list in its default order (date_debut desc, id desc).
 *
 * CLI: `npx tsx dev/scale/large-owner.ts --email e@x.fr --password … [--gites 50] [--years 10]
 * [--db-url URL] [--replace]`.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { formatDuration, resolveDbUrl } from './db-url.ts';
import {
  createStagingSql,
  insertFeedsSql,
  insertGitesSql,
  insertOverlapsSql,
  insertReservationsSql,
  insertUsersSql,
  stageGitesSql,
  stageOwnersSql,
} from './generate.ts';

export interface LargeOwnerOptions {
  email: string;
  /** At least 8 characters (the auth service's rule). */
  password: string;
  /** Default 50. */
  gites?: number;
  /** Years of history per gîte, plus up to a year ahead. Default 10. */
  years?: number;
  /** Delete an existing user with that e-mail (and, by cascade, their data) first. */
  replace?: boolean;
}

/** A row as the Réservations list shows it. */
export interface LargeOwnerRow {
  id: string;
  client_nom: string | null;
  date_debut: string;
  date_fin: string;
  gite_nom: string;
  plateforme: string;
  status: string;
}

export interface LargeOwner {
  userId: string;
  email: string;
  password: string;
  gites: number;
  reservations: number;
  /** First and last rows in the list's default order: date_debut desc, id desc. */
  first: LargeOwnerRow;
  last: LargeOwnerRow;
}

const ROW_SQL = `
  select r.id, r.client_nom, to_char(r.date_debut, 'YYYY-MM-DD') as date_debut,
    to_char(r.date_fin, 'YYYY-MM-DD') as date_fin, g.nom as gite_nom, r.plateforme, r.status
  from public.reservations r join public.gites g on g.id = r.gite_id
  where r.owner_user_id = $1`;

export async function seedLargeOwner(
  dbUrl: string,
  options: LargeOwnerOptions,
): Promise<LargeOwner> {
  const gites = options.gites ?? 50;
  const years = options.years ?? 10;
  const email = options.email.toLowerCase();
  if (options.password.length < 8) throw new Error('password: at least 8 characters');
  if (!Number.isInteger(gites) || gites < 1 || gites > 500) throw new Error('gites: 1 to 500');
  if (!Number.isInteger(years) || years < 1 || years > 30) throw new Error('years: 1 to 30');

  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    const { rows: existing } = await client.query<{ id: string }>(
      'select id from auth.users where email = $1',
      [email],
    );
    if (existing.length > 0) {
      if (!options.replace) {
        throw new Error(`${email} already exists (pass replace: true to recreate it)`);
      }
      // With FK triggers off this would orphan the old owner's rows: delete with them on.
      await client.query('set local session_replication_role = origin');
      await client.query('delete from auth.users where email = $1', [email]);
      await client.query('set local session_replication_role = replica');
    }
    await client.query(createStagingSql('pg_temp'));
    await client.query(stageOwnersSql('pg_temp'), [1, 1, 1, email, gites, years]);
    const { rows: hash } = await client.query<{ hash: string }>(
      "select extensions.crypt($1, extensions.gen_salt('bf', 10)) as hash",
      [options.password],
    );
    await client.query(insertUsersSql('pg_temp'), [hash[0]?.hash]);
    await client.query(stageGitesSql('pg_temp'));
    await client.query(insertGitesSql('pg_temp'));
    await client.query(insertFeedsSql('pg_temp'));
    await client.query(insertReservationsSql('pg_temp'), [1, 1]);
    const { rows: owner } = await client.query<{ id: string }>('select id from pg_temp.owners');
    const userId = owner[0]?.id;
    if (!userId) throw new Error('the owner was not staged');
    await client.query(insertOverlapsSql('owner'), [userId]);
    // What the skipped triggers on reservations would have kept: flags, counts, cleanings,
    // month totals.
    await client.query(
      `select public.rebuild_reservation_overlaps($1), public.rebuild_reservation_counts($1),
              public.rebuild_departure_cleanings($1), public.rebuild_stay_month_totals($1)`,
      [userId],
    );
    await client.query('drop table pg_temp.owners, pg_temp.gites');
    await client.query('commit');

    const { rows: counts } = await client.query<{ gites: number; reservations: number }>(
      `select (select count(*)::int from public.gites where owner_user_id = $1) as gites,
              (select count(*)::int from public.reservations where owner_user_id = $1) as reservations`,
      [userId],
    );
    const { rows: first } = await client.query<LargeOwnerRow>(
      `${ROW_SQL} order by r.date_debut desc, r.id desc limit 1`,
      [userId],
    );
    const { rows: last } = await client.query<LargeOwnerRow>(
      `${ROW_SQL} order by r.date_debut asc, r.id asc limit 1`,
      [userId],
    );
    const c = counts[0];
    const f = first[0];
    const l = last[0];
    if (!c || !f || !l) throw new Error('the generated owner has no reservation');
    return {
      userId,
      email,
      password: options.password,
      gites: c.gites,
      reservations: c.reservations,
      first: f,
      last: l,
    };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      gites: { type: 'string', default: '50' },
      years: { type: 'string', default: '10' },
      'db-url': { type: 'string' },
      replace: { type: 'boolean', default: false },
    },
  });
  if (!values.email || !values.password) throw new Error('--email and --password are required');
  const started = Date.now();
  const owner = await seedLargeOwner(await resolveDbUrl(values['db-url']), {
    email: values.email,
    password: values.password,
    gites: Number(values.gites),
    years: Number(values.years),
    replace: values.replace,
  });
  console.log(
    `${owner.email}: ${owner.gites} gîtes, ${owner.reservations} reservations in ${formatDuration(Date.now() - started)}`,
  );
  console.log(`first row: ${JSON.stringify(owner.first)}`);
  console.log(`last row:  ${JSON.stringify(owner.last)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
