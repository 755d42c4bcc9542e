import { describe, expect, it } from 'vitest';
import {
  dataTime,
  initialOfflineState,
  offlineBannerText,
  reduceOffline,
} from '@/lib/pwa/offline-state';

/** 14/07/2026 09:05, local time (the formatter writes local time too). */
const T0 = new Date(2026, 6, 14, 9, 5).getTime();

describe('reduceOffline', () => {
  it('keeps the oldest cached answer served while offline', () => {
    let state = initialOfflineState(true);
    state = reduceOffline(state, { type: 'offline' });
    state = reduceOffline(state, { type: 'cache-hit', cachedAt: T0 + 60_000 });
    state = reduceOffline(state, { type: 'cache-hit', cachedAt: T0 });
    state = reduceOffline(state, { type: 'cache-hit', cachedAt: T0 + 120_000 });
    expect(state).toEqual({ online: false, oldestCacheHit: T0 });
  });

  it('starts offline when the page opens with no network', () => {
    const state = reduceOffline(initialOfflineState(false), { type: 'cache-hit', cachedAt: T0 });
    expect(state).toEqual({ online: false, oldestCacheHit: T0 });
  });

  it('forgets the cached answers when the network is back', () => {
    const offline = { online: false, oldestCacheHit: T0 };
    expect(reduceOffline(offline, { type: 'online' })).toEqual({
      online: true,
      oldestCacheHit: null,
    });
  });

  it('ignores a cached answer served online (slow network): no banner', () => {
    const online = initialOfflineState(true);
    expect(reduceOffline(online, { type: 'cache-hit', cachedAt: T0 })).toBe(online);
  });

  it('returns the same state when nothing changes (no needless renders)', () => {
    const online = initialOfflineState(true);
    expect(reduceOffline(online, { type: 'online' })).toBe(online);
    const offline = { online: false, oldestCacheHit: T0 };
    expect(reduceOffline(offline, { type: 'offline' })).toBe(offline);
    expect(reduceOffline(offline, { type: 'cache-hit', cachedAt: T0 + 1 })).toBe(offline);
  });
});

describe('dataTime', () => {
  it('is the oldest of the cached answers and the answers in memory', () => {
    expect(dataTime(T0, [T0 + 5_000, T0 + 10_000])).toBe(T0);
    expect(dataTime(null, [T0 + 5_000, T0 + 10_000])).toBe(T0 + 5_000);
    expect(dataTime(T0 + 60_000, [T0])).toBe(T0);
  });

  it('ignores queries without data and is null with nothing shown', () => {
    expect(dataTime(null, [0, 0])).toBeNull();
    expect(dataTime(null, [])).toBeNull();
    expect(dataTime(T0, [0])).toBe(T0);
  });
});

describe('offlineBannerText', () => {
  it('says offline and the date and time of the data, in French', () => {
    expect(offlineBannerText(T0)).toBe('Hors ligne — données du 14/07/2026 à 09:05');
  });

  it('says offline alone when no data is shown', () => {
    expect(offlineBannerText(null)).toBe('Hors ligne');
  });
});
