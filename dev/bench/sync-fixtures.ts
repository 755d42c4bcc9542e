/**
 * The fixture server of `npm run bench:sync`, in a child process of the bench (forked with an
 * IPC channel) so that the CPU the "platforms" spend serving feeds is measured apart from the
 * worker's. It generates the bench calendars itself (./sync-calendars.ts) from the plan the bench
 * sends, serves them with dev/ical-fixtures/server.ts (loopback https, ETag/Last-Modified, 304),
 * and exits when the bench goes away (IPC channel closed), whatever the reason.
 *
 * It is also the bench's janitor: the bench tells it its throw-away data dir and the pids of the
 * stack's PostgreSQL and PostgREST. When the bench goes away without having removed them — tsx
 * SIGKILLs its child when a relayed Ctrl-C is not acknowledged within 30 ms, which happens on a
 * saturated machine — it stops those two processes (by pid, checking their names) and removes
 * the data dir.
 */
import { readFileSync, rmSync } from 'node:fs';
import { type FixtureServer, startFixtureServer } from '../ical-fixtures/server.ts';
import {
  applyChange,
  type BenchFeed,
  type BenchFeedPlan,
  benchFeedPath,
  daysSinceEpoch,
  generateFeeds,
  renderFeed,
} from './sync-calendars.ts';

export type ToFixtures =
  | { type: 'plan'; feeds: BenchFeedPlan[]; today: number; stamp: string }
  | { type: 'change'; run: number }
  | { type: 'restamp'; stamp: string }
  | { type: 'stats' }
  | { type: 'guard'; dataDir: string; pids: { pid: number; comm: string }[] }
  /** The bench stopped its stack and removed its data dir itself: nothing left to guard. */
  | { type: 'release' };

export type FromFixtures =
  | { type: 'started'; origin: string; ca: string }
  | {
      type: 'planned';
      events: number;
      eventsPerFeed: Record<number, number>;
      bytes: number;
      byPlatform: Record<string, { feeds: number; events: number }>;
    }
  | { type: 'changed'; feeds: number }
  | { type: 'stats'; requests: number; connections: number }
  | { type: 'error'; message: string };

let server: FixtureServer | undefined;
let feeds: BenchFeed[] = [];
let today = daysSinceEpoch(Date.now());
let stamp = '';
let guarded: { dataDir: string; pids: { pid: number; comm: string }[] } | null = null;

const send = (message: FromFixtures) => process.send?.(message);

function publish(feed: BenchFeed): number {
  const body = renderFeed(feed, stamp);
  server?.setFeed(benchFeedPath(feed.plan.index), body);
  return Buffer.byteLength(body);
}

function handle(message: ToFixtures): void {
  switch (message.type) {
    case 'plan': {
      today = message.today;
      stamp = message.stamp;
      feeds = generateFeeds(message.feeds, today);
      let events = 0;
      let bytes = 0;
      const eventsPerFeed: Record<number, number> = {};
      const byPlatform: Record<string, { feeds: number; events: number }> = {};
      for (const feed of feeds) {
        bytes += publish(feed);
        events += feed.events.length;
        eventsPerFeed[feed.plan.index] = feed.events.length;
        const entry = byPlatform[feed.plan.platform] ?? { feeds: 0, events: 0 };
        entry.feeds += 1;
        entry.events += feed.events.length;
        byPlatform[feed.plan.platform] = entry;
      }
      send({ type: 'planned', events, eventsPerFeed, bytes, byPlatform });
      return;
    }
    case 'change':
      for (const feed of feeds) {
        applyChange(feed, message.run, today);
        publish(feed);
      }
      send({ type: 'changed', feeds: feeds.length });
      return;
    case 'restamp':
      // A new DTSTAMP on every event, nothing else: what a platform that stamps its export
      // with the time of the request serves at each fetch.
      stamp = message.stamp;
      for (const feed of feeds) publish(feed);
      send({ type: 'changed', feeds: feeds.length });
      return;
    case 'guard':
      guarded = { dataDir: message.dataDir, pids: message.pids };
      return;
    case 'release':
      guarded = null;
      return;
    case 'stats':
      send({
        type: 'stats',
        requests: server?.requests() ?? 0,
        connections: server?.connections() ?? 0,
      });
      return;
  }
}

/** The process `pid` if it is still the one the bench named (pids are reused). */
function alive(pid: number, comm: string): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) === comm;
  } catch {
    return false;
  }
}

async function cleanUpAfterBench(): Promise<void> {
  if (!guarded) return;
  const { dataDir, pids } = guarded;
  const left = pids.filter((p) => alive(p.pid, p.comm));
  for (const p of left) {
    try {
      // PostgreSQL: SIGINT is its fast shutdown; PostgREST stops on SIGTERM.
      process.kill(p.pid, p.comm === 'postgres' ? 'SIGINT' : 'SIGTERM');
    } catch {
      // gone meanwhile
    }
  }
  const deadline = Date.now() + 15_000;
  while (left.some((p) => alive(p.pid, p.comm)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    rmSync(dataDir, { recursive: true, force: true });
  } catch {
    // nothing more to do
  }
  if (left.length > 0) {
    console.error(`[bench:sync] the bench went away: stopped its stack and removed ${dataDir}`);
  }
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('sync-fixtures.ts runs as a child of dev/bench/sync.ts');
  server = await startFixtureServer({ port: 0 });
  process.on('message', (message: ToFixtures) => {
    try {
      handle(message);
    } catch (error) {
      send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  });
  // The bench went away (done, Ctrl-C, crash): stop serving, clean up what it left.
  process.on('disconnect', () => {
    void Promise.all([server?.close().catch(() => undefined), cleanUpAfterBench()]).finally(() =>
      process.exit(0),
    );
  });
  // Ctrl-C reaches the whole process group: this process stops when the bench goes away (the
  // channel closes), after cleaning up if the bench could not.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => undefined);
  }
  send({ type: 'started', origin: server.origin, ca: server.ca });
}

main().catch((error: unknown) => {
  send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
