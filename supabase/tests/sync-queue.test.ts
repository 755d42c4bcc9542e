/**
 * The sync queue's protocol (migration 20261124000300_ical_sync_queue.sql) against the real
 * local stack, through PostgREST with the service-role key as the worker calls it: scheduling,
 * claim order, leases, retries with backoff, applying a feed, and what owners may call.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signedUpOwner, superuserPool, testClient } from '../../dev/test/clients.ts';
import { startPrivateStack } from '../../dev/test/private-stack.ts';
import { rpcSyncStore, type SyncStore } from '../functions/_shared/sync/sync-store.ts';
import type { FeedEvent } from '../functions/_shared/sync/types.ts';

// A stack of its own: the scheduler queues every due feed of the database, the other test
// files' feeds included, and their rows must not move under them either.
const stack = await startPrivateStack(300);

let db: pg.Pool;
let store: SyncStore;

beforeAll(async () => {
  db = await superuserPool(stack);
  store = rpcSyncStore(testClient(stack, stack.serviceRoleKey));
});

afterAll(async () => {
  await db.end();
  await stack.stop();
});

// Each test starts from an empty queue with nothing due.
beforeEach(async () => {
  await db.query('delete from public.sync_queue');
  await db.query("update public.ical_feeds set next_sync_at = now() + interval '1 day'");
});

type Owner = Awaited<ReturnType<typeof signedUpOwner>>;

async function newGite(owner: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into public.gites (owner_user_id, nom) values ($1, $2) returning id`,
    [owner, `Gîte ${randomUUID().slice(0, 6)}`],
  );
  return rows[0]?.id ?? '';
}

async function newFeed(
  owner: string,
  gite: string,
  extra: { platform?: string; due?: boolean } = {},
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into public.ical_feeds (owner_user_id, gite_id, platform, url, next_sync_at)
     values ($1, $2, $3, $4, case when $5 then now() - interval '1 minute' else now() + interval '1 day' end)
     returning id`,
    [
      owner,
      gite,
      extra.platform ?? 'airbnb',
      `https://www.airbnb.fr/calendar/ical/${randomUUID()}.ics`,
      extra.due ?? true,
    ],
  );
  return rows[0]?.id ?? '';
}

async function task(feedId: string) {
  const { rows } = await db.query<{
    id: string;
    status: string;
    priority: number;
    attempts: number;
    run_after: Date;
    locked_by: string | null;
    last_error: string | null;
  }>('select * from public.sync_queue where feed_id = $1 order by created_at desc limit 1', [
    feedId,
  ]);
  return rows[0];
}

async function feedState(feedId: string) {
  const { rows } = await db.query<{
    last_status: string | null;
    last_error: string | null;
    last_http_status: number | null;
    last_success_at: Date | null;
    etag: string | null;
    content_hash: string | null;
    consecutive_failures: number;
    next_sync_at: Date;
  }>('select * from public.ical_feeds where id = $1', [feedId]);
  return rows[0];
}

const enqueue = async () => {
  const { rows } = await db.query<{ n: number }>('select public.enqueue_due_feeds() as n');
  return rows[0]?.n ?? 0;
};

const minutesFromNow = (date: Date) => (date.getTime() - Date.now()) / 60_000;

/** Ends the lease of every task of `worker`, as if it had died long ago. */
const expireLeases = (worker: string) =>
  db.query(
    "update public.sync_queue set locked_until = now() - interval '1 second' where locked_by = $1",
    [worker],
  );

// ---------------------------------------------------------------------------------------------
describe('scheduler', () => {
  let owner: Owner;
  let gite: string;

  beforeAll(async () => {
    owner = await signedUpOwner(stack, 'sched');
    gite = await newGite(owner.user.id);
  });

  it('queues each due active feed once, and pushes its next time about 15 minutes ahead', async () => {
    const due = await newFeed(owner.user.id, gite);
    const notDue = await newFeed(owner.user.id, gite, { due: false });
    const inactive = await newFeed(owner.user.id, gite);
    await db.query('update public.ical_feeds set is_active = false where id = $1', [inactive]);

    expect(await enqueue()).toBe(1);
    expect(await task(due)).toMatchObject({ status: 'pending', priority: 2 });
    expect(await task(notDue)).toBeUndefined();
    expect(await task(inactive)).toBeUndefined();
    const next = minutesFromNow((await feedState(due))?.next_sync_at ?? new Date(0));
    expect(next).toBeGreaterThan(13.4);
    expect(next).toBeLessThan(16.6);

    // Due again while its task still waits: still one task.
    await db.query(
      "update public.ical_feeds set next_sync_at = now() - interval '1 s' where id = $1",
      [due],
    );
    expect(await enqueue()).toBe(0);
    const { rows } = await db.query('select 1 from public.sync_queue where feed_id = $1', [due]);
    expect(rows).toHaveLength(1);
  });

  it('spreads the next times of feeds read at the same moment (jitter)', async () => {
    const feeds = await Promise.all(Array.from({ length: 30 }, () => newFeed(owner.user.id, gite)));
    await enqueue();
    const { rows } = await db.query<{ s: number }>(
      `select extract(epoch from max(next_sync_at) - min(next_sync_at))::float as s
       from public.ical_feeds where id = any ($1)`,
      [feeds],
    );
    expect(rows[0]?.s).toBeGreaterThan(30);
  });
});

// ---------------------------------------------------------------------------------------------
describe('claiming', () => {
  let free: Owner;
  let paid: Owner;

  beforeAll(async () => {
    [free, paid] = await Promise.all([signedUpOwner(stack, 'free'), signedUpOwner(stack, 'paid')]);
    const { rows } = await db.query<{ id: string }>(
      'insert into public.cm_clients (owner_user_id, email) values ($1, $2) returning id',
      [paid.user.id, paid.email],
    );
    await db.query(
      `insert into public.cm_subscriptions (owner_user_id, client_id, plan, status)
       values ($1, $2, 'pro', 'active')`,
      [paid.user.id, rows[0]?.id],
    );
  });

  it('hands out high priority first, then paid owners, then oldest first', async () => {
    const freeGite = await newGite(free.user.id);
    const paidGite = await newGite(paid.user.id);
    const freeOld = await newFeed(free.user.id, freeGite);
    await enqueue();
    const paidNew = await newFeed(paid.user.id, paidGite);
    const freeNew = await newFeed(free.user.id, freeGite);
    await enqueue();
    // The owner presses "Synchroniser maintenant" on their newest feed.
    const asked = await newFeed(free.user.id, freeGite, { due: false });
    const { data, error } = await free.client.rpc('request_feed_sync', { p_feed_ids: [asked] });
    expect(error).toBeNull();
    expect(data).toEqual([asked]);

    const claimed = await store.claim('w-order', 10, 60);
    expect(claimed.map((t) => t.feed_id)).toEqual([asked, paidNew, freeOld, freeNew]);
    expect(claimed[0]).toMatchObject({ attempts: 1, platform: 'airbnb' });
  });

  it('never gives one task to two workers claiming at the same moment', async () => {
    const gite = await newGite(free.user.id);
    const feeds = await Promise.all(Array.from({ length: 40 }, () => newFeed(free.user.id, gite)));
    await enqueue();
    const [a, b, c] = await Promise.all([
      store.claim('w-a', 25, 60),
      store.claim('w-b', 25, 60),
      store.claim('w-c', 25, 60),
    ]);
    const all = [...(a ?? []), ...(b ?? []), ...(c ?? [])].map((t) => t.feed_id);
    expect(all).toHaveLength(40);
    expect(new Set(all)).toEqual(new Set(feeds));
  });

  it("takes back a dead worker's tasks when their lease ends; the dead worker can no longer report", async () => {
    const gite = await newGite(free.user.id);
    const feed = await newFeed(free.user.id, gite);
    await enqueue();
    const [claimed] = await store.claim('w-dead', 10, 60);
    expect(claimed?.feed_id).toBe(feed);
    // Leased: nobody else gets it.
    expect(await store.claim('w-other', 10, 60)).toEqual([]);

    await expireLeases('w-dead');
    expect(await store.claim('w-other', 10, 60)).toEqual([]); // reclaimed, but after a backoff
    expect(await task(feed)).toMatchObject({ status: 'pending', attempts: 1 });
    await db.query('update public.sync_queue set run_after = now() where feed_id = $1', [feed]);
    const [again] = await store.claim('w-other', 10, 60);
    expect(again).toMatchObject({ feed_id: feed, attempts: 2 });

    // The first worker comes back late: nothing it says is applied.
    const events: FeedEvent[] = [
      {
        uid: 'late',
        start: '2031-01-01',
        end: '2031-01-03',
        kind: 'stay',
        cancelled: false,
        guestName: null,
        summary: 'Reserved',
      },
    ];
    const fetched = {
      http_status: 200,
      bytes: 100,
      duration_ms: 5,
      etag: null,
      last_modified: null,
      content_hash: 'x',
    };
    expect(await store.apply('w-dead', claimed?.task_id ?? '', fetched, events)).toEqual({
      applied: false,
    });
    expect(
      await store.fail('w-dead', claimed?.task_id ?? '', {
        http_status: 500,
        bytes: null,
        duration_ms: 1,
        error: 'x',
        retryable: true,
      }),
    ).toBeNull();
    expect(
      await store.completeUnchanged('w-dead', [
        {
          task_id: claimed?.task_id ?? '',
          http_status: 304,
          bytes: 0,
          duration_ms: 1,
          etag: null,
          last_modified: null,
        },
      ]),
    ).toBe(0);
    const { rows } = await db.query('select 1 from public.reservations where feed_id = $1', [feed]);
    expect(rows).toEqual([]);
    expect(await task(feed)).toMatchObject({ status: 'processing', locked_by: 'w-other' });
  });

  it('fails a task whose leases keep running out once its attempts are spent', async () => {
    const gite = await newGite(free.user.id);
    const feed = await newFeed(free.user.id, gite);
    await enqueue();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await db.query('update public.sync_queue set run_after = now() where feed_id = $1', [feed]);
      const claimed = await store.claim(`w-hang-${attempt}`, 10, 60);
      expect(claimed.map((t) => t.attempts)).toEqual([attempt]);
      await expireLeases(`w-hang-${attempt}`);
      // The next claim takes it back, to retry after the backoff (or gives up).
      expect(await store.claim('w-next', 10, 60)).toEqual([]);
    }
    expect(await task(feed)).toMatchObject({ status: 'failed', attempts: 4 });
  });
});

// ---------------------------------------------------------------------------------------------
describe('failures', () => {
  let owner: Owner;

  beforeAll(async () => {
    owner = await signedUpOwner(stack, 'fail');
  });

  it('retries after about 1, 5 and 30 minutes, then fails, shows the error and notifies once', async () => {
    const gite = await newGite(owner.user.id);
    const feed = await newFeed(owner.user.id, gite);
    await enqueue();
    const failure = {
      http_status: 503,
      bytes: null,
      duration_ms: 12,
      error: 'La plateforme ne répond pas (HTTP 503).',
      retryable: true,
    };
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const [claimed] = await store.claim('w-retry', 10, 60);
      expect(claimed?.attempts).toBe(attempt);
      expect(await store.fail('w-retry', claimed?.task_id ?? '', failure)).toBe('pending');
      const t = await task(feed);
      delays.push(Math.round(minutesFromNow(t?.run_after ?? new Date(0))));
      await db.query('update public.sync_queue set run_after = now() where feed_id = $1', [feed]);
    }
    expect(delays).toEqual([1, 5, 30]);
    const [last] = await store.claim('w-retry', 10, 60);
    expect(await store.fail('w-retry', last?.task_id ?? '', failure)).toBe('failed');

    expect(await feedState(feed)).toMatchObject({
      last_status: 'error',
      last_error: failure.error,
      last_http_status: 503,
      consecutive_failures: 4,
    });
    const { rows: logs } = await db.query(
      'select status, error from public.sync_logs where feed_id = $1',
      [feed],
    );
    expect(logs).toHaveLength(4);
    const { data: notes } = await owner.client
      .from('notifications')
      .select('type, message, gite_id');
    expect(notes).toEqual([{ type: 'sync_failed', message: failure.error, gite_id: gite }]);

    // Failing again the same day does not notify twice.
    await db.query(
      "update public.ical_feeds set next_sync_at = now() - interval '1 s' where id = $1",
      [feed],
    );
    await enqueue();
    const [again] = await store.claim('w-retry', 10, 60);
    await store.fail('w-retry', again?.task_id ?? '', { ...failure, retryable: false });
    const { data: after } = await owner.client.from('notifications').select('id');
    expect(after).toHaveLength(1);
  });

  it('fails at once when retrying cannot help (a 404, a page that is not a calendar)', async () => {
    const gite = await newGite(owner.user.id);
    const feed = await newFeed(owner.user.id, gite);
    await enqueue();
    const [claimed] = await store.claim('w-404', 10, 60);
    const status = await store.fail('w-404', claimed?.task_id ?? '', {
      http_status: 404,
      bytes: null,
      duration_ms: 3,
      error: "Le lien du calendrier n'existe plus (HTTP 404).",
      retryable: false,
    });
    expect(status).toBe('failed');
    expect(await task(feed)).toMatchObject({ status: 'failed', attempts: 1 });
    // The feed stays scheduled: the link may be fixed on the platform.
    expect(minutesFromNow((await feedState(feed))?.next_sync_at ?? new Date(0))).toBeGreaterThan(
      13,
    );
  });
});

// ---------------------------------------------------------------------------------------------
describe('applying a feed', () => {
  let owner: Owner;
  let gite: string;
  let feed: string;

  const fetched = (hash: string) => ({
    http_status: 200,
    bytes: 1234,
    duration_ms: 40,
    etag: `"${hash}"`,
    last_modified: 'Tue, 24 Nov 2026 08:00:00 GMT',
    content_hash: hash,
  });
  const ev = (
    uid: string,
    start: string,
    end: string,
    extra: Partial<FeedEvent> = {},
  ): FeedEvent => ({
    uid,
    start,
    end,
    kind: 'stay',
    cancelled: false,
    guestName: null,
    summary: 'Reserved',
    ...extra,
  });

  /** Makes the feed due, queues it and claims its task. */
  async function claimFeedTask(): Promise<string> {
    await db.query(
      "update public.ical_feeds set next_sync_at = now() - interval '1 s' where id = $1",
      [feed],
    );
    await enqueue();
    const claimed = await store.claim('w-apply', 50, 60);
    const mine = claimed.find((t) => t.feed_id === feed);
    if (!mine) throw new Error('feed task not claimed');
    return mine.task_id;
  }

  /** Claims the feed's task and applies `events` to it. */
  async function sync(events: FeedEvent[], hash: string = randomUUID()) {
    return store.apply('w-apply', await claimFeedTask(), fetched(hash), events);
  }

  async function stays() {
    const { rows } = await db.query<{
      external_uid: string;
      status: string;
      date_debut: string;
      date_fin: string;
      client_nom: string | null;
      montant: string | null;
      notes: string | null;
      feed_kind: string | null;
    }>(
      `select external_uid, status, to_char(date_debut, 'YYYY-MM-DD') as date_debut,
         to_char(date_fin, 'YYYY-MM-DD') as date_fin, client_nom, montant, notes, feed_kind
       from public.reservations where feed_id = $1 order by external_uid`,
      [feed],
    );
    return rows;
  }

  beforeAll(async () => {
    owner = await signedUpOwner(stack, 'apply');
    gite = await newGite(owner.user.id);
    feed = await newFeed(owner.user.id, gite, { due: false });
  });

  it('imports a feed once: the same feed again adds, changes and cancels nothing', async () => {
    const events = [
      ev('a@airbnb', '2031-07-01', '2031-07-08'),
      ev('b@airbnb', '2031-08-01', '2031-08-03', {
        kind: 'block',
        summary: 'Airbnb (Not available)',
      }),
      ev('c@airbnb', '2031-09-01', '2031-09-05', { cancelled: true }),
      ev('d@airbnb', '2031-10-01', '2031-10-05', { guestName: 'Hélène Durand' }),
    ];
    expect(await sync(events, 'h1')).toEqual({
      applied: true,
      added: 4,
      updated: 0,
      cancelled: 0,
      echoes: 0,
    });
    expect(await sync(events, 'h1')).toEqual({
      applied: true,
      added: 0,
      updated: 0,
      cancelled: 0,
      echoes: 0,
    });
    expect(
      (await stays()).map((s) => [s.external_uid, s.status, s.feed_kind, s.client_nom]),
    ).toEqual([
      ['a@airbnb', 'confirmed', 'stay', null],
      ['b@airbnb', 'blocked', 'block', null],
      ['c@airbnb', 'cancelled', 'stay', null],
      ['d@airbnb', 'confirmed', 'stay', 'Hélène Durand'],
    ]);
    expect(await feedState(feed)).toMatchObject({
      last_status: 'success',
      last_http_status: 200,
      etag: '"h1"',
      content_hash: 'h1',
      consecutive_failures: 0,
      last_error: null,
    });
    const { rows } = await db.query(
      'select added, updated, cancelled from public.sync_logs where feed_id = $1 order by id',
      [feed],
    );
    expect(rows).toEqual([
      { added: 4, updated: 0, cancelled: 0 },
      { added: 0, updated: 0, cancelled: 0 },
    ]);
  });

  it("keeps what the owner typed when the feed's copy changes; only fills an empty guest name", async () => {
    await db.query(
      `update public.reservations set client_nom = 'Famille Martin', montant = 840, notes = 'Arrivée 18 h'
       where feed_id = $1 and external_uid = 'a@airbnb'`,
      [feed],
    );
    const result = await sync([
      ev('a@airbnb', '2031-07-02', '2031-07-09', { guestName: 'Autre Nom' }),
      ev('b@airbnb', '2031-08-01', '2031-08-03', { kind: 'block' }),
      ev('c@airbnb', '2031-09-01', '2031-09-05', { cancelled: true }),
      ev('d@airbnb', '2031-10-01', '2031-10-05', { guestName: 'Hélène Durand' }),
    ]);
    expect(result).toEqual({ applied: true, added: 0, updated: 1, cancelled: 0, echoes: 0 });
    expect((await stays()).find((s) => s.external_uid === 'a@airbnb')).toMatchObject({
      date_debut: '2031-07-02',
      date_fin: '2031-07-09',
      client_nom: 'Famille Martin',
      montant: '840.00',
      notes: 'Arrivée 18 h',
    });
  });

  it('cancels future stays that left the feed, keeps past ones, and restores one that comes back', async () => {
    await db.query(
      `insert into public.reservations (owner_user_id, gite_id, feed_id, external_uid, plateforme, date_debut, date_fin, feed_kind)
       values ($1, $2, $3, 'past@airbnb', 'airbnb', current_date - 30, current_date - 25, 'stay')`,
      [owner.user.id, gite, feed],
    );
    const remaining = [
      ev('b@airbnb', '2031-08-01', '2031-08-03', { kind: 'block' }),
      ev('c@airbnb', '2031-09-01', '2031-09-05', { cancelled: true }),
      ev('d@airbnb', '2031-10-01', '2031-10-05', { guestName: 'Hélène Durand' }),
    ];
    expect(await sync(remaining)).toEqual({
      applied: true,
      added: 0,
      updated: 0,
      cancelled: 1,
      echoes: 0,
    });
    const now = await stays();
    expect(now.find((s) => s.external_uid === 'a@airbnb')?.status).toBe('cancelled');
    expect(now.find((s) => s.external_uid === 'past@airbnb')?.status).toBe('confirmed');

    const back = await sync([ev('a@airbnb', '2031-07-02', '2031-07-09'), ...remaining]);
    expect(back).toEqual({ applied: true, added: 0, updated: 1, cancelled: 0, echoes: 0 });
    expect((await stays()).find((s) => s.external_uid === 'a@airbnb')).toMatchObject({
      status: 'confirmed',
      client_nom: 'Famille Martin',
    });
  });

  it('keeps a period the owner marked as a closure blocked while the feed lists it', async () => {
    await sync([
      ev('closed@booking', '2031-11-01', '2031-11-04', {
        kind: 'to_complete',
        summary: 'CLOSED - Not available',
      }),
    ]);
    await db.query(
      `update public.reservations set status = 'blocked', owner_marked_closure = true
       where feed_id = $1 and external_uid = 'closed@booking'`,
      [feed],
    );
    await sync([ev('closed@booking', '2031-11-01', '2031-11-05', { kind: 'to_complete' })]);
    expect((await stays()).find((s) => s.external_uid === 'closed@booking')).toMatchObject({
      status: 'blocked',
      date_fin: '2031-11-05',
    });
  });

  it('changes nothing when the database refuses part of the feed', async () => {
    const before = await stays();
    // 1,025 characters: over the column's limit (the parser hashes such UIDs; this checks the
    // transaction, not the parser).
    await expect(
      sync([
        ev('new@airbnb', '2032-01-01', '2032-01-03'),
        ev('x'.repeat(1025), '2032-02-01', '2032-02-03'),
      ]),
    ).rejects.toThrow(/external_uid/);
    expect(await stays()).toEqual(before);
    // The task is still held: its lease will end and it will be retried.
    expect(await task(feed)).toMatchObject({ status: 'processing' });
  });

  it('believes an empty calendar only once it has stayed empty an hour (migration 20261128000300)', async () => {
    feed = await newFeed(owner.user.id, gite, { due: false });
    const booked = [
      ev('e1@booking', '2033-03-01', '2033-03-05'),
      ev('e2@booking', '2033-04-01', '2033-04-05'),
    ];
    expect(await sync(booked, 'full')).toMatchObject({ applied: true, added: 2 });

    // A platform's glitch: a valid calendar with no event. Nothing is cancelled, and the
    // body is not remembered, so the next read applies it again.
    expect(await sync([], 'empty')).toEqual({
      applied: true,
      added: 0,
      updated: 0,
      cancelled: 0,
      echoes: 0,
      held: true,
    });
    expect((await stays()).map((stay) => stay.status)).toEqual(['confirmed', 'confirmed']);
    const held = await db.query<{ empty_since: Date | null; content_hash: string; etag: string }>(
      'select empty_since, content_hash, etag from public.ical_feeds where id = $1',
      [feed],
    );
    expect(held.rows[0]).toMatchObject({ content_hash: 'full', etag: '"full"' });
    expect(held.rows[0]?.empty_since).toBeInstanceOf(Date);
    expect(await sync([], 'empty')).toMatchObject({ cancelled: 0, held: true });
    const { rows: logs } = await db.query<{ error: string | null }>(
      'select error from public.sync_logs where feed_id = $1 order by id desc limit 1',
      [feed],
    );
    expect(logs[0]?.error).toMatch(/^Calendrier reçu vide : ses séjours à venir ne seront annulés/);

    // The stays come back: the doubt is forgotten.
    expect(await sync(booked, 'full')).toEqual({
      applied: true,
      added: 0,
      updated: 0,
      cancelled: 0,
      echoes: 0,
    });
    const cleared = await db.query('select empty_since from public.ical_feeds where id = $1', [
      feed,
    ]);
    expect(cleared.rows[0]).toEqual({ empty_since: null });

    // Empty again, and still empty an hour later: the guests did cancel.
    expect(await sync([], 'empty')).toMatchObject({ held: true });
    await db.query(
      "update public.ical_feeds set empty_since = now() - interval '61 minutes' where id = $1",
      [feed],
    );
    expect(await sync([], 'empty')).toEqual({
      applied: true,
      added: 0,
      updated: 0,
      cancelled: 2,
      echoes: 0,
    });
    expect((await stays()).map((stay) => stay.status)).toEqual(['cancelled', 'cancelled']);
    expect(await feedState(feed)).toMatchObject({ content_hash: 'empty' });
    const after = await db.query('select empty_since from public.ical_feeds where id = $1', [feed]);
    expect(after.rows[0]).toEqual({ empty_since: null });
    // An empty calendar with nothing left to cancel is simply applied.
    expect(await sync([], 'empty-2')).toEqual({
      applied: true,
      added: 0,
      updated: 0,
      cancelled: 0,
      echoes: 0,
    });
  });

  it('keeps the stay of an event the parser could not read, and cancels one that left', async () => {
    feed = await newFeed(owner.user.id, gite, { due: false });
    await sync([
      ev('kept@gdf', '2034-05-01', '2034-05-08'),
      ev('left@gdf', '2034-06-01', '2034-06-08'),
      ev('unreadable@gdf', '2034-07-01', '2034-07-08'),
    ]);
    const result = await store.apply(
      'w-apply',
      await claimFeedTask(),
      fetched('partly-unreadable'),
      [ev('kept@gdf', '2034-05-01', '2034-05-08')],
      ['unreadable@gdf'],
    );
    expect(result).toEqual({ applied: true, added: 0, updated: 0, cancelled: 1, echoes: 0 });
    expect((await stays()).map((stay) => [stay.external_uid, stay.status])).toEqual([
      ['kept@gdf', 'confirmed'],
      ['left@gdf', 'cancelled'],
      ['unreadable@gdf', 'confirmed'],
    ]);
    // Only unreadable events left: not an empty calendar, nothing held, the unread stay kept.
    const only = await store.apply(
      'w-apply',
      await claimFeedTask(),
      fetched('only-unreadable'),
      [],
      ['unreadable@gdf'],
    );
    expect(only).toEqual({ applied: true, added: 0, updated: 0, cancelled: 1, echoes: 0 });
    expect((await stays()).map((stay) => [stay.external_uid, stay.status])).toEqual([
      ['kept@gdf', 'cancelled'],
      ['left@gdf', 'cancelled'],
      ['unreadable@gdf', 'confirmed'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('who may call what', () => {
  it('lets an owner ask for their own feeds only, and nobody but the worker claim or report', async () => {
    const [a, b] = await Promise.all([
      signedUpOwner(stack, 'ask-a'),
      signedUpOwner(stack, 'ask-b'),
    ]);
    const gite = await newGite(a.user.id);
    const feed = await newFeed(a.user.id, gite, { due: false });
    const { data: stolen } = await b.client.rpc('request_feed_sync', { p_feed_ids: [feed] });
    expect(stolen).toEqual([]);
    expect(await task(feed)).toBeUndefined();

    const { data: twice } = await a.client.rpc('request_feed_sync', { p_feed_ids: [feed] });
    const { data: again } = await a.client.rpc('request_feed_sync', { p_feed_ids: [feed] });
    expect(twice).toEqual([feed]);
    expect(again).toEqual([feed]);
    const { rows } = await db.query('select 1 from public.sync_queue where feed_id = $1', [feed]);
    expect(rows).toHaveLength(1);

    const anon = testClient(stack);
    for (const [client, label] of [
      [a.client, 'owner'],
      [anon, 'anon'],
    ] as const) {
      const claim = await client.rpc('claim_sync_tasks' as never, { p_worker: 'x' } as never);
      expect(claim.error?.code, label).toBe('42501');
      const enqueueCall = await client.rpc('enqueue_due_feeds' as never, {} as never);
      expect(enqueueCall.error?.code, label).toBe('42501');
    }
    const { error } = await anon.rpc('request_feed_sync', { p_feed_ids: [feed] });
    expect(error?.code).toBe('42501');
  });
});
