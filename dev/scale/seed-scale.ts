/**
 * `npm run seed:scale -- --owners N [--db-url URL] [--largest K] [--workers W] [--restore-indexes]`
 *
 * Generates N owners (1–50 gîtes each, most 1–3; 1–3 iCal feeds per gîte; 3–10 years of stays
 * per gîte plus a year ahead) into a local stack's database, set-based: a few INSERT … SELECT
 * over generate_series, the reservations in owner chunks on W connections. While loading, the
 * reservations table has no index, constraint index or trigger (session_replication_role =
 * replica: no FK checks — the generator builds consistent rows); they are rebuilt afterwards
 * (W at a time, maintenance_work_mem 2 GB each), the overlap flags and per-owner counts the
 * triggers keep are rebuilt, then VACUUM ANALYZE. 70,000 owners ≈ 18.5 M stays.
 *
 * Owners sign in as owner-<n>@scale.liveownerunit.fr / scale-owner-2026; owners 1…K (default
 * 10) are the "largest": 50 gîtes × 10 years ≈ 21,000 stays each, the benchmark's subjects.
 *
 * Default target: the dev stack's `.local/stack.json`. Use a separate data dir for a big run:
 *   npx tsx dev/stack/cli.ts --data-dir .local/scale --port-base 54420 --no-seed --no-sync &
 *   npm run seed:scale -- --owners 70000 --db-url postgres://postgres:postgres@127.0.0.1:54422/postgres
 *
 * It refuses to run twice on one database (the owners' e-mails would collide): recreate the data
 * dir to start again.
 */
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
  SCALE_PASSWORD,
  SCALE_PASSWORD_HASH,
  scaleEmail,
  stageGitesSql,
  stageOwnersSql,
} from './generate.ts';

const { values: flags } = parseArgs({
  options: {
    owners: { type: 'string' },
    'db-url': { type: 'string' },
    largest: { type: 'string', default: '10' },
    workers: { type: 'string', default: '2' },
    'chunk-owners': { type: 'string', default: '2000' },
    'restore-indexes': { type: 'boolean', default: false },
  },
});

function intFlag(value: string | undefined, name: string, min: number, max: number): number {
  const parsed = Number(value);
  if (value === undefined || !Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new Error(
      `--${name} must be an integer between ${min} and ${max} (got ${value ?? 'nothing'})`,
    );
  }
  return parsed;
}

const started = Date.now();
const elapsed = () => formatDuration(Date.now() - started);
const log = (line: string) => console.log(`[${elapsed().padStart(9)}] ${line}`);

interface SavedDdl {
  ord: number;
  phase: 'index' | 'constraint' | 'foreign_key';
  sql: string;
}

/** Connections that load: no triggers (so no FK checks), async commit, room to sort. */
async function loaderClient(dbUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  await client.query(`
    set session_replication_role = replica;
    set synchronous_commit = off;
    set work_mem = '64MB';
    set statement_timeout = 0;`);
  return client;
}

async function preflight(db: pg.Client): Promise<void> {
  const { rows: tables } = await db.query<{ ok: boolean }>(
    "select to_regclass('public.reservations') is not null as ok",
  );
  if (!tables[0]?.ok) {
    throw new Error(
      'public.reservations does not exist: start the stack once so it applies the migrations',
    );
  }
  const { rows: runs } = await db
    .query<{ status: string; owners: number }>(
      `select status, owners from scale_seed.run
     where to_regclass('scale_seed.run') is not null
     order by started_at desc limit 1`,
    )
    .catch(() => ({ rows: [] as { status: string; owners: number }[] }));
  const last = runs[0];
  if (last && last.status !== 'done' && !flags['restore-indexes']) {
    throw new Error(
      `a previous seed:scale run (${last.owners} owners) did not finish (status ${last.status}): its data is partial and reservations may have lost indexes. Stop the stack and delete its data dir to start again, or pass --restore-indexes to put the indexes back.`,
    );
  }
  const { rows: existing } = await db.query<{ n: number }>(
    "select count(*)::int as n from auth.users where email like 'owner-%@scale.liveownerunit.fr'",
  );
  if ((existing[0]?.n ?? 0) > 0 && !flags['restore-indexes']) {
    throw new Error(
      `this database already holds ${existing[0]?.n} generated owners (owner-…@scale.liveownerunit.fr): seed:scale runs once per database. Stop the stack and delete its data dir (e.g. rm -rf .local/scale) to generate again.`,
    );
  }
  const { rows: hash } = await db.query<{ ok: boolean }>(
    'select extensions.crypt($1, $2) = $2 as ok',
    [SCALE_PASSWORD, SCALE_PASSWORD_HASH],
  );
  if (!hash[0]?.ok) throw new Error('SCALE_PASSWORD_HASH does not verify SCALE_PASSWORD');
}

/**
 * Saves, then drops, what slows a bulk load of reservations: its indexes (constraint ones
 * included) and the foreign keys of other tables that point at those constraints. The DDL to
 * rebuild them is kept in scale_seed.saved_ddl until it has run, so an interrupted run can be
 * repaired with --restore-indexes.
 */
async function dropReservationIndexes(db: pg.Client): Promise<void> {
  await db.query('begin');
  const { rows: fks } = await db.query<{ tbl: string; conname: string; def: string }>(
    `select conrelid::regclass::text as tbl, conname, pg_get_constraintdef(oid) as def
     from pg_catalog.pg_constraint
     where contype = 'f' and confrelid = 'public.reservations'::regclass
       and conrelid <> 'public.reservations'::regclass
     order by 1, 2`,
  );
  const { rows: constraints } = await db.query<{
    conname: string;
    contype: string;
    idxdef: string;
  }>(
    `select conname, contype::text, pg_get_indexdef(conindid) as idxdef
     from pg_catalog.pg_constraint
     where conrelid = 'public.reservations'::regclass and contype in ('p', 'u')
     order by contype, conname`,
  );
  const { rows: indexes } = await db.query<{ name: string; def: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
     from pg_catalog.pg_index i
     where i.indrelid = 'public.reservations'::regclass
       and not exists (
         select 1 from pg_catalog.pg_constraint c
         where c.conrelid = i.indrelid and c.conindid = i.indexrelid
       )
     order by 1`,
  );
  const saved: SavedDdl[] = [];
  let ord = 0;
  for (const c of constraints) saved.push({ ord: ord++, phase: 'index', sql: c.idxdef });
  for (const i of indexes) saved.push({ ord: ord++, phase: 'index', sql: i.def });
  for (const c of constraints) {
    const kind = c.contype === 'p' ? 'primary key' : 'unique';
    saved.push({
      ord: ord++,
      phase: 'constraint',
      sql: `alter table public.reservations add constraint ${c.conname} ${kind} using index ${c.conname}`,
    });
  }
  for (const fk of fks) {
    saved.push({
      ord: ord++,
      phase: 'foreign_key',
      sql: `alter table ${fk.tbl} add constraint ${fk.conname} ${fk.def}`,
    });
  }
  for (const ddl of saved) {
    await db.query('insert into scale_seed.saved_ddl (ord, phase, sql) values ($1, $2, $3)', [
      ddl.ord,
      ddl.phase,
      ddl.sql,
    ]);
  }
  for (const fk of fks) await db.query(`alter table ${fk.tbl} drop constraint ${fk.conname}`);
  for (const c of constraints) {
    await db.query(`alter table public.reservations drop constraint ${c.conname}`);
  }
  for (const i of indexes) await db.query(`drop index ${i.name}`);
  await db.query('commit');
  log(
    `dropped ${constraints.length + indexes.length} indexes of reservations (rebuilt after the load) and ${fks.length} foreign keys pointing at it`,
  );
}

/** Runs the saved DDL still pending: indexes W at a time (longest first), then constraints. */
async function restoreReservationIndexes(dbUrl: string, workers: number): Promise<void> {
  const admin = new pg.Client({ connectionString: dbUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<SavedDdl>(
      'select ord, phase, sql from scale_seed.saved_ddl where not done order by ord',
    );
    // GIN (trigram) builds are the longest: start them first.
    const indexes = rows
      .filter((r) => r.phase === 'index')
      .sort((a, b) => Number(/using gin/i.test(b.sql)) - Number(/using gin/i.test(a.sql)));
    const queue = [...indexes];
    let built = 0;
    const worker = async () => {
      const client = new pg.Client({ connectionString: dbUrl });
      await client.connect();
      try {
        await client.query(`
          set maintenance_work_mem = '2GB';
          set max_parallel_maintenance_workers = 0;
          set statement_timeout = 0;`);
        for (let ddl = queue.shift(); ddl; ddl = queue.shift()) {
          const t = Date.now();
          await client.query(ddl.sql);
          await client.query('update scale_seed.saved_ddl set done = true where ord = $1', [
            ddl.ord,
          ]);
          built += 1;
          const name = /INDEX (\S+)/i.exec(ddl.sql)?.[1] ?? ddl.sql;
          log(`  index ${built}/${indexes.length} ${name} (${formatDuration(Date.now() - t)})`);
        }
      } finally {
        await client.end();
      }
    };
    await Promise.all(Array.from({ length: Math.min(workers, indexes.length) }, worker));
    for (const ddl of rows.filter((r) => r.phase !== 'index')) {
      await admin.query(ddl.sql);
      await admin.query('update scale_seed.saved_ddl set done = true where ord = $1', [ddl.ord]);
    }
  } finally {
    await admin.end();
  }
}

async function main(): Promise<void> {
  const dbUrl = await resolveDbUrl(flags['db-url']);
  const workers = intFlag(flags.workers, 'workers', 1, 16);
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();

  if (flags['restore-indexes']) {
    log('restoring the indexes and constraints an interrupted run dropped');
    await restoreReservationIndexes(dbUrl, workers);
    await db.query("update scale_seed.run set status = 'failed' where status <> 'done'");
    await db.end();
    log('done: indexes restored (the partial data stays)');
    return;
  }

  const owners = intFlag(flags.owners, 'owners', 1, 1_000_000);
  const largest = Math.min(owners, intFlag(flags.largest, 'largest', 0, 1000));
  const chunkOwners = intFlag(flags['chunk-owners'], 'chunk-owners', 1, 1_000_000);
  await preflight(db);

  const host = new URL(dbUrl).host;
  log(`seed:scale — ${owners} owners (${largest} largest) into ${host}, ${workers} workers`);
  await db.query(`
    create schema if not exists scale_seed;
    revoke all on schema scale_seed from public;
    create table if not exists scale_seed.run (
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      owners integer not null,
      largest integer not null,
      status text not null
    );
    create table if not exists scale_seed.saved_ddl (
      ord integer primary key,
      phase text not null,
      sql text not null,
      done boolean not null default false
    );
    drop table if exists scale_seed.owners, scale_seed.gites;
    ${createStagingSql('scale_seed')}`);
  await db.query(
    "insert into scale_seed.run (owners, largest, status) values ($1, $2, 'loading')",
    [owners, largest],
  );

  // Fewer checkpoints during the load (restored at the end).
  await db.query("alter system set max_wal_size = '16GB'");
  await db.query("alter system set checkpoint_timeout = '30min'");
  await db.query('select pg_reload_conf()');

  let failed = false;
  try {
    // ---------------------------------------------------------------- owners, gîtes, feeds
    const loader = await loaderClient(dbUrl);
    try {
      let t = Date.now();
      await loader.query(stageOwnersSql('scale_seed'), [1, owners, largest, null, 50, 10]);
      const { rowCount: users } = await loader.query(insertUsersSql('scale_seed'), [
        SCALE_PASSWORD_HASH,
      ]);
      log(`auth.users: ${users} owners (${formatDuration(Date.now() - t)})`);
      t = Date.now();
      await loader.query(stageGitesSql('scale_seed'));
      const { rowCount: gites } = await loader.query(insertGitesSql('scale_seed'));
      const { rowCount: feeds } = await loader.query(insertFeedsSql('scale_seed'));
      await loader.query('analyze scale_seed.gites');
      log(`gîtes: ${gites}, iCal feeds: ${feeds} (${formatDuration(Date.now() - t)})`);
    } finally {
      await loader.end();
    }

    // ---------------------------------------------------------------- reservations
    await dropReservationIndexes(db);
    const chunks: [number, number][] = [];
    for (let lo = 1; lo <= owners; lo += chunkOwners) {
      chunks.push([lo, Math.min(owners, lo + chunkOwners - 1)]);
    }
    // The largest owners' chunk is heavy: split it so that the workers stay balanced.
    const queue = chunks.flatMap(([lo, hi]) =>
      lo <= largest
        ? [
            ...Array.from({ length: Math.min(largest, hi) - lo + 1 }, (_, i): [number, number] => [
              lo + i,
              lo + i,
            ]),
            ...(hi > largest ? [[largest + 1, hi] as [number, number]] : []),
          ]
        : [[lo, hi] as [number, number]],
    );
    const total = queue.length;
    let done = 0;
    let rows = 0;
    const t = Date.now();
    const worker = async () => {
      const client = await loaderClient(dbUrl);
      try {
        for (let chunk = queue.shift(); chunk; chunk = queue.shift()) {
          const { rowCount } = await client.query(insertReservationsSql('scale_seed'), chunk);
          rows += rowCount ?? 0;
          done += 1;
          const pct = Math.round((100 * done) / total);
          const rate = Math.round(rows / ((Date.now() - t) / 1000));
          log(
            `reservations: ${done}/${total} chunks (${pct} %), ${rows.toLocaleString('en')} rows, ${rate.toLocaleString('en')} rows/s`,
          );
        }
      } finally {
        await client.end();
      }
    };
    await Promise.all(Array.from({ length: workers }, worker));
    {
      const client = await loaderClient(dbUrl);
      const { rowCount } = await client.query(insertOverlapsSql('all'));
      await client.end();
      rows += rowCount ?? 0;
      log(`double bookings added: ${rowCount} (stays: ${rows.toLocaleString('en')})`);
    }

    // ---------------------------------------------------------------- indexes, statistics
    log('rebuilding the indexes of reservations');
    await restoreReservationIndexes(dbUrl, workers);
    // What the skipped triggers on reservations would have kept (the overlap rebuild probes
    // idx_reservations_gite_confirmed, hence after the indexes).
    {
      const tRebuild = Date.now();
      await Promise.all(
        [
          'rebuild_reservation_counts',
          'rebuild_reservation_overlaps',
          'rebuild_departure_cleanings',
          'rebuild_stay_month_totals',
        ].map(async (fn) => {
          const client = await loaderClient(dbUrl);
          try {
            await client.query(`select public.${fn}()`);
          } finally {
            await client.end();
          }
        }),
      );
      log(
        `overlap flags, per-owner counts, departure cleanings and month totals rebuilt (${formatDuration(Date.now() - tRebuild)})`,
      );
    }
    log('VACUUM ANALYZE (visibility map for index-only scans, planner statistics)');
    await db.query('set statement_timeout = 0');
    await db.query('vacuum (analyze, index_cleanup off) public.reservations');
    await db.query('vacuum analyze public.gites, public.ical_feeds, auth.users');
    await db.query(
      "update scale_seed.run set status = 'done', finished_at = now() where status = 'loading'",
    );
    await db.query('drop table scale_seed.owners, scale_seed.gites');
  } catch (error) {
    failed = true;
    console.error(`✖ ${(error as Error).message}`);
    log('putting back the indexes that were dropped…');
    await restoreReservationIndexes(dbUrl, workers).catch((restoreError: unknown) => {
      console.error(
        `✖ could not restore them (${(restoreError as Error).message}); run again with --restore-indexes`,
      );
    });
    await db.query("update scale_seed.run set status = 'failed' where status = 'loading'");
  } finally {
    await db.query('alter system reset max_wal_size');
    await db.query('alter system reset checkpoint_timeout');
    await db.query('select pg_reload_conf()');
  }
  if (failed) {
    await db.end();
    process.exitCode = 1;
    return;
  }

  const { rows: counts } = await db.query<{
    users: number;
    gites: number;
    feeds: number;
    stays: number;
  }>(
    `select
       (select count(*)::int from auth.users) as users,
       (select count(*)::int from public.gites) as gites,
       (select count(*)::int from public.ical_feeds) as feeds,
       (select count(*)::int from public.reservations) as stays`,
  );
  const { rows: biggest } = await db.query<{ email: string; stays: number }>(
    `select u.email, count(*)::int as stays
     from auth.users u join public.reservations r on r.owner_user_id = u.id
     where u.email = any ($1::text[])
     group by u.email order by stays desc`,
    [Array.from({ length: largest }, (_, i) => scaleEmail(i + 1))],
  );
  await db.end();
  const c = counts[0];
  log(
    `done in ${elapsed()}: ${c?.users} users, ${c?.gites} gîtes, ${c?.feeds} feeds, ${c?.stays.toLocaleString('en')} reservations`,
  );
  for (const b of biggest) log(`  largest: ${b.email} — ${b.stays.toLocaleString('en')} stays`);
  log(`sign in with any owner-<n>@scale.liveownerunit.fr / ${SCALE_PASSWORD}`);
}

main().catch((error: unknown) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
