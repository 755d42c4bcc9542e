/**
 * The iCal sync end to end, as the local stack runs it: the scheduler, the worker
 * (supabase/functions/_shared/sync/worker.ts) with the Node fetch under the SSRF policy,
 * PostgREST with the service-role key, and feeds served by the https fixture server.
 * A stack of its own: the scheduler queues every due feed of its database.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rpcSyncStore } from '../../supabase/functions/_shared/sync/sync-store.ts';
import { syncBatch, type WorkerOptions } from '../../supabase/functions/_shared/sync/worker.ts';
import { type FixtureServer, startFixtureServer } from '../ical-fixtures/server.ts';
import { signedUpOwner, superuserPool, testClient } from '../test/clients.ts';
import { startPrivateStack } from '../test/private-stack.ts';
import { createNodeFeedFetch, type NodeFeedFetch } from './node-feed-fetch.ts';

const stack = await startPrivateStack(400);

let db: pg.Pool;
let fixtures: FixtureServer;
let nodeFetch: NodeFeedFetch;
let owner: Awaited<ReturnType<typeof signedUpOwner>>;
let gite: string;

function worker(workerId: string, extra: Partial<WorkerOptions> = {}): WorkerOptions {
  return {
    store: rpcSyncStore(testClient(stack, stack.serviceRoleKey)),
    fetchDeps: nodeFetch,
    workerId,
    concurrency: 8,
    batchSize: 50,
    leaseSeconds: 60,
    fetchLimits: { timeoutMs: 3_000 },
    ...extra,
  };
}

beforeAll(async () => {
  db = await superuserPool(stack);
  fixtures = await startFixtureServer({ port: 0 });
  nodeFetch = createNodeFeedFetch({
    policy: { allowedLoopback: [new URL(fixtures.origin).host] },
    ca: [fixtures.ca],
  });
  owner = await signedUpOwner(stack, 'sync');
  const { rows } = await db.query<{ id: string }>(
    "insert into public.gites (owner_user_id, nom) values ($1, 'Le Moulin') returning id",
    [owner.user.id],
  );
  gite = rows[0]?.id ?? '';
});

afterAll(async () => {
  await nodeFetch.close();
  await fixtures.close();
  await db.end();
  await stack.stop();
});

beforeEach(async () => {
  await db.query('delete from public.sync_queue');
  await db.query("update public.ical_feeds set next_sync_at = now() + interval '1 day'");
});

/** A feed of the owner's gîte at `path` on the fixture server, due now. */
async function addFeed(path: string, platform = 'airbnb', giteId = gite): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into public.ical_feeds (owner_user_id, gite_id, platform, url, next_sync_at)
     values ($1, $2, $3, $4, now() - interval '1 second') returning id`,
    [owner.user.id, giteId, platform, `${fixtures.origin}${path}`],
  );
  return rows[0]?.id ?? '';
}

async function dueNow(feedId: string) {
  await db.query(
    "update public.ical_feeds set next_sync_at = now() - interval '1 s' where id = $1",
    [feedId],
  );
}

const enqueue = () => db.query('select public.enqueue_due_feeds()');

async function stays(feedId: string) {
  const { rows } = await db.query<{ uid: string; status: string; start: string; kind: string }>(
    `select external_uid as uid, status, to_char(date_debut, 'YYYY-MM-DD') as start, feed_kind as kind
     from public.reservations where feed_id = $1 order by date_debut, external_uid`,
    [feedId],
  );
  return rows;
}

async function feed(feedId: string) {
  const { rows } = await db.query<{
    last_status: string;
    last_error: string | null;
    etag: string | null;
  }>('select last_status, last_error, etag from public.ical_feeds where id = $1', [feedId]);
  return rows[0];
}

const calendar = (events: string[]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Airbnb Inc//Hosting Calendar 1.0//EN',
    ...events,
    'END:VCALENDAR',
    '',
  ].join('\r\n');
const event = (uid: string, start: string, end: string, summary = 'Reserved') =>
  [
    'BEGIN:VEVENT',
    `DTSTART;VALUE=DATE:${start}`,
    `DTEND;VALUE=DATE:${end}`,
    `UID:${uid}`,
    `SUMMARY:${summary}`,
    'END:VEVENT',
  ].join('\r\n');

describe('a feed through its life', () => {
  it('imports, then does nothing on an unchanged feed, then follows additions and removals', async () => {
    const path = `/feeds/life-${randomUUID()}.ics`;
    fixtures.setFeed(
      path,
      calendar([
        event('a@airbnb.com', '20280105', '20280110'),
        event('b@airbnb.com', '20280201', '20280205'),
      ]),
    );
    const feedId = await addFeed(path);
    await enqueue();
    const first = await syncBatch(worker('w1'));
    expect(first).toMatchObject({ claimed: 1, applied: 1, added: 2, errors: [] });
    expect((await stays(feedId)).map((s) => [s.uid, s.status, s.kind])).toEqual([
      ['a@airbnb.com', 'confirmed', 'stay'],
      ['b@airbnb.com', 'confirmed', 'stay'],
    ]);
    expect((await feed(feedId))?.etag).toBeTruthy();

    // Same feed: the server answers 304 to our validators, nothing is written.
    await dueNow(feedId);
    await enqueue();
    const requestsBefore = fixtures.requests(path);
    const unchanged = await syncBatch(worker('w1'));
    expect(unchanged).toMatchObject({ claimed: 1, unchanged: 1, applied: 0 });
    expect(fixtures.requests(path)).toBe(requestsBefore + 1);
    expect((await feed(feedId))?.last_status).toBe('not_modified');

    // A stay added on the platform appears at the next sync; one removed is cancelled.
    fixtures.setFeed(
      path,
      calendar([
        event('a@airbnb.com', '20280105', '20280110'),
        event('c@airbnb.com', '20280301', '20280304'),
      ]),
    );
    await dueNow(feedId);
    await enqueue();
    const changed = await syncBatch(worker('w1'));
    expect(changed).toMatchObject({ applied: 1, added: 1, cancelled: 1, updated: 0 });
    expect((await stays(feedId)).map((s) => [s.uid, s.status])).toEqual([
      ['a@airbnb.com', 'confirmed'],
      ['b@airbnb.com', 'cancelled'],
      ['c@airbnb.com', 'confirmed'],
    ]);
    const { rows: logs } = await db.query(
      'select status, added, updated, cancelled from public.sync_logs where feed_id = $1 order by id',
      [feedId],
    );
    expect(logs).toEqual([
      { status: 'success', added: 2, updated: 0, cancelled: 0 },
      { status: 'not_modified', added: 0, updated: 0, cancelled: 0 },
      { status: 'success', added: 1, updated: 0, cancelled: 1 },
    ]);
  });

  it('keeps a stay whose event became unreadable, and does not believe a feed gone empty at once', async () => {
    const path = `/feeds/doubtful-${randomUUID()}.ics`;
    fixtures.setFeed(
      path,
      calendar([
        event('a@airbnb.com', '20290105', '20290110'),
        event('b@airbnb.com', '20290201', '20290205'),
      ]),
    );
    const feedId = await addFeed(path);
    await enqueue();
    expect(await syncBatch(worker('w1'))).toMatchObject({ applied: 1, added: 2 });

    // b's dates can no longer be read: left out of the import, its stay kept as it is.
    fixtures.setFeed(
      path,
      calendar([
        event('a@airbnb.com', '20290105', '20290110'),
        event('b@airbnb.com', '2029XX01', '20290205'),
      ]),
    );
    await dueNow(feedId);
    await enqueue();
    expect(await syncBatch(worker('w1'))).toMatchObject({ applied: 1, cancelled: 0 });

    // The platform answers an empty calendar: nothing is cancelled yet.
    fixtures.setFeed(path, calendar([]));
    await dueNow(feedId);
    await enqueue();
    expect(await syncBatch(worker('w1'))).toMatchObject({ applied: 1, cancelled: 0 });
    expect((await stays(feedId)).map((s) => [s.uid, s.status])).toEqual([
      ['a@airbnb.com', 'confirmed'],
      ['b@airbnb.com', 'confirmed'],
    ]);
  });

  it('takes back the stays of a calendar removed and added again, instead of importing them twice', async () => {
    const path = `/feeds/readded-${randomUUID()}.ics`;
    fixtures.setFeed(
      path,
      calendar([
        event('r1@airbnb.com', '20290305', '20290310'),
        event('r2@airbnb.com', '20290401', '20290405'),
      ]),
    );
    const first = await addFeed(path);
    await enqueue();
    expect(await syncBatch(worker('w1'))).toMatchObject({ applied: 1, added: 2 });
    const before = await stays(first);

    // The owner removes the calendar (its stays stay, unlinked), then adds the same link back.
    await db.query('delete from public.ical_feeds where id = $1', [first]);
    const again = await addFeed(path);
    await enqueue();
    expect(await syncBatch(worker('w1'))).toMatchObject({ applied: 1, added: 0, cancelled: 0 });
    expect(await stays(again)).toEqual(before);
    const { rows } = await db.query(
      `select count(*)::int as n from public.reservations
       where gite_id = $1 and external_uid in ('r1@airbnb.com', 'r2@airbnb.com')`,
      [gite],
    );
    expect(rows).toEqual([{ n: 2 }]);
  });

  it('imports the realistic platform fixtures with their conventions', async () => {
    const airbnb = await addFeed('/feeds/airbnb.ics', 'airbnb');
    const booking = await addFeed('/feeds/booking.ics', 'booking');
    await enqueue();
    const report = await syncBatch(worker('w-fixtures'));
    expect(report).toMatchObject({ claimed: 2, applied: 2, failed: 0, errors: [] });
    const airbnbStays = await stays(airbnb);
    expect(airbnbStays.some((s) => s.kind === 'stay' && s.status === 'confirmed')).toBe(true);
    expect(airbnbStays.some((s) => s.kind === 'block' && s.status === 'blocked')).toBe(true);
    const bookingStays = await stays(booking);
    expect(bookingStays.length).toBeGreaterThan(0);
    expect(bookingStays.every((s) => s.kind === 'to_complete' && s.status === 'confirmed')).toBe(
      true,
    );
  });
});

describe('feeds that fail', () => {
  it('fails for good what retrying cannot fix, and retries what it can, with a French message', async () => {
    const gone = await addFeed('/status/410');
    const page = await addFeed('/html');
    const busy = await addFeed('/status/503');
    const refused = await addFeed('/redirect-to?url=https://10.0.0.1/cal.ics');
    await enqueue();
    const report = await syncBatch(worker('w-fail'));
    expect(report).toMatchObject({ claimed: 4, failed: 3, retrying: 1, applied: 0, errors: [] });
    expect(await feed(gone)).toMatchObject({ last_status: 'error' });
    expect((await feed(gone))?.last_error).toMatch(/410/);
    expect((await feed(page))?.last_error).toMatch(/page web/);
    expect((await feed(refused))?.last_error).toMatch(/adresse non autorisée/);
    const { rows } = await db.query<{ status: string }>(
      'select status from public.sync_queue where feed_id = $1',
      [busy],
    );
    expect(rows).toEqual([{ status: 'pending' }]);
    for (const id of [gone, page, busy, refused]) expect(await stays(id)).toEqual([]);
  });
});

describe('workers', () => {
  it('never read a feed twice when two workers run at once', async () => {
    const paths = Array.from({ length: 24 }, (_, i) => `/feeds/pair-${i}-${randomUUID()}.ics`);
    const ids: string[] = [];
    for (const [i, path] of paths.entries()) {
      fixtures.setFeed(path, calendar([event(`s${i}@airbnb.com`, '20290101', '20290105')]));
      ids.push(await addFeed(path));
    }
    await enqueue();
    const [a, b] = await Promise.all([
      syncBatch(worker('w-a', { batchSize: 12 })),
      syncBatch(worker('w-b', { batchSize: 12 })),
    ]);
    expect((a.claimed ?? 0) + (b.claimed ?? 0)).toBe(24);
    expect(a.applied + b.applied).toBe(24);
    for (const path of paths) expect(fixtures.requests(path)).toBe(1);
    const { rows } = await db.query<{ n: number }>(
      'select count(*)::int as n from public.reservations where feed_id = any ($1)',
      [ids],
    );
    expect(rows[0]?.n).toBe(24);
  });

  it("finishes a dead worker's batch after its lease, with nothing lost or doubled", async () => {
    const path = `/feeds/dead-${randomUUID()}.ics`;
    fixtures.setFeed(path, calendar([event('d@airbnb.com', '20290601', '20290603')]));
    const feedId = await addFeed(path);
    await enqueue();
    // A worker claims the feed and dies before reporting.
    const store = rpcSyncStore(testClient(stack, stack.serviceRoleKey));
    expect(await store.claim('w-dies', 10, 60)).toHaveLength(1);
    expect(await syncBatch(worker('w-alive'))).toMatchObject({ claimed: 0 });
    // Its lease ends; the task comes back after the first backoff.
    await db.query(
      "update public.sync_queue set locked_until = now() - interval '1 s' where locked_by = 'w-dies'",
    );
    await syncBatch(worker('w-alive'));
    await db.query('update public.sync_queue set run_after = now() where feed_id = $1', [feedId]);
    expect(await syncBatch(worker('w-alive'))).toMatchObject({ claimed: 1, applied: 1, added: 1 });
    expect(await stays(feedId)).toHaveLength(1);
  });
});

describe('echoes of our own export', () => {
  let gite: string;

  beforeAll(async () => {
    const { rows } = await db.query<{ id: string }>(
      "insert into public.gites (owner_user_id, nom) values ($1, 'La Grange') returning id",
      [owner.user.id],
    );
    gite = rows[0]?.id ?? '';
  });

  it('stores a platform block covering one of our stays as its echo, never as a stay or a double booking, and releases it when the stay is cancelled', async () => {
    const { rows: direct } = await db.query<{ id: string }>(
      `insert into public.reservations (owner_user_id, gite_id, plateforme, client_nom, date_debut, date_fin)
       values ($1, $2, 'direct', 'Famille Leroy', '2030-07-01', '2030-07-08') returning id`,
      [owner.user.id, gite],
    );
    const directId = direct[0]?.id ?? '';
    const path = `/feeds/echo-${randomUUID()}.ics`;
    fixtures.setFeed(
      path,
      calendar([
        // Booking.com re-imported our export: the direct stay comes back as "CLOSED".
        event('echo@booking.com', '20300701', '20300708', 'CLOSED - Not available'),
        // A real Booking.com stay elsewhere in the year.
        event('real@booking.com', '20300801', '20300805', 'CLOSED - Not available'),
      ]),
    );
    const feedId = await addFeed(path, 'booking', gite);
    await enqueue();
    const report = await syncBatch(worker('w-echo'));
    expect(report).toMatchObject({ applied: 1, added: 1, echoes: 1 });

    const imported = async () => {
      const { rows } = await db.query<{
        uid: string;
        status: string;
        echo_of: string | null;
        flagged: boolean;
      }>(
        `select r.external_uid as uid, r.status, r.echo_of,
           exists (select 1 from public.reservation_overlaps f where f.id = r.id) as flagged
         from public.reservations r where r.feed_id = $1 order by r.external_uid`,
        [feedId],
      );
      return rows;
    };
    expect(await imported()).toEqual([
      { uid: 'echo@booking.com', status: 'blocked', echo_of: directId, flagged: false },
      { uid: 'real@booking.com', status: 'confirmed', echo_of: null, flagged: false },
    ]);
    const { rows: directFlag } = await db.query(
      'select 1 from public.reservation_overlaps where id = $1',
      [directId],
    );
    expect(directFlag).toEqual([]);

    // The export does not send the echo back (it would be a copy of the direct stay).
    const { rows: link } = await db.query<{ token: string }>(
      `insert into public.gite_export_links (owner_user_id, gite_id, token)
       values ($1, $2, $3) returning token`,
      [owner.user.id, gite, randomUUID().replaceAll('-', '')],
    );
    const exported = await (
      await fetch(`${stack.url}/functions/v1/ical-export/${link[0]?.token}.ics`)
    ).text();
    expect(exported.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(exported).toContain('DTSTART;VALUE=DATE:20300701');
    expect(exported).toContain('DTSTART;VALUE=DATE:20300801');

    // The direct stay is cancelled: the Booking.com period is no echo any more. It may be only
    // our export reflected back, so for a day it stays a block (no cleaning, no double booking)
    // and is not published: published, it would keep Booking.com closed for good.
    await db.query("update public.reservations set status = 'cancelled' where id = $1", [directId]);
    expect(await imported()).toEqual([
      { uid: 'echo@booking.com', status: 'blocked', echo_of: null, flagged: false },
      { uid: 'real@booking.com', status: 'confirmed', echo_of: null, flagged: false },
    ]);
    const exportedDays = async () => {
      const text = await (
        await fetch(`${stack.url}/functions/v1/ical-export/${link[0]?.token}.ics`)
      ).text();
      return [...text.matchAll(/DTSTART;VALUE=DATE:(\d+)/g)].map((match) => match[1]);
    };
    expect(await exportedDays()).toEqual(['20300801']);
    const { rows: cleanings } = await db.query(
      `select 1 from public.cleaning_schedule c join public.reservations r on r.id = c.reservation_id
       where r.feed_id = $1 and r.external_uid = 'echo@booking.com' and c.status <> 'cancelled'`,
      [feedId],
    );
    expect(cleanings).toEqual([]);

    // Booking.com has not read our calendar yet: its feed still lists the period. Still a block.
    fixtures.setFeed(
      path,
      calendar([
        event('echo@booking.com', '20300701', '20300708', 'CLOSED - Not available (still)'),
        event('real@booking.com', '20300801', '20300805', 'CLOSED - Not available'),
      ]),
    );
    await dueNow(feedId);
    await enqueue();
    await syncBatch(worker('w-echo'));
    expect((await imported()).map((row) => [row.uid, row.status])).toEqual([
      ['echo@booking.com', 'blocked'],
      ['real@booking.com', 'confirmed'],
    ]);

    // Still listed a day later: a real Booking.com booking. It becomes a stay to complete and is
    // published, so that the other platforms close those dates.
    await db.query(
      `update public.reservations set echo_released_at = now() - interval '25 hours'
       where feed_id = $1 and external_uid = 'echo@booking.com'`,
      [feedId],
    );
    fixtures.setFeed(
      path,
      calendar([
        event('echo@booking.com', '20300701', '20300708', 'CLOSED - Not available'),
        event('real@booking.com', '20300801', '20300805', 'CLOSED - Not available'),
      ]),
    );
    await dueNow(feedId);
    await enqueue();
    expect(await syncBatch(worker('w-echo'))).toMatchObject({ applied: 1, updated: 1 });
    expect((await imported()).map((row) => [row.uid, row.status])).toEqual([
      ['echo@booking.com', 'confirmed'],
      ['real@booking.com', 'confirmed'],
    ]);
    expect(await exportedDays()).toEqual(['20300701', '20300801']);

    // Once Booking.com drops it, the sync cancels it and it is published no more.
    fixtures.setFeed(
      path,
      calendar([event('real@booking.com', '20300801', '20300805', 'CLOSED - Not available')]),
    );
    await dueNow(feedId);
    await enqueue();
    expect(await syncBatch(worker('w-echo'))).toMatchObject({ applied: 1, cancelled: 1 });
    expect((await imported()).map((row) => [row.uid, row.status])).toEqual([
      ['echo@booking.com', 'cancelled'],
      ['real@booking.com', 'confirmed'],
    ]);
    expect(await exportedDays()).toEqual(['20300801']);
  });

  it('flags a platform stay that overlaps one of ours without covering it as a double booking', async () => {
    const { rows } = await db.query<{ id: string }>(
      `insert into public.reservations (owner_user_id, gite_id, plateforme, date_debut, date_fin)
       values ($1, $2, 'direct', '2030-09-01', '2030-09-05') returning id`,
      [owner.user.id, gite],
    );
    const path = `/feeds/clash-${randomUUID()}.ics`;
    fixtures.setFeed(path, calendar([event('clash@airbnb.com', '20300903', '20300910')]));
    const feedId = await addFeed(path, 'airbnb', gite);
    await enqueue();
    expect(await syncBatch(worker('w-clash'))).toMatchObject({ added: 1, echoes: 0 });
    const { rows: flagged } = await db.query<{ id: string }>(
      `select f.id from public.reservation_overlaps f join public.reservations r on r.id = f.id
       where r.id = $1 or r.feed_id = $2`,
      [rows[0]?.id, feedId],
    );
    expect(flagged).toHaveLength(2);
  });
});
