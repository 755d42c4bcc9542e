/**
 * Backup and restore, tried for real: `pg_dump -Fc` of a running local stack, `pg_restore`
 * into a fresh, empty one, then proof that nothing was lost.
 *
 *   npx tsx dev/ops/backup-restore.ts                       # seeded throw-away source on 60800
 *   npx tsx dev/ops/backup-restore.ts --source .local       # a running stack (its stack.json)
 *   npx tsx dev/ops/backup-restore.ts --source DIR --email owner-1@scale.liveownerunit.fr \
 *     --password scale-owner-2026 --out /tmp/backups        # keep the dump file
 *
 * Flags: --source DIR (data dir of a running stack; default: start a seeded throw-away stack
 * on --source-port-base, default 60800), --target-port-base N (default 61000), --out DIR
 * (keep the dump there), --keep (leave the restored stack's data dir), --email/--password (the
 * owner who signs in on the restored stack; default the demo owner), --jobs N (parallel
 * pg_restore of the app schemas; default 1, in one transaction).
 *
 * What is dumped (one custom-format file, zstd, the way one dumps a hosted Supabase project):
 *  - `public`: the app (tables, RLS policies, grants, functions, triggers, data);
 *  - `legacy_migration`: the copy function for the old app's data (no data of its own);
 *  - `supabase_migrations`: the CLI's migration history, so `supabase db push` (and this
 *    stack) know every migration is already applied;
 *  - `auth`: the owners' accounts (bcrypt hashes, sessions, refresh tokens). Only its *data*
 *    is restored: the platform (here `dev/stack/bootstrap.sql`) owns the schema.
 * Not dumped: `extensions` (extensions are created, not restored: their list is read from the
 * source), roles (the platform's), `cron`/`vault`/`net` on hosted (the pg_cron jobs and Vault
 * secrets are recreated after a restore into a new project: docs/OPERATIONS.md).
 *
 * The restore targets what a new hosted project is: a cluster with only the platform's
 * bootstrap (roles, auth schema, default privileges) — no migration, no seed. Then:
 *  1. create the source's extensions;  2. auth data (session_replication_role = replica:
 *  pg_restore loads tables in name order, refresh_tokens before users);  3. supabase_migrations
 *  (--clean: it may exist);  4. revoke the target's default privileges in public (else every
 *  restored object keeps the platform's grants to anon), then public + legacy_migration in one
 *  transaction, whose DEFAULT ACL entries put the source's defaults back;  5. ANALYZE.
 * Proof: every table's row count and checksum (taken in the dump's own snapshot) equal;
 * RLS flags, policies, grants, functions, triggers and indexes equal; the full stack starts on
 * the restored data with no migration to apply; the owner signs in (same password, new JWT
 * secret, as in a new project) and reads exactly their reservations; anon reads none.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import { readStackInfo } from '../scale/db-url.ts';
import { bootstrapFile, superuserUrl } from '../stack/config.ts';
import { runSqlFile } from '../stack/migrations.ts';
import { startPostgres } from '../stack/postgres.ts';
import { type RunningStack, startStack } from '../stack/stack.ts';
import { ensurePgClient, type PgClient } from './pg-client.ts';

export const DUMPED_SCHEMAS = ['public', 'legacy_migration', 'supabase_migrations', 'auth'];
const APP_SCHEMAS = ['public', 'legacy_migration'];
const DEMO_OWNER = { email: 'demo@liveownerunit.fr', password: 'demo-gites-2026' };

export interface Source {
  dbUrl: string;
}

export interface BackupRestoreOptions {
  source: Source;
  targetPortBase: number;
  /** Directory for the dump file; a temporary one (deleted) when absent. */
  outDir?: string;
  owner?: { email: string; password: string };
  keepTarget?: boolean;
  jobs?: number;
  log?: (line: string) => void;
}

export interface TableFingerprint {
  rows: number;
  checksum: string;
}

export interface BackupRestoreReport {
  pgClient: string;
  serverVersion: string;
  dumpFile: string;
  dumpBytes: number;
  sourceDatabaseBytes: number;
  targetDatabaseBytes: number;
  tables: number;
  rows: number;
  extensions: string[];
  seconds: {
    fingerprint: number;
    dump: number;
    newCluster: number;
    restore: Record<string, number>;
    verify: number;
    stackStart: number;
    api: number;
    total: number;
  };
  migrationsAppliedOnRestoredStack: string[];
  owner: { email: string; reservationsInSource: number; readThroughApi: number };
  anonReadsReservations: string;
  totalReservations: number;
  publicTablesWithoutRls: string[];
  mismatches: string[];
}

const seconds = (since: number) => Math.round((performance.now() - since) / 10) / 100;

/** Runs pg_dump or pg_restore; resolves with its standard output. */
function runClient(
  client: PgClient,
  program: 'pg_dump' | 'pg_restore',
  args: string[],
  env: Record<string, string> = {},
): Promise<string> {
  const { file, prefix } = client.command(program);
  return new Promise((resolve, reject) => {
    const child = spawn(file, [...prefix, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C', PGCONNECT_TIMEOUT: '10', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`${program} ${args.join(' ')} exited ${code}:\n${stderr.trim()}`)),
    );
  });
}

/**
 * A `pg_restore -L` list of everything in `schemas`, the schemas themselves included (with
 * their comments and grants): `pg_restore --schema` alone selects a schema's objects but
 * not its CREATE SCHEMA, and a new project has none of ours.
 */
async function restoreList(client: PgClient, dumpFile: string, schemas: string[]) {
  const entries = (await runClient(client, 'pg_restore', ['--list', dumpFile]))
    .split('\n')
    .filter((line) => /^\d+;/.test(line));
  const selected = new Set(
    (
      await runClient(client, 'pg_restore', [
        '--list',
        ...schemas.map((schema) => `--schema=${schema}`),
        dumpFile,
      ])
    )
      .split('\n')
      .filter((line) => /^\d+;/.test(line)),
  );
  const schemaLevel = new RegExp(
    `^\\d+; \\d+ \\d+ (SCHEMA - |COMMENT - SCHEMA |ACL - SCHEMA )(${schemas.join('|')}) `,
  );
  return entries.filter(
    (line) => selected.has(line) || (schemaLevel.test(line) && !/SCHEMA - public /.test(line)),
  );
}

/**
 * Row count and an order-independent checksum of every table of `schemas`: the sum of the
 * first 60 bits of each row's md5 (a changed, lost or extra row changes it).
 */
const DEFAULT_ACL_OBJECTS: Record<string, string> = {
  r: 'tables',
  S: 'sequences',
  f: 'functions',
  T: 'types',
  n: 'schemas',
};

/**
 * Revokes the target's default privileges in `schemas` (hosted Supabase's — here the
 * bootstrap's — "grant all on new tables and functions of public to anon, authenticated,
 * service_role"). pg_dump writes each object's grants as a difference from the built-in
 * default (owner only), so an object restored under those default privileges would keep
 * grants its source never had: anon=arwdDxtm on every table, EXECUTE on the sync worker's
 * service-role functions. The dump's own DEFAULT ACL entries, restored after the objects,
 * put the source's default privileges back. Runs as the owner role: no superuser needed.
 */
export async function clearDefaultPrivileges(
  client: pg.ClientBase,
  schemas: string[],
): Promise<number> {
  const { rows } = await client.query<{
    role: string;
    schema: string;
    type: string;
    grantee: string;
  }>(
    `select d.defaclrole::regrole::text as role, n.nspname as schema, d.defaclobjtype::text as type,
            case when a.grantee = 0 then 'public' else a.grantee::regrole::text end as grantee
       from pg_default_acl d
       join pg_namespace n on n.oid = d.defaclnamespace
       cross join lateral aclexplode(d.defaclacl) a
      where n.nspname = any($1)`,
    [schemas],
  );
  for (const row of rows) {
    const objects = DEFAULT_ACL_OBJECTS[row.type];
    if (!objects) continue;
    await client.query(
      `alter default privileges for role ${row.role} in schema ${pg.escapeIdentifier(row.schema)} revoke all on ${objects} from ${row.grantee}`,
    );
  }
  return rows.length;
}

export async function tableFingerprints(
  client: pg.ClientBase,
  schemas: string[],
): Promise<Map<string, TableFingerprint>> {
  const { rows: tables } = await client.query<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1) and c.relkind in ('r', 'p')
      order by 1`,
    [schemas],
  );
  const result = new Map<string, TableFingerprint>();
  for (const { name } of tables) {
    const { rows } = await client.query<{ rows: string; checksum: string }>(
      `select count(*)::text as rows,
              coalesce(sum(('x' || left(md5(t::text), 15))::bit(60)::bigint), 0)::text as checksum
         from only ${name} t`,
    );
    result.set(name, { rows: Number(rows[0]?.rows), checksum: rows[0]?.checksum ?? '' });
  }
  return result;
}

/**
 * What keeps owners apart and the API working, per object, as comparable text: RLS flags,
 * grants and policies of each table; each function's definition hash and grants; triggers;
 * indexes.
 */
export async function securityFingerprint(
  client: pg.ClientBase,
  schemas: string[],
): Promise<Map<string, string>> {
  // Definitions print names relative to the search path: the same one on both sides.
  await client.query('set search_path = pg_catalog');
  const { rows } = await client.query<{ key: string; value: string }>(
    `select 'default acl ' || d.defaclrole::regrole::text || ' in ' || d.defaclnamespace::regnamespace::text
              || ' on ' || d.defaclobjtype::text as key,
            d.defaclacl::text as value
       from pg_default_acl d
      where d.defaclnamespace::regnamespace::text = any($1)
     union all
     select 'table ' || format('%I.%I', n.nspname, c.relname) as key,
            concat_ws(' | ', 'rls=' || c.relrowsecurity, 'force=' || c.relforcerowsecurity,
              'acl=' || coalesce(c.relacl, acldefault('r', c.relowner))::text,
              (select string_agg(format('%s %s %s %s %s', p.polname, p.polcmd::text, p.polroles::regrole[],
                        pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)),
                        '; ' order by p.polname)
                 from pg_policy p where p.polrelid = c.oid)) as value
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1) and c.relkind in ('r', 'p', 'v', 'm')
     union all
     select 'function ' || p.oid::regprocedure::text,
            md5(pg_get_functiondef(p.oid)) || ' acl=' || coalesce(p.proacl, acldefault('f', p.proowner))::text
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = any($1) and p.prokind in ('f', 'p')
     union all
     select 'trigger ' || t.tgname || ' on ' || t.tgrelid::regclass::text,
            md5(pg_get_triggerdef(t.oid)) || ' enabled=' || t.tgenabled::text
       from pg_trigger t join pg_class c on c.oid = t.tgrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1) and not t.tgisinternal
     union all
     select 'index ' || format('%I.%I', schemaname, indexname), md5(indexdef)
       from pg_indexes where schemaname = any($1)`,
    [schemas],
  );
  return new Map(rows.map((row) => [row.key, row.value]));
}

function compareMaps<T>(what: string, source: Map<string, T>, target: Map<string, T>): string[] {
  const problems: string[] = [];
  for (const [key, value] of source) {
    const restored = target.get(key);
    if (restored === undefined) problems.push(`${what} ${key}: missing after restore`);
    else if (JSON.stringify(restored) !== JSON.stringify(value)) {
      problems.push(
        `${what} ${key}: ${JSON.stringify(value)} before, ${JSON.stringify(restored)} after`,
      );
    }
  }
  for (const key of target.keys()) {
    if (!source.has(key)) problems.push(`${what} ${key}: only after restore`);
  }
  return problems;
}

async function ownerReservations(client: pg.ClientBase, email: string) {
  const { rows } = await client.query<{ owner: string; total: string }>(
    `select (select count(*) from public.reservations r
              where r.owner_user_id = (select id from auth.users where email = $1))::text as owner,
            (select count(*) from public.reservations)::text as total`,
    [email],
  );
  return { owner: Number(rows[0]?.owner), total: Number(rows[0]?.total) };
}

async function databaseBytes(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ bytes: string }>(
    'select pg_database_size(current_database())::text as bytes',
  );
  return Number(rows[0]?.bytes);
}

export async function backupAndRestore(
  options: BackupRestoreOptions,
): Promise<BackupRestoreReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const owner = options.owner ?? DEMO_OWNER;
  const started = performance.now();
  const pgClient = await ensurePgClient(log);
  const outDir = options.outDir ?? (await mkdtemp(path.join(tmpdir(), 'lou-backup-')));
  await mkdir(outDir, { recursive: true });
  const dumpFile = path.join(
    outDir,
    `liveownerunit-${new Date().toISOString().replace(/[:.]/g, '-')}.dump`,
  );
  const targetDir = await mkdtemp(path.join(tmpdir(), 'lou-restored-'));
  const mismatches: string[] = [];
  const restoreSeconds: Record<string, number> = {};
  let restoredStack: RunningStack | undefined;
  let bareCluster: { stop(): Promise<void> } | undefined;

  try {
    // --- Backup: fingerprints and pg_dump in one exported snapshot --------------------------
    log(`pg_dump: ${pgClient.version} (${pgClient.source})`);
    const source = new pg.Client({ connectionString: options.source.dbUrl });
    await source.connect();
    let sourceTables: Map<string, TableFingerprint>;
    let sourceSecurity: Map<string, string>;
    let sourceOwner: { owner: number; total: number };
    let extensions: Array<{ name: string; schema: string }>;
    let serverVersion: string;
    let sourceDatabaseBytes: number;
    let fingerprintSeconds: number;
    let dumpSeconds: number;
    try {
      await source.query('begin isolation level repeatable read read only');
      const { rows } = await source.query<{ snapshot: string; version: string }>(
        "select pg_export_snapshot() as snapshot, current_setting('server_version') as version",
      );
      serverVersion = rows[0]?.version ?? '?';
      const snapshot = rows[0]?.snapshot ?? '';
      let since = performance.now();
      sourceTables = await tableFingerprints(source, DUMPED_SCHEMAS);
      sourceSecurity = await securityFingerprint(source, DUMPED_SCHEMAS);
      sourceOwner = await ownerReservations(source, owner.email);
      sourceDatabaseBytes = await databaseBytes(source);
      extensions = (
        await source.query<{ name: string; schema: string }>(
          `select e.extname as name, n.nspname as schema
             from pg_extension e join pg_namespace n on n.oid = e.extnamespace
            where e.extname <> 'plpgsql' order by 1`,
        )
      ).rows;
      fingerprintSeconds = seconds(since);
      since = performance.now();
      await runClient(pgClient, 'pg_dump', [
        '--format=custom',
        // zstd: on the 2,000-owner dataset 6.3 s and 53 MB, against 16.9 s and 67 MB for the
        // default gzip (pg_restore reads either).
        '--compress=zstd:3',
        `--dbname=${options.source.dbUrl}`,
        `--snapshot=${snapshot}`,
        ...DUMPED_SCHEMAS.map((schema) => `--schema=${schema}`),
        `--file=${dumpFile}`,
      ]);
      dumpSeconds = seconds(since);
      await source.query('commit');
    } finally {
      await source.end();
    }
    const dumpBytes = (await stat(dumpFile)).size;
    log(`dumped ${DUMPED_SCHEMAS.join(', ')} → ${dumpFile} (${mb(dumpBytes)}) in ${dumpSeconds} s`);
    if (sourceOwner.owner === 0) {
      throw new Error(
        `the source has no reservation of ${owner.email}: pass --email/--password of an owner who has some`,
      );
    }

    // --- A new, empty "project": the platform's bootstrap only ------------------------------
    let since = performance.now();
    const targetPostgresPort = options.targetPortBase + 2;
    bareCluster = await startPostgres({
      dataDir: targetDir,
      port: targetPostgresPort,
      log: (line) => {
        if (!/permission denied for table reservations/.test(line)) log(`[restored db] ${line}`);
      },
    });
    const targetUrl = superuserUrl(targetPostgresPort);
    const target = new pg.Client({ connectionString: targetUrl });
    await target.connect();
    try {
      await runSqlFile(target, bootstrapFile);
      const newClusterSeconds = seconds(since);

      // --- Restore ---------------------------------------------------------------------------
      since = performance.now();
      for (const { name, schema } of extensions) {
        await target.query(
          `create extension if not exists ${pg.escapeIdentifier(name)} with schema ${pg.escapeIdentifier(schema)}`,
        );
      }
      restoreSeconds.extensions = seconds(since);
      const restore = async (
        step: string,
        args: string[],
        schemas?: string[],
        env: Record<string, string> = {},
      ) => {
        const stepStarted = performance.now();
        if (schemas) {
          const listFile = path.join(outDir, `${step.replace(/\W+/g, '-')}.list`);
          await writeFile(
            listFile,
            `${(await restoreList(pgClient, dumpFile, schemas)).join('\n')}\n`,
          );
          args.push(`--use-list=${listFile}`);
        }
        await runClient(
          pgClient,
          'pg_restore',
          [`--dbname=${targetUrl}`, '--exit-on-error', ...args, dumpFile],
          env,
        );
        if (schemas) await rm(path.join(outDir, `${step.replace(/\W+/g, '-')}.list`));
        restoreSeconds[step] = seconds(stepStarted);
      };
      // Data only, into tables that exist: pg_restore loads them in name order (refresh_tokens
      // before users), so foreign keys are not checked during the load — the rows come from
      // one consistent snapshot. Supabase's own restore guide does the same; the postgres
      // role of a hosted project may set session_replication_role.
      await restore(
        'auth data',
        ['--data-only', '--schema=auth', '--single-transaction'],
        undefined,
        { PGOPTIONS: '-c session_replication_role=replica' },
      );
      await restore(
        'migration history',
        ['--clean', '--if-exists', '--single-transaction'],
        ['supabase_migrations'],
      );
      await clearDefaultPrivileges(target, APP_SCHEMAS);
      const jobs = options.jobs ?? 1;
      await restore(
        'app schemas',
        jobs > 1 ? [`--jobs=${jobs}`] : ['--single-transaction'],
        APP_SCHEMAS,
      );
      since = performance.now();
      await target.query('analyze');
      restoreSeconds.analyze = seconds(since);
      const restoreTotal = Object.values(restoreSeconds).reduce((a, b) => a + b, 0);
      log(
        `restored into a new cluster on port ${targetPostgresPort} in ${restoreTotal.toFixed(2)} s`,
      );

      // --- Verify in SQL ------------------------------------------------------------------------
      since = performance.now();
      const targetTables = await tableFingerprints(target, DUMPED_SCHEMAS);
      mismatches.push(...compareMaps('table', sourceTables, targetTables));
      mismatches.push(
        ...compareMaps('object', sourceSecurity, await securityFingerprint(target, DUMPED_SCHEMAS)),
      );
      const { rows: withoutRls } = await target.query<{ name: string }>(
        `select c.relname as name from pg_class c
          where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
            and not c.relrowsecurity order by 1`,
      );
      const targetDatabaseBytes = await databaseBytes(target);
      const verifySeconds = seconds(since);
      await target.end();
      await bareCluster.stop();
      bareCluster = undefined;

      // --- The whole stack on the restored data, and the owner through the API ----------------
      since = performance.now();
      restoredStack = await startStack({
        dataDir: targetDir,
        portBase: options.targetPortBase,
        seed: false,
        // The anon check below is refused by design: its "permission denied" is not news.
        log: (part, line) => {
          if (!/permission denied for table reservations/.test(line))
            log(`[restored ${part}] ${line}`);
        },
      });
      const stackStartSeconds = seconds(since);
      since = performance.now();
      const api = (key: string) =>
        createClient(restoredStack?.url ?? '', key, {
          auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
          realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
        });
      const ownerClient = api(restoredStack.anonKey);
      const signIn = await ownerClient.auth.signInWithPassword(owner);
      if (signIn.error) throw new Error(`sign-in on the restored stack: ${signIn.error.message}`);
      const read = await ownerClient
        .from('reservations')
        .select('id', { count: 'exact', head: true });
      if (read.error) throw new Error(`reading reservations: ${read.error.message}`);
      const anonRead = await api(restoredStack.anonKey).from('reservations').select('id').limit(1);
      // As in the source, anon has no grant on reservations: refused (42501), or 0 rows.
      if (anonRead.error && anonRead.error.code !== '42501') {
        throw new Error(`reading as anon: ${anonRead.error.message}`);
      }
      const anonRows = anonRead.data?.length ?? 0;
      const anonReads = anonRead.error ? 'refused (42501)' : `${anonRows} rows`;
      const apiSeconds = seconds(since);

      if ((read.count ?? -1) !== sourceOwner.owner) {
        mismatches.push(
          `${owner.email} reads ${read.count} reservations through the API, ${sourceOwner.owner} in the source`,
        );
      }
      if (!anonRead.error && anonRows !== 0) mismatches.push(`anon reads ${anonReads}`);
      for (const { name } of withoutRls) mismatches.push(`public.${name} has RLS off`);

      const rows = [...sourceTables.values()].reduce((sum, table) => sum + table.rows, 0);
      return {
        pgClient: `${pgClient.version} — ${pgClient.source}`,
        serverVersion,
        dumpFile,
        dumpBytes,
        sourceDatabaseBytes,
        targetDatabaseBytes,
        tables: sourceTables.size,
        rows,
        extensions: extensions.map((e) => `${e.name} (${e.schema})`),
        seconds: {
          fingerprint: fingerprintSeconds,
          dump: dumpSeconds,
          newCluster: newClusterSeconds,
          restore: restoreSeconds,
          verify: verifySeconds,
          stackStart: stackStartSeconds,
          api: apiSeconds,
          total: seconds(started),
        },
        migrationsAppliedOnRestoredStack: restoredStack.appliedMigrations,
        owner: {
          email: owner.email,
          reservationsInSource: sourceOwner.owner,
          readThroughApi: read.count ?? -1,
        },
        anonReadsReservations: anonReads,
        totalReservations: sourceOwner.total,
        publicTablesWithoutRls: withoutRls.map((row) => row.name),
        mismatches,
      };
    } finally {
      await target.end().catch(() => undefined);
    }
  } finally {
    await restoredStack?.stop();
    await bareCluster?.stop();
    if (!options.keepTarget) await rm(targetDir, { recursive: true, force: true });
    else log(`restored data dir kept: ${targetDir}`);
    if (!options.outDir) await rm(outDir, { recursive: true, force: true });
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 2 : 0)} MB`;
}

export function formatReport(report: BackupRestoreReport): string {
  const s = report.seconds;
  const restoreTotal = Object.values(s.restore).reduce((a, b) => a + b, 0);
  const lines = [
    `Backup / restore — PostgreSQL ${report.serverVersion}, ${report.pgClient}`,
    `  schemas         ${DUMPED_SCHEMAS.join(', ')} (auth: data only); extensions created: ${report.extensions.join(', ')}`,
    `  source          ${report.tables} tables, ${report.rows.toLocaleString('en')} rows (${report.totalReservations.toLocaleString('en')} reservations), database ${mb(report.sourceDatabaseBytes)}`,
    `  dump            ${mb(report.dumpBytes)} (pg_dump -Fc, zstd) in ${s.dump} s (+ ${s.fingerprint} s of checksums in the same snapshot)`,
    `  new cluster     ${s.newCluster} s (initdb + platform bootstrap)`,
    `  restore         ${restoreTotal.toFixed(2)} s — ${Object.entries(s.restore)
      .map(([step, value]) => `${step} ${value} s`)
      .join(', ')}; database ${mb(report.targetDatabaseBytes)}`,
    `  verify          ${s.verify} s: row counts and checksums of ${report.tables} tables, RLS/policies/grants/functions/triggers/indexes`,
    `  restored stack  started in ${s.stackStart} s, migrations applied on start: ${report.migrationsAppliedOnRestoredStack.length ? report.migrationsAppliedOnRestoredStack.join(', ') : 'none'}`,
    `  API             ${report.owner.email} signed in and read ${report.owner.readThroughApi} of ${report.totalReservations} reservations (source: ${report.owner.reservationsInSource}); anon reads ${report.anonReadsReservations}; public tables without RLS: ${report.publicTablesWithoutRls.length}`,
    `  total           ${s.total} s`,
  ];
  lines.push(
    report.mismatches.length
      ? `✖ ${report.mismatches.length} mismatch(es):\n${report.mismatches.map((m) => `    ${m}`).join('\n')}`
      : '✔ the restored database equals the backup',
  );
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values: flags } = parseArgs({
    options: {
      source: { type: 'string' },
      'source-port-base': { type: 'string', default: '60800' },
      'target-port-base': { type: 'string', default: '61000' },
      out: { type: 'string' },
      keep: { type: 'boolean', default: false },
      email: { type: 'string' },
      password: { type: 'string' },
      jobs: { type: 'string', default: '1' },
    },
  });
  const main = async () => {
    let ownSource: RunningStack | undefined;
    let ownSourceDir: string | undefined;
    try {
      let dbUrl: string;
      if (flags.source) {
        const info = await readStackInfo(path.join(path.resolve(flags.source), 'stack.json'));
        if (!info?.dbUrl) throw new Error(`${flags.source}/stack.json names no database`);
        dbUrl = info.dbUrl;
      } else {
        ownSourceDir = await mkdtemp(path.join(tmpdir(), 'lou-backup-source-'));
        console.log(`starting a seeded source stack on port base ${flags['source-port-base']}…`);
        ownSource = await startStack({
          dataDir: ownSourceDir,
          portBase: Number(flags['source-port-base']),
          seed: true,
          log: (part, line) => console.log(`[source ${part}] ${line}`),
        });
        dbUrl = ownSource.dbUrl;
      }
      const report = await backupAndRestore({
        source: { dbUrl },
        targetPortBase: Number(flags['target-port-base']),
        jobs: Number(flags.jobs),
        keepTarget: flags.keep,
        ...(flags.out ? { outDir: path.resolve(flags.out) } : {}),
        ...(flags.email && flags.password
          ? { owner: { email: flags.email, password: flags.password } }
          : {}),
      });
      console.log(formatReport(report));
      process.exitCode = report.mismatches.length ? 1 : 0;
    } finally {
      await ownSource?.stop();
      if (ownSourceDir) await rm(ownSourceDir, { recursive: true, force: true });
    }
  };
  main().catch((error: unknown) => {
    console.error(`✖ ${(error as Error)?.message ?? String(error)}`);
    process.exitCode = 1;
  });
}
