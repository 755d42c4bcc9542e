import { describe, expect, it } from 'vitest';
import type { GiteWithFeeds, IcalFeed, LiveSyncTask } from '@/features/gites/api/get-gites';
import {
  isFeedSettled,
  isSyncDone,
  type SyncLogResult,
  summarizeSync,
  syncBaseline,
  syncSummaryMessage,
  withGiteFeeds,
} from '@/features/gites/sync-run';

const BEFORE = '2026-11-24T13:50:00.123456+00:00';
const AFTER = '2026-11-24T14:00:01.654321+00:00';

type FeedState = Pick<IcalFeed, 'id' | 'last_synced_at' | 'tasks'>;

function state(id: string, last_synced_at: string | null, task?: Partial<LiveSyncTask>): FeedState {
  return {
    id,
    last_synced_at,
    tasks: task
      ? [
          {
            id: `task-${id}`,
            status: 'pending',
            run_after: BEFORE,
            attempts: 0,
            last_error: null,
            ...task,
          },
        ]
      : [],
  };
}

const baseline = syncBaseline([state('a', BEFORE), state('b', null)]);

describe('isFeedSettled / isSyncDone: when "Synchroniser maintenant" stops waiting', () => {
  it('waits while the task just queued is pending or being read', () => {
    expect(isFeedSettled(state('a', BEFORE, { attempts: 0 }), baseline)).toBe(false);
    expect(isFeedSettled(state('a', BEFORE, { status: 'processing', attempts: 1 }), baseline)).toBe(
      false,
    );
  });

  it('is settled once the feed has no live task left (done or failed for good)', () => {
    expect(isFeedSettled(state('a', AFTER), baseline)).toBe(true);
    expect(isFeedSettled(state('b', AFTER), baseline)).toBe(true);
  });

  it('is settled when a failed attempt made since the request waits for its retry', () => {
    expect(isFeedSettled(state('a', AFTER, { attempts: 1, last_error: 'x' }), baseline)).toBe(true);
    expect(isFeedSettled(state('b', AFTER, { attempts: 2, last_error: 'x' }), baseline)).toBe(true);
  });

  it('keeps waiting for a failed task the request raised until it is tried again', () => {
    // Pending after earlier failures, but no attempt recorded since the request.
    expect(isFeedSettled(state('a', BEFORE, { attempts: 2, last_error: 'x' }), baseline)).toBe(
      false,
    );
  });

  it('keeps waiting for a new task even if another attempt landed just before it', () => {
    expect(isFeedSettled(state('a', AFTER, { attempts: 0 }), baseline)).toBe(false);
  });

  it('a feed deleted meanwhile does not hold the sync', () => {
    expect(isFeedSettled(undefined, baseline)).toBe(true);
  });

  it('is done only when every requested feed is settled; other feeds do not count', () => {
    const feeds = [state('a', AFTER), state('b', null, { status: 'processing', attempts: 1 })];
    expect(isSyncDone(['a', 'b'], baseline, feeds)).toBe(false);
    expect(isSyncDone(['a'], baseline, feeds)).toBe(true);
    expect(isSyncDone(['a', 'b'], baseline, [state('a', AFTER), state('b', AFTER)])).toBe(true);
  });
});

function log(id: number, feed_id: string, overrides: Partial<SyncLogResult> = {}): SyncLogResult {
  return { id, feed_id, status: 'success', added: 0, updated: 0, cancelled: 0, ...overrides };
}

describe('summarizeSync and its message', () => {
  it('"3 calendriers synchronisés : 2 nouvelles réservations."', () => {
    const summary = summarizeSync([
      log(1, 'a', { added: 2 }),
      log(2, 'b', { status: 'not_modified' }),
      log(3, 'c'),
    ]);
    expect(summary).toEqual({ synced: 3, failed: 0, added: 2, updated: 0, cancelled: 0 });
    expect(syncSummaryMessage(summary)).toBe(
      '3 calendriers synchronisés : 2 nouvelles réservations.',
    );
  });

  it('lists modified and cancelled stays, naming them when they come first', () => {
    expect(
      syncSummaryMessage(summarizeSync([log(1, 'a', { added: 1, updated: 2, cancelled: 1 })])),
    ).toBe('1 calendrier synchronisé : 1 nouvelle réservation, 2 modifiées, 1 annulée.');
    expect(syncSummaryMessage(summarizeSync([log(1, 'a', { updated: 1, cancelled: 3 })]))).toBe(
      '1 calendrier synchronisé : 1 réservation modifiée, 3 annulées.',
    );
    expect(syncSummaryMessage(summarizeSync([log(1, 'a', { cancelled: 2 })]))).toBe(
      '1 calendrier synchronisé : 2 réservations annulées.',
    );
  });

  it('says when nothing changed', () => {
    expect(syncSummaryMessage(summarizeSync([log(1, 'a'), log(2, 'b')]))).toBe(
      '2 calendriers synchronisés : aucun changement.',
    );
  });

  it('judges each feed by its latest attempt and mentions the failures', () => {
    const summary = summarizeSync([
      log(5, 'a', { status: 'error' }),
      log(7, 'a', { added: 1 }),
      log(6, 'b', { status: 'error' }),
    ]);
    expect(summary).toEqual({ synced: 1, failed: 1, added: 1, updated: 0, cancelled: 0 });
    expect(syncSummaryMessage(summary)).toBe(
      '1 calendrier synchronisé : 1 nouvelle réservation ; 1 calendrier en échec (voir ci-dessus).',
    );
    expect(syncSummaryMessage(summarizeSync([log(1, 'a', { status: 'error' })]))).toBe(
      'La synchronisation du calendrier a échoué (voir ci-dessus).',
    );
  });

  it('without any attempt recorded, just says it is over', () => {
    expect(syncSummaryMessage(summarizeSync([]))).toBe('Synchronisation terminée.');
  });
});

describe('withGiteFeeds', () => {
  it('replaces one gîte’s feeds and leaves the others as they are', () => {
    const gite = (id: string) => ({ id, nom: id, ical_feeds: [] }) as unknown as GiteWithFeeds;
    const list = [gite('g1'), gite('g2')];
    const feeds = [{ id: 'f' } as IcalFeed];
    const next = withGiteFeeds(list, 'g2', feeds);
    expect(next?.[0]).toBe(list[0]);
    expect(next?.[1]?.ical_feeds).toBe(feeds);
    expect(withGiteFeeds(undefined, 'g2', feeds)).toBeUndefined();
  });
});
