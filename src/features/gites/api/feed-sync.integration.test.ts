/**
 * The sync UI's data access against the shared test stack: "Synchroniser maintenant"
 * (request_feed_sync, and waiting for the tasks) and the paginated sync history. No worker
 * runs here, and nothing here claims tasks or runs the scheduler (other files share this
 * stack): a worker's work is played by the superuser on this file's own rows.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getGiteFeeds } from '@/features/gites/api/get-gite-feeds';
import { getGites } from '@/features/gites/api/get-gites';
import { getSyncHistoryPage } from '@/features/gites/api/get-sync-history';
import { requestFeedSync, syncGiteNow } from '@/features/gites/api/sync-gite-now';
import { signedUpOwner, superuserPool } from '../../../../dev/test/clients.ts';

const stack = inject('stack');
let db: pg.Pool;

beforeAll(async () => {
  db = await superuserPool(stack);
});
afterAll(async () => {
  await db.end();
});

type Owner = Awaited<ReturnType<typeof signedUpOwner>>;

async function addGite(owner: Owner, nom: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'insert into public.gites (owner_user_id, nom) values ($1, $2) returning id',
    [owner.user.id, nom],
  );
  return rows[0]?.id ?? '';
}

/** A feed that the scheduler would not consider for a day (nobody runs it here anyway). */
async function addFeed(
  owner: Owner,
  giteId: string,
  { platform = 'airbnb', label = null as string | null, active = true } = {},
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into public.ical_feeds (owner_user_id, gite_id, platform, label, url, is_active, next_sync_at)
     values ($1, $2, $3, $4, $5, $6, now() + interval '1 day') returning id`,
    [
      owner.user.id,
      giteId,
      platform,
      label,
      `https://calendars.example/${crypto.randomUUID()}.ics`,
      active,
    ],
  );
  return rows[0]?.id ?? '';
}

async function liveTasks(feedIds: string[]) {
  const { rows } = await db.query<{ feed_id: string; priority: number; status: string }>(
    `select feed_id, priority, status from public.sync_queue
     where feed_id = any($1) and status in ('pending', 'processing') order by feed_id`,
    [feedIds],
  );
  return rows;
}

/** What the worker writes when it reads a feed: task done, feed state, one history row. */
async function playWorker(feedId: string, log: { status: string; added?: number }) {
  await db.query(
    `update public.sync_queue set status = 'done', attempts = attempts + 1, finished_at = now()
     where feed_id = $1 and status in ('pending', 'processing')`,
    [feedId],
  );
  await db.query(
    `update public.ical_feeds set last_synced_at = now(), last_success_at = now(),
       last_status = $2, last_http_status = 200 where id = $1`,
    [feedId, log.status],
  );
  await db.query(
    `insert into public.sync_logs (owner_user_id, gite_id, feed_id, status, http_status, added, duration_ms)
     select owner_user_id, gite_id, id, $2, 200, $3, 120 from public.ical_feeds where id = $1`,
    [feedId, log.status, log.added ?? 0],
  );
}

describe('request_feed_sync ("Synchroniser maintenant")', () => {
  it("queues the caller's active feeds at high priority, and nothing of another owner's", async () => {
    const owner = await signedUpOwner(stack, 'sync-request');
    const other = await signedUpOwner(stack, 'sync-request-other');
    const gite = await addGite(owner, 'Le Moulin');
    const [a1, a2, inactive] = [
      await addFeed(owner, gite),
      await addFeed(owner, gite, { platform: 'booking' }),
      await addFeed(owner, gite, { active: false }),
    ];
    const otherFeed = await addFeed(other, await addGite(other, 'Chez l’autre'));

    const queued = await requestFeedSync(owner.client, [a1, a2, inactive, otherFeed]);
    expect(queued.toSorted()).toEqual([a1, a2].toSorted());
    expect(await liveTasks([a1, a2, inactive, otherFeed])).toEqual(
      [a1, a2].toSorted().map((feed_id) => ({ feed_id, priority: 1, status: 'pending' })),
    );

    // Another owner asking for these feeds queues nothing and sees none of the tasks.
    expect(await requestFeedSync(other.client, [a1, a2])).toEqual([]);
    const { data: seen } = await other.client.from('sync_queue').select('id').in('feed_id', [a1]);
    expect(seen).toEqual([]);

    // Asking again keeps one live task per feed.
    expect((await requestFeedSync(owner.client, [a1, a2])).toSorted()).toEqual([a1, a2].toSorted());
    expect(await liveTasks([a1, a2])).toHaveLength(2);

    // The card's reads carry each feed's live task; the inactive feed has none.
    const [listed] = (await getGites(owner.client)).filter((g) => g.id === gite);
    const tasksOf = (id: string) => listed?.ical_feeds.find((f) => f.id === id)?.tasks;
    expect(tasksOf(a1)).toMatchObject([{ status: 'pending', attempts: 0 }]);
    expect(tasksOf(inactive)).toEqual([]);
    const feeds = await getGiteFeeds(owner.client, gite);
    expect(feeds.map((f) => f.id)).toEqual([a1, a2, inactive]);
    expect(feeds.map((f) => f.tasks.length)).toEqual([1, 1, 0]);
  });

  it('leaves a feed being read with its task', async () => {
    const owner = await signedUpOwner(stack, 'sync-processing');
    const gite = await addGite(owner, 'La Grange');
    const busy = await addFeed(owner, gite);
    const idle = await addFeed(owner, gite);
    await requestFeedSync(owner.client, [busy]);
    await db.query(
      `update public.sync_queue set status = 'processing', attempts = 1,
         locked_by = 'test', locked_until = now() + interval '1 minute'
       where feed_id = $1 and status = 'pending'`,
      [busy],
    );
    expect(await requestFeedSync(owner.client, [busy, idle])).toEqual([idle]);
    expect(await liveTasks([busy])).toEqual([{ feed_id: busy, priority: 1, status: 'processing' }]);
  });
});

describe('syncGiteNow: asks, waits for the tasks, sums up the attempts', () => {
  it('stops when every task is done and counts only the attempts made since the request', async () => {
    const owner = await signedUpOwner(stack, 'sync-now');
    const gite = await addGite(owner, 'Le Lavoir');
    const airbnb = await addFeed(owner, gite);
    const booking = await addFeed(owner, gite, { platform: 'booking' });
    // An earlier attempt with new stays: not part of this sync's summary.
    await playWorker(airbnb, { status: 'success', added: 7 });

    let polls = 0;
    const progress: number[] = [];
    const result = await syncGiteNow(
      owner.client,
      { giteId: gite, feedIds: [airbnb, booking] },
      {
        onProgress: (feeds) => progress.push(feeds.filter((f) => f.tasks.length > 0).length),
        sleep: async () => {
          polls += 1;
          // The worker reads one feed between two polls, then the other.
          if (polls === 1) await playWorker(airbnb, { status: 'success', added: 2 });
          if (polls === 2) await playWorker(booking, { status: 'not_modified' });
        },
      },
    );
    expect(result.kind).toBe('done');
    if (result.kind !== 'done') return;
    expect(result.summary).toEqual({ synced: 2, failed: 0, added: 2, updated: 0, cancelled: 0 });
    expect(progress).toEqual([2, 1, 0]);
    expect(result.feeds.map((f) => f.last_status)).toEqual(['success', 'not_modified']);
    // Finished tasks stay in the queue a day, but the cards only carry live ones.
    const [listed] = (await getGites(owner.client)).filter((g) => g.id === gite);
    expect(listed?.ical_feeds.map((f) => f.tasks)).toEqual([[], []]);
  });

  it('gives up waiting after the timeout, leaving the tasks queued for the worker', async () => {
    const owner = await signedUpOwner(stack, 'sync-timeout');
    const gite = await addGite(owner, 'Le Pressoir');
    const feed = await addFeed(owner, gite);
    let clock = 0;
    let sleeps = 0;
    const result = await syncGiteNow(
      owner.client,
      { giteId: gite, feedIds: [feed] },
      {
        now: () => clock,
        sleep: async (ms) => {
          sleeps += 1;
          clock += ms;
        },
      },
    );
    expect(result.kind).toBe('timeout');
    expect(sleeps).toBe(20); // 30 s of 1.5 s ticks
    expect(await liveTasks([feed])).toEqual([{ feed_id: feed, priority: 1, status: 'pending' }]);
  });

  it('asks nothing when none of the feeds is active', async () => {
    const owner = await signedUpOwner(stack, 'sync-nothing');
    const gite = await addGite(owner, 'La Bergerie');
    const feed = await addFeed(owner, gite, { active: false });
    const result = await syncGiteNow(owner.client, { giteId: gite, feedIds: [feed] });
    expect(result.kind).toBe('nothing');
    expect(await liveTasks([feed])).toEqual([]);
  });
});

describe('getSyncHistoryPage: 20 a page, exact count, one gîte, one owner', () => {
  it('pages 45 attempts as 20, 20 and 5, newest first, and shows nothing of other gîtes or owners', async () => {
    const owner = await signedUpOwner(stack, 'sync-history');
    const other = await signedUpOwner(stack, 'sync-history-other');
    const gite = await addGite(owner, 'Le Moulin');
    const secondGite = await addGite(owner, 'La Grange');
    const airbnb = await addFeed(owner, gite, { label: 'Chambre bleue' });
    const booking = await addFeed(owner, gite, { platform: 'booking' });
    const elsewhere = await addFeed(owner, secondGite);
    const otherFeed = await addFeed(other, await addGite(other, 'Ailleurs'));

    // 45 attempts one minute apart on the gîte's two feeds, some failed; plus noise.
    await db.query(
      `insert into public.sync_logs (owner_user_id, gite_id, feed_id, status, http_status, error,
         added, updated, cancelled, duration_ms, synced_at)
       select $1, $2, case when i % 2 = 0 then $3::uuid else $4::uuid end,
         case when i % 9 = 0 then 'error' when i % 2 = 0 then 'success' else 'not_modified' end,
         case when i % 9 = 0 then 404 else 200 end,
         case when i % 9 = 0 then 'Le calendrier est introuvable (erreur 404).' end,
         i % 3, 0, 0, 100 + i, now() - make_interval(mins => i)
       from generate_series(1, 45) as i`,
      [owner.user.id, gite, airbnb, booking],
    );
    await db.query(
      `insert into public.sync_logs (owner_user_id, gite_id, feed_id, status, synced_at)
       select $1, $2, $3, 'success', now() - make_interval(secs => i) from generate_series(1, 7) as i`,
      [owner.user.id, secondGite, elsewhere],
    );
    const otherGite = (
      await db.query<{ gite_id: string }>('select gite_id from public.ical_feeds where id = $1', [
        otherFeed,
      ])
    ).rows[0]?.gite_id;
    await db.query(
      `insert into public.sync_logs (owner_user_id, gite_id, feed_id, status, synced_at)
       select $1, $2, $3, 'success', now() from generate_series(1, 5)`,
      [other.user.id, otherGite, otherFeed],
    );

    const expected = (
      await db.query<{ id: string }>(
        'select id from public.sync_logs where gite_id = $1 order by synced_at desc, id desc',
        [gite],
      )
    ).rows.map((row) => Number(row.id));
    expect(expected).toHaveLength(45);

    const pages = await Promise.all(
      [1, 2, 3].map((page) => getSyncHistoryPage(owner.client, { giteId: gite, page })),
    );
    expect(pages.map((p) => p.rows.length)).toEqual([20, 20, 5]);
    expect(pages.map((p) => [p.page, p.total, p.pageCount])).toEqual([
      [1, 45, 3],
      [2, 45, 3],
      [3, 45, 3],
    ]);
    expect(pages.flatMap((p) => p.rows.map((row) => row.id))).toEqual(expected);

    const [first] = pages[0]?.rows ?? [];
    expect(first).toMatchObject({
      feed_id: booking,
      status: 'not_modified',
      added: 1,
      duration_ms: 101,
      feed: { platform: 'booking', label: null },
    });
    const failed = pages.flatMap((p) => p.rows).find((row) => row.status === 'error');
    expect(failed).toMatchObject({
      http_status: 404,
      error: 'Le calendrier est introuvable (erreur 404).',
    });
    expect(pages[0]?.rows.find((row) => row.feed_id === airbnb)?.feed).toEqual({
      platform: 'airbnb',
      label: 'Chambre bleue',
    });

    // A page past the end (rows purged meanwhile) gives the last one.
    const past = await getSyncHistoryPage(owner.client, { giteId: gite, page: 9 });
    expect([past.page, past.rows.length, past.total]).toEqual([3, 5, 45]);

    // The other gîte has its own 7; the other owner sees nothing of this gîte.
    expect((await getSyncHistoryPage(owner.client, { giteId: secondGite, page: 1 })).total).toBe(7);
    expect(await getSyncHistoryPage(other.client, { giteId: gite, page: 1 })).toEqual({
      rows: [],
      total: 0,
      page: 1,
      pageCount: 1,
    });
    expect(
      (await getSyncHistoryPage(owner.client, { giteId: otherGite ?? '', page: 1 })).total,
    ).toBe(0);
  });
});
