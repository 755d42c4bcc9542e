/**
 * `npm run bench:reservations -- [--stack-file F] [--owners-sample K] [--runs N]
 *   [--concurrency C] [--duration S] [--search TERM]`
 *
 * What the Réservations screens cost at scale, for the largest owners of a seed:scale dataset
 * (among the owners with the most gîtes, those with the most stays), with RLS on:
 *
 *  1. through the API (gateway → PostgREST, signed-in owners, the requests supabase-js sends):
 *     p50/p95/p99 of each query below, after a warm-up;
 *  2. database time of the same queries, as PostgREST runs them (its SQL shape), executed as
 *     the owner's role (`set local role authenticated` + `request.jwt.claims`) under
 *     EXPLAIN (ANALYZE, BUFFERS): planning + execution p50/p95/p99; every plan is checked for a
 *     Seq Scan on reservations (the bench fails if one appears), and printed;
 *  3. page 1 as the list loads it (rows and total side by side) with C owners for S seconds:
 *     once browsing (a page every 0.5–1.5 s each: what owners see), once with no think time
 *     (closed loop: what the machine can serve).
 *
 * "Page 200 by offset" is there for comparison with its keyset equivalent: PostgREST evaluates
 * computed fields (has_overlap) for the skipped rows too, so deep offsets are far slower.
 *
 * Loopback only, bounded: --runs per query and owner (default 30), --duration for the load.
 * Exits non-zero when a plan scans reservations sequentially.
 *
 * Dataset: `npm run seed:scale` (see dev/scale/seed-scale.ts); by default the dev stack's
 * `.local/stack.json`, else --stack-file <data dir>/stack.json of the scale stack, e.g.
 *   npx tsx dev/stack/cli.ts --data-dir .local/scale --port-base 54520 --no-seed --no-sync &
 *   npm run bench:reservations -- --stack-file .local/scale/stack.json
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { formatDuration, readStackInfo } from '../scale/db-url.ts';
import { SCALE_PASSWORD } from '../scale/generate.ts';
import { repoRoot } from '../stack/config.ts';

const { values: flags } = parseArgs({
  options: {
    'stack-file': { type: 'string', default: path.join(repoRoot, '.local', 'stack.json') },
    'owners-sample': { type: 'string', default: '5' },
    runs: { type: 'string', default: '30' },
    concurrency: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    search: { type: 'string', default: 'dupont' },
    password: { type: 'string', default: SCALE_PASSWORD },
  },
});

function intFlag(value: string | undefined, name: string, min: number, max: number): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new Error(`--${name} must be an integer between ${min} and ${max} (got ${value})`);
  }
  return parsed;
}

const PAGE = 50;
const DEEP_PAGE = 200;

interface Owner {
  id: string;
  /** Offset of page DEEP_PAGE, or of the owner's last full page if they have fewer rows. */
  deepOffset: number;
  email: string;
  token: string;
  stays: number;
  gites: number;
  giteId: string;
  /** The last row of page DEEP_PAGE - 1, in list order: the keyset cursor of page DEEP_PAGE. */
  cursor: { date: string; id: string };
}

interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

interface QueryCase {
  name: string;
  /** Database-time target for p95, in ms (issue 3), if any. */
  targetMs?: number;
  http: (o: Owner) => HttpRequest;
  /** The SQL PostgREST runs for that request (its PostgREST 12 shape), values inlined. */
  sql: (o: Owner) => string;
  /** For functions: the statement inside, explained separately to show its plan. */
  inner?: (o: Owner) => Promise<{ role: 'owner' | 'definer'; sql: string }>;
}

// ------------------------------------------------------------------ dates
const today = new Date();
const iso = (d: Date) => d.toISOString().slice(0, 10);
const monthStart = iso(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)));
const monthEnd = iso(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1)));
const quarterStart = iso(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 2, 1)));

const lit = (value: string) => `'${value.replace(/'/g, "''")}'`;
const FULL_SELECT = '"public"."reservations".*, "public"."reservations"."has_overlap"';
const ORDER =
  'ORDER BY "public"."reservations"."date_debut" DESC , "public"."reservations"."id" DESC';
const TAIL = `pg_catalog.count(_postgrest_t) AS page_total, coalesce(json_agg(_postgrest_t), '[]') AS body, nullif(current_setting('response.headers', true), '') AS response_headers, nullif(current_setting('response.status', true), '') AS response_status, '' AS response_inserted FROM ( SELECT * FROM pgrst_source ) _postgrest_t`;

/** GET /reservations as PostgREST 12 writes it (with Prefer: count=exact when `count`). */
function tableSql(opts: {
  select?: string;
  where?: string;
  order?: string;
  limit: number;
  offset: number;
  count: boolean;
}): string {
  const where = opts.where ? ` WHERE ${opts.where}` : '';
  const source = `pgrst_source AS ( SELECT ${opts.select ?? FULL_SELECT} FROM "public"."reservations"${where} ${opts.order ?? ORDER} LIMIT ${opts.limit} OFFSET ${opts.offset} )`;
  if (!opts.count) return `WITH ${source} SELECT null::bigint AS total_result_set, ${TAIL}`;
  return `WITH ${source} , pgrst_source_count AS (SELECT 1 FROM "public"."reservations"${where}) SELECT (SELECT pg_catalog.count(*) FROM pgrst_source_count) AS total_result_set, ${TAIL}`;
}

const col = (name: string) => `"public"."reservations"."${name}"`;
const countHeader = { Prefer: 'count=exact' };
const listQuery = `select=*,has_overlap&order=date_debut.desc,id.desc`;
/** The owner's totals, as `readOwnerCount` (src/features/reservations/api) asks for them. */
const COUNTS_PATH = 'reservation_counts?select=confirmed,blocked,cancelled';

function cases(search: string, functionSources: Map<string, string>): QueryCase[] {
  const body = (name: string) => {
    const src = functionSources.get(name);
    if (!src) throw new Error(`function ${name} not found: are the migrations applied?`);
    return src;
  };
  return [
    {
      name: 'page 1: 50 rows + has_overlap (the list, unfiltered)',
      targetMs: 2,
      http: () => ({ method: 'GET', path: `reservations?${listQuery}&offset=0&limit=${PAGE}` }),
      sql: () => tableSql({ limit: PAGE, offset: 0, count: false }),
    },
    {
      name: 'page 1 total: reservation_counts (read beside the rows)',
      targetMs: 2,
      http: () => ({ method: 'GET', path: COUNTS_PATH }),
      sql: () =>
        `WITH pgrst_source AS ( SELECT "public"."reservation_counts"."confirmed", "public"."reservation_counts"."blocked", "public"."reservation_counts"."cancelled" FROM "public"."reservation_counts" LIMIT 1 OFFSET 0 ) SELECT null::bigint AS total_result_set, ${TAIL}`,
    },
    {
      name: 'page 1 counted by the database (count exact: how filtered lists count)',
      http: () => ({
        method: 'GET',
        path: `reservations?${listQuery}&offset=0&limit=${PAGE}`,
        headers: countHeader,
      }),
      sql: () => tableSql({ limit: PAGE, offset: 0, count: true }),
    },
    {
      name: `page ${DEEP_PAGE} by offset (count exact)`,
      http: (o) => ({
        method: 'GET',
        path: `reservations?${listQuery}&offset=${o.deepOffset}&limit=${PAGE}`,
        headers: countHeader,
      }),
      sql: (o) => tableSql({ limit: PAGE, offset: o.deepOffset, count: true }),
    },
    {
      name: `page ${DEEP_PAGE} by keyset`,
      targetMs: 2,
      http: (o) => ({
        method: 'GET',
        path: `reservations?${listQuery}&limit=${PAGE}&date_debut=lte.${o.cursor.date}&or=(date_debut.lt.${o.cursor.date},and(date_debut.eq.${o.cursor.date},id.lt.${o.cursor.id}))`,
      }),
      sql: (o) =>
        tableSql({
          where: `( ${col('date_debut')} < ${lit(o.cursor.date)} OR  ( ${col('date_debut')} = ${lit(o.cursor.date)} AND  ${col('id')} < ${lit(o.cursor.id)})) AND  ${col('date_debut')} <= ${lit(o.cursor.date)}`,
          limit: PAGE,
          offset: 0,
          count: false,
        }),
    },
    {
      name: 'sorted by amount, page 1 (count exact)',
      http: () => ({
        method: 'GET',
        path: `reservations?select=*,has_overlap&order=montant.desc.nullslast,date_debut.desc,id.desc&offset=0&limit=${PAGE}`,
        headers: countHeader,
      }),
      sql: () =>
        tableSql({
          order: `ORDER BY ${col('montant')} DESC NULLS LAST , ${col('date_debut')} DESC , ${col('id')} DESC`,
          limit: PAGE,
          offset: 0,
          count: true,
        }),
    },
    {
      name: 'filters: gîte + platform + status + 3 months (count exact)',
      http: (o) => ({
        method: 'GET',
        path: `reservations?${listQuery}&gite_id=eq.${o.giteId}&plateforme=eq.airbnb&status=eq.confirmed&date_debut=lt.${monthEnd}&date_fin=gt.${quarterStart}&offset=0&limit=${PAGE}`,
        headers: countHeader,
      }),
      sql: (o) =>
        tableSql({
          where: `${col('gite_id')} = ${lit(o.giteId)} AND  ${col('plateforme')} = 'airbnb' AND  ${col('status')} = 'confirmed' AND  ${col('date_debut')} < ${lit(monthEnd)} AND  ${col('date_fin')} > ${lit(quarterStart)}`,
          limit: PAGE,
          offset: 0,
          count: true,
        }),
    },
    {
      name: `name search "${search}" (rpc search_reservations, count exact)`,
      targetMs: 10,
      http: () => ({
        method: 'POST',
        path: `rpc/search_reservations?${listQuery}&offset=0&limit=${PAGE}`,
        headers: countHeader,
        body: { p_query: search },
      }),
      sql: () =>
        `WITH pgrst_source AS (SELECT "pgrst_call".* FROM (SELECT ${lit(JSON.stringify({ p_query: search }))}::json AS json_data) pgrst_payload, LATERAL (SELECT CASE WHEN json_typeof(pgrst_payload.json_data) = 'array' THEN pgrst_payload.json_data ELSE json_build_array(pgrst_payload.json_data) END AS val) pgrst_uniform_json, LATERAL (SELECT "p_query" FROM json_to_recordset(pgrst_uniform_json.val) AS _("p_query" text) LIMIT 1) pgrst_body , LATERAL "public"."search_reservations"("p_query" := pgrst_body."p_query") pgrst_call) , pgrst_source_count AS (SELECT 1 FROM "pgrst_source" AS "reservations") SELECT (SELECT pg_catalog.count(*) FROM pgrst_source_count) AS total_result_set, pg_catalog.count(_postgrest_t) AS page_total, coalesce(json_agg(_postgrest_t), '[]') AS body, nullif(current_setting('response.headers', true), '') AS response_headers, nullif(current_setting('response.status', true), '') AS response_status, '' AS response_inserted FROM (SELECT "reservations".*, "reservations"."has_overlap" FROM "pgrst_source" AS "reservations" ORDER BY "reservations"."date_debut" DESC , "reservations"."id" DESC LIMIT ${PAGE} OFFSET 0) _postgrest_t`,
      inner: async () => ({
        role: 'definer',
        sql: body('search_reservations').replace(/\bp_query\b/g, lit(search)),
      }),
    },
    {
      name: `name search "${search}" (table filter client_nom_search, count exact)`,
      http: () => ({
        method: 'GET',
        path: `reservations?${listQuery}&client_nom_search=like.*${search}*&offset=0&limit=${PAGE}`,
        headers: countHeader,
      }),
      sql: () =>
        tableSql({
          where: `${col('client_nom_search')} like ${lit(`%${search}%`)}`,
          limit: PAGE,
          offset: 0,
          count: true,
        }),
    },
    {
      name: 'calendar month (all gîtes)',
      targetMs: 5,
      http: () => ({
        method: 'GET',
        path: `reservations?select=id,gite_id,plateforme,status,client_nom,date_debut,date_fin&date_debut=lt.${monthEnd}&date_fin=gt.${monthStart}&status=neq.cancelled&order=gite_id,date_debut`,
      }),
      sql: () =>
        tableSql({
          select: `${col('id')}, ${col('gite_id')}, ${col('plateforme')}, ${col('status')}, ${col('client_nom')}, ${col('date_debut')}, ${col('date_fin')}`,
          where: `${col('date_debut')} < ${lit(monthEnd)} AND  ${col('date_fin')} > ${lit(monthStart)} AND  ${col('status')} <> 'cancelled'`,
          order: `ORDER BY ${col('gite_id')} ASC , ${col('date_debut')} ASC`,
          limit: 1000,
          offset: 0,
          count: false,
        }),
    },
    {
      name: 'dashboard (rpc dashboard_summary)',
      http: () => ({ method: 'POST', path: 'rpc/dashboard_summary', body: {} }),
      sql: () =>
        `WITH pgrst_source AS (SELECT pgrst_call.pgrst_scalar FROM (SELECT "public"."dashboard_summary"() pgrst_scalar) pgrst_call) SELECT null::bigint AS total_result_set, 1 AS page_total, coalesce(json_agg(_postgrest_t.pgrst_scalar)->0, 'null') AS body, nullif(current_setting('response.headers', true), '') AS response_headers, nullif(current_setting('response.status', true), '') AS response_status, '' AS response_inserted FROM (SELECT "dashboard_summary".* FROM "pgrst_source" AS "dashboard_summary") _postgrest_t`,
      inner: async () => ({
        role: 'owner',
        sql: body('dashboard_summary').replace(/\bp_today\b/g, `${lit(iso(today))}::date`),
      }),
    },
  ];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ------------------------------------------------------------------ statistics
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '–');

// ------------------------------------------------------------------ API
interface Api {
  url: string;
  anonKey: string;
}

async function signIn(api: Api, email: string, password: string): Promise<string> {
  const response = await fetch(`${api.url}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: api.anonKey, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const json = (await response.json()) as { access_token?: string; msg?: string };
  if (!response.ok || !json.access_token) {
    throw new Error(`sign-in of ${email} failed (${response.status}): ${JSON.stringify(json)}`);
  }
  return json.access_token;
}

async function callApi(api: Api, owner: Owner, request: HttpRequest): Promise<number> {
  const started = performance.now();
  const init: RequestInit = {
    method: request.method,
    headers: {
      apikey: api.anonKey,
      authorization: `Bearer ${owner.token}`,
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...request.headers,
    },
  };
  if (request.body !== undefined) init.body = JSON.stringify(request.body);
  const response = await fetch(`${api.url}/rest/v1/${request.path}`, init);
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (!response.ok) {
    throw new Error(`${request.method} ${request.path} answered ${response.status}`);
  }
  return elapsed;
}

// ------------------------------------------------------------------ database
interface PlanNode {
  'Node Type'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode | undefined, found: string[] = []): string[] {
  if (!node) return found;
  if (node['Node Type'] === 'Seq Scan' && node['Relation Name']) found.push(node['Relation Name']);
  for (const child of node.Plans ?? []) seqScans(child, found);
  return found;
}

/** Runs `sql` under EXPLAIN as the owner (RLS on) or as the function's owner (definer). */
async function explain(
  db: pg.Pool,
  owner: Owner,
  sql: string,
  options: string,
  role: 'owner' | 'definer' = 'owner',
): Promise<unknown> {
  const client = await db.connect();
  try {
    await client.query('begin');
    if (role === 'owner') await client.query('set local role authenticated');
    await client.query("select set_config('request.jwt.claims', $1, true)", [
      JSON.stringify({ sub: owner.id, role: 'authenticated' }),
    ]);
    const { rows } = await client.query<{ 'QUERY PLAN': unknown }>(`explain (${options}) ${sql}`);
    await client.query('rollback');
    return options.includes('json')
      ? rows[0]?.['QUERY PLAN']
      : rows.map((r) => r['QUERY PLAN']).join('\n');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function dbTime(
  db: pg.Pool,
  owner: Owner,
  sql: string,
): Promise<{ ms: number; seq: string[] }> {
  const json = (await explain(db, owner, sql, 'analyze, buffers, timing off, format json')) as {
    Plan: PlanNode;
    'Planning Time': number;
    'Execution Time': number;
  }[];
  const result = json[0];
  if (!result) throw new Error('EXPLAIN returned no plan');
  return { ms: result['Planning Time'] + result['Execution Time'], seq: seqScans(result.Plan) };
}

async function loadOwners(
  db: pg.Pool,
  api: Api,
  sample: number,
  password: string,
): Promise<Owner[]> {
  // The owners with the most gîtes, then the most stays among them (counting stays only for
  // those: an index-only count each).
  const { rows } = await db.query<{ id: string; email: string; gites: number; stays: number }>(
    `with candidates as (
       select g.owner_user_id as id, count(*)::int as gites
       from public.gites g
       group by g.owner_user_id
       order by count(*) desc
       limit greatest($1 * 4, 200)
     )
     select c.id, u.email, c.gites,
       (select count(*)::int from public.reservations r where r.owner_user_id = c.id) as stays
     from candidates c join auth.users u on u.id = c.id
     order by stays desc, u.email
     limit $1`,
    [sample],
  );
  if (rows.length === 0) throw new Error('no owner in this database: run npm run seed:scale first');
  const owners: Owner[] = [];
  for (const row of rows) {
    const { rows: cursor } = await db.query<{ date_debut: string; id: string }>(
      `select to_char(date_debut, 'YYYY-MM-DD') as date_debut, id from public.reservations
       where owner_user_id = $1 order by date_debut desc, id desc
       offset $2 limit 1`,
      [row.id, Math.min(row.stays - 1, (DEEP_PAGE - 1) * PAGE - 1)],
    );
    const { rows: gite } = await db.query<{ gite_id: string }>(
      `select gite_id from public.reservations where owner_user_id = $1
       group by gite_id order by count(*) desc limit 1`,
      [row.id],
    );
    const c = cursor[0];
    const g = gite[0];
    if (!c || !g) continue;
    owners.push({
      id: row.id,
      email: row.email,
      deepOffset: Math.max(0, Math.min((DEEP_PAGE - 1) * PAGE, row.stays - PAGE)),
      token: await signIn(api, row.email, password),
      stays: row.stays,
      gites: row.gites,
      giteId: g.gite_id,
      cursor: { date: c.date_debut, id: c.id },
    });
  }
  return owners;
}

// ------------------------------------------------------------------ main
async function main(): Promise<void> {
  const started = Date.now();
  const stackFile = path.resolve(flags['stack-file']);
  const info = await readStackInfo(stackFile);
  if (!info?.url || !info.anonKey || !info.dbUrl) {
    throw new Error(`${stackFile} is missing or incomplete: start the stack (it writes that file)`);
  }
  const api: Api = { url: info.url, anonKey: info.anonKey };
  const sample = intFlag(flags['owners-sample'], 'owners-sample', 1, 500);
  const runs = intFlag(flags.runs, 'runs', 1, 10_000);
  const concurrency = intFlag(flags.concurrency, 'concurrency', 1, 500);
  const duration = intFlag(flags.duration, 'duration', 1, 600);
  const db = new pg.Pool({ connectionString: info.dbUrl, max: 4 });

  const { rows: size } = await db.query<{ owners: number; gites: number; stays: number }>(
    `select (select count(*)::int from auth.users) as owners,
            (select count(*)::int from public.gites) as gites,
            (select reltuples::bigint::int from pg_class where oid = 'public.reservations'::regclass) as stays`,
  );
  const { rows: fns } = await db.query<{ proname: string; prosrc: string }>(
    `select proname, prosrc from pg_proc
     where pronamespace = 'public'::regnamespace and proname in ('search_reservations', 'dashboard_summary')`,
  );
  const sources = new Map(fns.map((f) => [f.proname, f.prosrc]));
  const owners = await loadOwners(db, api, Math.max(sample, concurrency), flags.password);
  const subjects = owners.slice(0, sample);
  const dataset = size[0];
  console.log(
    `# Reservations bench — ${new Date().toISOString().slice(0, 16)}Z\n\nDataset: ${dataset?.owners.toLocaleString('en')} owners, ${dataset?.gites.toLocaleString('en')} gîtes, ~${dataset?.stays.toLocaleString('en')} reservations (${api.url}).`,
  );
  console.log(
    `Subjects: the ${subjects.length} largest owners (${subjects.map((o) => `${o.gites} gîtes/${o.stays.toLocaleString('en')} stays`).join(', ')}); ${runs} runs per query and owner after a warm-up.\n`,
  );

  const list = cases(flags.search, sources);
  const rows: string[] = [];
  const badPlans: string[] = [];
  const printed: string[] = [];
  for (const c of list) {
    const httpTimes: number[] = [];
    const dbTimes: number[] = [];
    for (const owner of subjects) {
      // Warm-up: the first request of a shape pays PostgREST's and the planner's caches.
      await callApi(api, owner, c.http(owner));
      await callApi(api, owner, c.http(owner));
      const sql = c.sql(owner);
      await dbTime(db, owner, sql);
      for (let i = 0; i < runs; i += 1) httpTimes.push(await callApi(api, owner, c.http(owner)));
      for (let i = 0; i < runs; i += 1) {
        const { ms: t, seq } = await dbTime(db, owner, sql);
        dbTimes.push(t);
        if (seq.includes('reservations')) badPlans.push(`${c.name} (${owner.email})`);
      }
    }
    const subject = subjects[0];
    if (subject) {
      const plan = (await explain(db, subject, c.sql(subject), 'analyze, buffers')) as string;
      let text = `### ${c.name}\n\n\`\`\`\n${plan}\n\`\`\`\n`;
      if (c.inner) {
        const inner = await c.inner(subject);
        const innerPlan = (await explain(
          db,
          subject,
          inner.sql,
          'analyze, buffers',
          inner.role,
        )) as string;
        text += `\nInside the function (as ${inner.role === 'owner' ? 'the owner, RLS on' : 'its owner: security definer, filtered on auth.uid()'}):\n\n\`\`\`\n${innerPlan}\n\`\`\`\n`;
        const innerJson = (await explain(db, subject, inner.sql, 'format json', inner.role)) as {
          Plan: PlanNode;
        }[];
        if (seqScans(innerJson[0]?.Plan).includes('reservations'))
          badPlans.push(`${c.name} (inside)`);
      }
      printed.push(text);
    }
    const h = stats(httpTimes);
    const d = stats(dbTimes);
    const verdict = c.targetMs === undefined ? '' : d.p95 <= c.targetMs ? '✅' : '❌';
    rows.push(
      `| ${c.name} | ${ms(h.p50)} | ${ms(h.p95)} | ${ms(h.p99)} | ${ms(d.p50)} | ${ms(d.p95)} | ${ms(d.p99)} | ${c.targetMs === undefined ? '' : `< ${c.targetMs}`} ${verdict} |`,
    );
    console.error(`… ${c.name}: API p95 ${ms(h.p95)} ms, DB p95 ${ms(d.p95)} ms`);
  }

  // ---------------------------------------------------------------- concurrency
  // Page 1 as the list loads it: the rows and the owner's total, two requests side by side;
  // the time of the pair is the slower of the two.
  const [rowsCase, totalCase] = list;
  const loadOwnersList = owners.slice(0, concurrency);
  const pageOne = async (owner: Owner) => {
    if (!rowsCase || !totalCase) throw new Error('bench cases missing');
    const times = await Promise.all([
      callApi(api, owner, rowsCase.http(owner)),
      callApi(api, owner, totalCase.http(owner)),
    ]);
    return Math.max(...times);
  };
  /**
   * Every owner loops for `duration` seconds, waiting `think()` ms between two page loads.
   * Closed loop without think time measures what the machine can serve; with think time,
   * what owners browsing at once see.
   */
  const load = async (think: () => number) => {
    const times: number[] = [];
    let failed = 0;
    const deadline = Date.now() + duration * 1000;
    await Promise.all(
      loadOwnersList.map(async (owner, i) => {
        // Owners do not all click on the same millisecond.
        await sleep((i * 1000) / loadOwnersList.length);
        while (Date.now() < deadline) {
          try {
            times.push(await pageOne(owner));
          } catch {
            failed += 1;
          }
          const pause = think();
          if (pause > 0) await sleep(pause);
        }
      }),
    );
    return { times, failed };
  };
  if (loadOwnersList.length > 0) {
    for (const owner of loadOwnersList) await pageOne(owner);
    const browsing = await load(() => 500 + Math.random() * 1000);
    const flat = await load(() => 0);
    for (const [label, run] of [
      [`${loadOwnersList.length} owners browsing (a page every 0.5–1.5 s each)`, browsing],
      [`${loadOwnersList.length} owners at once, no think time (closed loop)`, flat],
    ] as const) {
      const l = stats(run.times);
      const rate = Math.round(run.times.length / duration);
      rows.push(
        `| page 1 (rows + total), ${label}, ${duration} s: ${rate} pages/s${run.failed ? `, ${run.failed} errors` : ''} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | | | | API < 20 ${l.p95 <= 20 ? '✅' : '❌'} |`,
      );
    }
  }

  console.log(
    '| query | API p50 | API p95 | API p99 | DB p50 | DB p95 | DB p99 | target p95 (ms) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const row of rows) console.log(row);
  console.log(
    '\nAPI: through the gateway and PostgREST, signed in, wall time in ms as the client sees it. DB: planning + execution of the same SQL as the owner (EXPLAIN ANALYZE, timing off), in ms.',
  );
  console.log(
    badPlans.length === 0
      ? 'No plan reads reservations with a Seq Scan.'
      : `❌ Seq Scan on reservations in: ${badPlans.join(', ')}`,
  );
  console.log(`\n## Plans (${subjects[0]?.email}, EXPLAIN (ANALYZE, BUFFERS) as the owner)\n`);
  for (const text of printed) console.log(text);
  console.log(`Bench done in ${formatDuration(Date.now() - started)}.`);
  await db.end();
  if (badPlans.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
