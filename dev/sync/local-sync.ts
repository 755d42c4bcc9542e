/**
 * The iCal sync of the local stack: what pg_cron and the sync-worker edge function do in
 * production, on timers, with the same code (supabase/functions/_shared/sync/):
 *
 *   every minute    enqueue_due_feeds() and purge_sync_history()   (pg_cron's jobs)
 *   every 2 s       the worker: batches until nothing is due        (the edge function)
 *
 * The demo owner's feeds (supabase/seed.sql) point at https://calendriers.demo.localhost/…, a
 * reserved name that never resolves: the local stack serves those calendars itself, from a
 * loopback https server, as a platform would (each demo feed's stays, in its platform's
 * style). Any other URL is fetched for real, under the SSRF policy, with no loopback allowed.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import type { FetchFeedDeps } from '../../supabase/functions/_shared/sync/fetch-feed.ts';
import { renderCalendar } from '../../supabase/functions/_shared/sync/render-calendar.ts';
import { rpcSyncStore } from '../../supabase/functions/_shared/sync/sync-store.ts';
import type { FeedPlatform } from '../../supabase/functions/_shared/sync/types.ts';
import { syncUntilIdle } from '../../supabase/functions/_shared/sync/worker.ts';
import { startFixtureServer } from '../ical-fixtures/server.ts';
import { createNodeFeedFetch } from './node-feed-fetch.ts';

/** The demo calendars' host in seed.sql (RFC 6761: .localhost never leaves the machine). */
export const DEMO_CALENDAR_HOST = 'calendriers.demo.localhost';

export interface LocalSyncOptions {
  url: string;
  serviceRoleKey: string;
  dbUrl: string;
  /** Port of the demo calendars' https server (loopback). */
  demoPort: number;
  pollMs?: number;
  scheduleMs?: number;
  log: (line: string) => void;
}

export interface LocalSync {
  /** Runs the scheduler and the worker once now (tests, "sync now" without waiting). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

/** How each platform writes an unavailable period in its feed (see parse-feed's rules). */
function demoSummary(platform: FeedPlatform, status: string, feedKind: string | null): string {
  const block = status === 'blocked' || feedKind === 'block';
  switch (platform) {
    case 'airbnb':
      return block ? 'Airbnb (Not available)' : 'Reserved';
    case 'booking':
      return 'CLOSED - Not available';
    case 'abritel':
      return block ? 'Blocked' : 'Reserved';
    default:
      return block ? 'Indisponible' : 'Réservé';
  }
}

/** The demo feeds' calendars as their platforms would publish them: each feed's stays. */
async function renderDemoFeeds(dbUrl: string): Promise<Map<string, string>> {
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{
      feed_id: string;
      url: string;
      platform: FeedPlatform;
      uid: string | null;
      start: string | null;
      end: string | null;
      status: string | null;
      feed_kind: string | null;
    }>(
      `select f.id as feed_id, f.url, f.platform, r.external_uid as uid,
         to_char(r.date_debut, 'YYYY-MM-DD') as start, to_char(r.date_fin, 'YYYY-MM-DD') as "end",
         r.status, r.feed_kind
       from public.ical_feeds f
       left join public.reservations r on r.feed_id = f.id and r.status <> 'cancelled'
       where f.url like $1
       order by f.id, r.date_debut`,
      [`https://${DEMO_CALENDAR_HOST}/%`],
    );
    const feeds = new Map<
      string,
      { platform: FeedPlatform; entries: Parameters<typeof renderCalendar>[0][number][] }
    >();
    for (const row of rows) {
      const path = new URL(row.url).pathname;
      const feed = feeds.get(path) ?? { platform: row.platform, entries: [] };
      feeds.set(path, feed);
      if (row.uid && row.start && row.end && row.status) {
        feed.entries.push({
          uid: row.uid,
          start: row.start,
          end: row.end,
          summary: demoSummary(row.platform, row.status, row.feed_kind),
        });
      }
    }
    const stamp = new Date();
    return new Map(
      [...feeds].map(([path, feed]) => [
        path,
        renderCalendar(feed.entries, { prodId: `-//Demo ${feed.platform}//FR`, stamp }),
      ]),
    );
  } finally {
    await db.end();
  }
}

/** Fetches the demo host from the local demo server, everything else as production would. */
function withDemoHost(base: FetchFeedDeps, demoOrigin: string): FetchFeedDeps {
  const toLocal = (url: string) => {
    const parsed = new URL(url);
    if (parsed.hostname !== DEMO_CALENDAR_HOST) return url;
    return `${demoOrigin}${parsed.pathname}${parsed.search}`;
  };
  return {
    ...base,
    fetch: ((input: RequestInfo | URL, init?: RequestInit) =>
      base.fetch(
        toLocal(input instanceof Request ? input.url : String(input)),
        init,
      )) as typeof fetch,
    checkUrl: (url) => base.checkUrl(new URL(toLocal(url.href))),
  };
}

export async function startLocalSync(options: LocalSyncOptions): Promise<LocalSync> {
  const demo = await startFixtureServer({ port: options.demoPort });
  for (const [path, body] of await renderDemoFeeds(options.dbUrl)) demo.setFeed(path, body);
  const demoHostPort = new URL(demo.origin).host;
  const nodeFetch = createNodeFeedFetch({
    policy: { allowedLoopback: [demoHostPort] },
    ca: [demo.ca],
  });
  const client = createClient(options.url, options.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    // Node 20 has no global WebSocket (realtime is not used, but the client builds it).
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
  });
  const store = rpcSyncStore(client);
  const fetchDeps = withDemoHost(nodeFetch, demo.origin);
  const workerId = `local-${process.pid}-${randomUUID().slice(0, 8)}`;

  const schedule = async () => {
    const queued = await client.rpc('enqueue_due_feeds', {});
    if (queued.error) throw new Error(`enqueue_due_feeds: ${queued.error.message}`);
    const purged = await client.rpc('purge_sync_history', {});
    if (purged.error) throw new Error(`purge_sync_history: ${purged.error.message}`);
    const checked = await client.rpc('run_notification_checks', {});
    if (checked.error) throw new Error(`run_notification_checks: ${checked.error.message}`);
    // Police forms 6 months after departure (pg_cron runs it daily in production).
    const forms = await client.rpc('purge_police_forms', {});
    if (forms.error) throw new Error(`purge_police_forms: ${forms.error.message}`);
  };
  const work = async () => {
    const report = await syncUntilIdle({
      store,
      fetchDeps,
      workerId,
      concurrency: 10,
      batchSize: 25,
      leaseSeconds: 120,
      deadline: Date.now() + 50_000,
    });
    if (report.claimed > 0) {
      options.log(
        `${report.claimed} feed(s): ${report.applied} changed (+${report.added} ~${report.updated} −${report.cancelled}), ${report.unchanged} unchanged, ${report.retrying} to retry, ${report.failed} failed`,
      );
    }
    for (const error of report.errors) options.log(`error: ${error}`);
  };

  // One run at a time; a tick that comes while one runs is skipped.
  let running: Promise<void> | null = null;
  const guarded = (job: () => Promise<void>) => {
    if (running) return running;
    running = job()
      .catch((error: unknown) =>
        options.log(`error: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  const runOnce = () =>
    guarded(async () => {
      await schedule();
      await work();
    });

  await runOnce();
  const scheduleTimer = setInterval(() => void guarded(schedule), options.scheduleMs ?? 60_000);
  const pollTimer = setInterval(() => void guarded(work), options.pollMs ?? 2_000);

  return {
    runOnce,
    async stop() {
      clearInterval(scheduleTimer);
      clearInterval(pollTimer);
      await running;
      await nodeFetch.close();
      await demo.close();
    },
  };
}
