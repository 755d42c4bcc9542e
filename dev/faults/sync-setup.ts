/**
 * What the sync fault scenarios share: a throw-away stack of their own, the https fixture
 * server with one calendar per feed (served slowly, so that a fault lands mid-batch), an
 * owner with one gîte per feed, worker processes (sync-worker-process.ts) to start and kill,
 * and the final accounting: every task done exactly once, no reservation twice.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type FixtureServer, startFixtureServer } from '../ical-fixtures/server.ts';
import { repoRoot } from '../stack/config.ts';
import { type RunningStack, startStack } from '../stack/stack.ts';
import { type FaultLog, formatMs, waitFor } from './fault-log.ts';
import type { FaultWorkerConfig, FaultWorkerEvent } from './sync-worker-process.ts';

/** Worker processes still running: killed if this process exits first (a time limit hit). */
const liveWorkers = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveWorkers) child.kill('SIGKILL');
});

export interface SyncSetupOptions {
  portBase: number;
  feeds: number;
  eventsPerFeed: number;
  /** Each feed answers after this long (the fixture server's /slow/<ms>/ route). */
  slowMs: number;
}

export interface WorkerHandle {
  id: string;
  child: ChildProcess;
  events: FaultWorkerEvent[];
  /** SIGKILL, resolves once it has exited. */
  kill(): Promise<void>;
  /** SIGTERM (finishes its current run), then SIGKILL after 10 s. */
  stop(): Promise<void>;
}

export interface TaskRow {
  id: string;
  feed_id: string;
  status: string;
  locked_by: string | null;
  locked_until: Date | null;
  attempts: number;
  started_at: Date | null;
  finished_at: Date | null;
  run_after: Date;
}

export interface SyncSetup {
  stack: RunningStack;
  fixtures: FixtureServer;
  db: pg.Pool;
  feedIds: string[];
  /** The owner's sign-in through the auth service: its HTTP status. */
  signIn(): Promise<number>;
  /** Queues every feed (the scheduler's enqueue_due_feeds). */
  enqueue(): Promise<number>;
  tasks(): Promise<TaskRow[]>;
  startWorker(
    id: string,
    overrides?: Partial<FaultWorkerConfig>,
    onEvent?: (event: FaultWorkerEvent) => void,
  ): WorkerHandle;
  /**
   * Interrupted tasks wait for their backoff (1 minute) after their lease: `npm test` moves
   * that wait forward by SQL (printed), `npm run faults` waits it for real.
   */
  skipBackoff(log: FaultLog): Promise<void>;
  /** Every task done, each by one success, every event once: checked and logged. */
  checkExactlyOnce(log: FaultLog): Promise<void>;
  close(): Promise<void>;
}

const calendar = (feed: number, events: number) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Airbnb Inc//Hosting Calendar 1.0//EN',
    ...Array.from({ length: events }, (_, e) => {
      const start = new Date(Date.UTC(2030, 0, 1 + e * 10));
      const end = new Date(Date.UTC(2030, 0, 4 + e * 10));
      const day = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '');
      return [
        'BEGIN:VEVENT',
        `DTSTART;VALUE=DATE:${day(start)}`,
        `DTEND;VALUE=DATE:${day(end)}`,
        `UID:fault-${feed}-${e}@airbnb.com`,
        'SUMMARY:Reserved',
        'END:VEVENT',
      ].join('\r\n');
    }),
    'END:VCALENDAR',
    '',
  ].join('\r\n');

export async function startSyncSetup(options: SyncSetupOptions): Promise<SyncSetup> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lou-faults-sync-'));
  const cleanups: Array<() => Promise<unknown>> = [
    () => rm(dataDir, { recursive: true, force: true }),
  ];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch(() => undefined);
    }
  };
  try {
    const stack = await startStack({
      dataDir,
      portBase: options.portBase,
      seed: false,
      log: (part, line) => {
        // PostgREST and Postgres saying the database went away and came back (503s, "starting
        // up", reconnecting) is the fault itself, already in the scenario's log.
        if (!/PGRST00[01]|reconnect|terminat|connection|starting up|" 503 /i.test(line)) {
          console.error(`[faults ${part}] ${line}`);
        }
      },
    });
    cleanups.push(() => stack.stop());
    const fixtures = await startFixtureServer({ port: 0 });
    cleanups.push(() => fixtures.close());
    const caFile = path.join(dataDir, 'fixtures-ca.pem');
    await writeFile(caFile, fixtures.ca);
    const db = new pg.Pool({ connectionString: stack.dbUrl, max: 4 });
    // A pooled connection dies with the server in a fault: that is expected, not a crash.
    db.on('error', () => undefined);
    cleanups.push(() => db.end());

    // Through the auth service, as an owner signs up: its connection pool then holds idle
    // connections, which a Postgres crash must not turn into a crash of the stack's process.
    const owner = { email: `faults-${Date.now()}@test.liveownerunit.fr`, password: 'pannes-2026!' };
    const signUp = await fetch(`${stack.url}/auth/v1/signup`, {
      method: 'POST',
      headers: { apikey: stack.anonKey, 'content-type': 'application/json' },
      body: JSON.stringify(owner),
    });
    const ownerId = ((await signUp.json()) as { user?: { id: string } }).user?.id ?? '';
    if (!ownerId) throw new Error(`sign-up failed: ${signUp.status}`);
    const feedIds: string[] = [];
    for (let i = 0; i < options.feeds; i++) {
      const feedPath = `/feeds/fault-${i}.ics`;
      fixtures.setFeed(feedPath, calendar(i, options.eventsPerFeed));
      const { rows } = await db.query<{ id: string }>(
        `with g as (
           insert into public.gites (owner_user_id, nom) values ($1, $2) returning id
         )
         insert into public.ical_feeds (owner_user_id, gite_id, platform, url, next_sync_at)
         select $1, g.id, 'airbnb', $3, now() - interval '1 second' from g
         returning id`,
        [ownerId, `Gîte ${i + 1}`, `${fixtures.origin}/slow/${options.slowMs}${feedPath}`],
      );
      feedIds.push(rows[0]?.id ?? '');
    }

    const workers: WorkerHandle[] = [];
    cleanups.push(async () => {
      for (const worker of workers) await worker.kill();
    });

    const setup: SyncSetup = {
      stack,
      fixtures,
      db,
      feedIds,
      async signIn() {
        const response = await fetch(`${stack.url}/auth/v1/token?grant_type=password`, {
          method: 'POST',
          headers: { apikey: stack.anonKey, 'content-type': 'application/json' },
          body: JSON.stringify(owner),
        });
        await response.arrayBuffer();
        return response.status;
      },
      async enqueue() {
        const { rows } = await db.query<{ n: number }>('select public.enqueue_due_feeds() as n');
        return rows[0]?.n ?? 0;
      },
      async tasks() {
        const { rows } = await db.query<TaskRow>(
          `select id, feed_id, status, locked_by, locked_until, attempts, started_at, finished_at,
             run_after
           from public.sync_queue where feed_id = any ($1) order by created_at, id`,
          [feedIds],
        );
        return rows;
      },
      startWorker(id, overrides = {}, onEvent) {
        const config: FaultWorkerConfig = {
          url: stack.url,
          serviceRoleKey: stack.serviceRoleKey,
          workerId: id,
          allowedLoopback: [new URL(fixtures.origin).host],
          caFile,
          leaseSeconds: 60,
          batchSize: 10,
          concurrency: 4,
          pollMs: 250,
          ...overrides,
        };
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', path.join(repoRoot, 'dev/faults/sync-worker-process.ts')],
          {
            cwd: repoRoot,
            env: { ...process.env, FAULT_WORKER: JSON.stringify(config) },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        const events: FaultWorkerEvent[] = [];
        let buffered = '';
        child.stdout?.on('data', (chunk: Buffer) => {
          buffered += chunk.toString('utf8');
          const lines = buffered.split('\n');
          buffered = lines.pop() ?? '';
          for (const line of lines) {
            if (!line.startsWith('{')) continue;
            const event = JSON.parse(line) as FaultWorkerEvent;
            events.push(event);
            onEvent?.(event);
          }
        });
        child.stderr?.on('data', (chunk: Buffer) => {
          const text = chunk.toString('utf8').trim();
          if (text) console.error(`[worker ${id}] ${text}`);
        });
        liveWorkers.add(child);
        const exited = new Promise<void>((resolve) =>
          child.once('exit', () => {
            liveWorkers.delete(child);
            resolve();
          }),
        );
        const gone = () => child.exitCode !== null || child.signalCode !== null;
        const handle: WorkerHandle = {
          id,
          child,
          events,
          async kill() {
            if (!gone()) child.kill('SIGKILL');
            await exited;
          },
          async stop() {
            if (!gone()) child.kill('SIGTERM');
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            await exited;
            clearTimeout(timer);
          },
        };
        workers.push(handle);
        return handle;
      },
      async skipBackoff(log) {
        const { rowCount } = await db.query(
          `update public.sync_queue set run_after = now()
           where feed_id = any ($1) and status = 'pending' and run_after > now()`,
          [feedIds],
        );
        if (rowCount) {
          log.step(
            `moved the 1-minute retry backoff of ${rowCount} interrupted task(s) forward (npm test; npm run faults waits it)`,
          );
        }
      },
      async checkExactlyOnce(log) {
        const tasks = await setup.tasks();
        const notDone = tasks.filter((task) => task.status !== 'done');
        log.check(
          tasks.length === feedIds.length && notDone.length === 0,
          `all ${feedIds.length} tasks done (none lost)`,
          `${tasks.length} tasks, not done: ${notDone.map((t) => `${t.status}/${t.attempts}`).join(', ')}`,
        );
        const { rows: logs } = await db.query<{ task_id: string; successes: number }>(
          `select task_id, count(*) filter (where status = 'success')::int as successes
           from public.sync_logs where feed_id = any ($1) group by task_id`,
          [feedIds],
        );
        const twice = logs.filter((row) => row.successes > 1);
        const once = logs.filter((row) => row.successes === 1);
        log.check(
          twice.length === 0 && once.length === feedIds.length,
          'each task applied exactly once (one success in sync_logs per task)',
          `${once.length} once, ${twice.length} more than once`,
        );
        const { rows: stays } = await db.query<{ total: number; uids: number; dup: number }>(
          `select count(*)::int as total, count(distinct (feed_id, external_uid))::int as uids,
             (select count(*)::int from (
                select external_uid from public.reservations where feed_id = any ($1)
                group by external_uid having count(*) > 1) d) as dup
           from public.reservations where feed_id = any ($1)`,
          [feedIds],
        );
        const expected = feedIds.length * options.eventsPerFeed;
        const row = stays[0];
        log.check(
          row?.total === expected && row.uids === expected && row.dup === 0,
          `${expected} reservations, each uid once (no duplicate)`,
          `total ${row?.total}, distinct ${row?.uids}, uids twice ${row?.dup}`,
        );
        const attempts = tasks.reduce((sum, task) => sum + task.attempts, 0);
        const answered = feedIds.reduce(
          (sum, _, i) => sum + fixtures.requests(`/slow/${options.slowMs}/feeds/fault-${i}.ics`),
          0,
        );
        // More attempts than tasks: the interrupted ones, claimed again (a feed read again
        // is fine; applied twice is not, and that is what the checks above rule out).
        log.seen(
          `claims: ${attempts} for ${tasks.length} tasks; feed requests answered: ${answered}`,
        );
      },
      close,
    };
    return setup;
  } catch (error) {
    await close();
    throw error;
  }
}

/** Waits until the tasks match `done`, logging how long it took. */
export async function waitForTasks(
  setup: SyncSetup,
  log: FaultLog,
  what: string,
  done: (tasks: TaskRow[]) => boolean,
  timeoutMs: number,
): Promise<TaskRow[]> {
  const started = performance.now();
  const tasks = await waitFor(
    what,
    async () => {
      const rows = await setup.tasks();
      return done(rows) ? rows : undefined;
    },
    timeoutMs,
    100,
  );
  log.seen(`${what} after ${formatMs(performance.now() - started)}`);
  return tasks;
}
