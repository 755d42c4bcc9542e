import { describe, expect, it } from 'vitest';
import { feedStaleness, STALE_AFTER_MS } from '@/features/gites/feed-staleness';

const NOW = Date.parse('2026-11-24T14:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const MIN = 60_000;

function feed(overrides: Partial<Parameters<typeof feedStaleness>[0]> = {}) {
  return {
    is_active: true,
    last_success_at: ago(10 * MIN),
    created_at: ago(30 * 24 * 60 * MIN),
    ...overrides,
  };
}

describe('feedStaleness (2 hours without a successful read)', () => {
  it('a feed read 10 minutes ago is fresh', () => {
    expect(feedStaleness(feed(), NOW)).toEqual({ stale: false });
  });

  it('becomes stale at exactly 2 hours since the last successful read, not a moment before', () => {
    expect(feedStaleness(feed({ last_success_at: ago(STALE_AFTER_MS - 1) }), NOW)).toEqual({
      stale: false,
    });
    expect(feedStaleness(feed({ last_success_at: ago(STALE_AFTER_MS) }), NOW)).toEqual({
      stale: true,
      forMs: STALE_AFTER_MS,
      neverRead: false,
    });
  });

  it('counts from the last success, whatever failed since', () => {
    expect(feedStaleness(feed({ last_success_at: ago(135 * MIN) }), NOW)).toEqual({
      stale: true,
      forMs: 135 * MIN,
      neverRead: false,
    });
  });

  it('a feed never read is fresh for its first 2 hours, then stale since it was added', () => {
    expect(feedStaleness(feed({ last_success_at: null, created_at: ago(119 * MIN) }), NOW)).toEqual(
      { stale: false },
    );
    expect(
      feedStaleness(feed({ last_success_at: null, created_at: ago(3 * 60 * MIN) }), NOW),
    ).toEqual({ stale: true, forMs: 3 * 60 * MIN, neverRead: true });
  });

  it('an inactive feed is never stale (it is not meant to be read)', () => {
    expect(
      feedStaleness(feed({ is_active: false, last_success_at: ago(10 * 24 * 60 * MIN) }), NOW),
    ).toEqual({ stale: false });
  });

  it('a read stamped slightly in the future (server clock ahead) is fresh', () => {
    expect(feedStaleness(feed({ last_success_at: ago(-5_000) }), NOW)).toEqual({ stale: false });
  });
});
