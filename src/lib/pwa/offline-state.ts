/**
 * The offline read mode's state, pure: whether the device is online and how old the data on
 * screen is. Kept by src/lib/pwa/network-status.ts, unit-tested here.
 */

export interface OfflineState {
  online: boolean;
  /**
   * The oldest cached API answer the service worker has served since the device went offline
   * (ms since epoch), or null.
   */
  oldestCacheHit: number | null;
}

export type OfflineEvent =
  | { type: 'online' }
  | { type: 'offline' }
  | { type: 'cache-hit'; cachedAt: number };

export function initialOfflineState(online: boolean): OfflineState {
  return { online, oldestCacheHit: null };
}

export function reduceOffline(state: OfflineState, event: OfflineEvent): OfflineState {
  switch (event.type) {
    case 'online':
      // Back online: the data is refetched, the cached answers no longer describe the screen.
      return state.online && state.oldestCacheHit === null ? state : initialOfflineState(true);
    case 'offline':
      return state.online ? { ...state, online: false } : state;
    case 'cache-hit': {
      // A cached answer while online only means a slow network (the 3 s timeout): the fresh
      // answer replaces it in the cache at once, and no banner is shown.
      if (state.online) return state;
      const oldest =
        state.oldestCacheHit === null
          ? event.cachedAt
          : Math.min(state.oldestCacheHit, event.cachedAt);
      return oldest === state.oldestCacheHit ? state : { ...state, oldestCacheHit: oldest };
    }
  }
}

/**
 * The time of the data on screen: the oldest of the cached answers served while offline and
 * of the answers the page already had in memory (`dataUpdatedAt` of the queries on screen).
 * Null when nothing is shown.
 */
export function dataTime(
  oldestCacheHit: number | null,
  inMemory: readonly number[],
): number | null {
  const times = inMemory.filter((time) => time > 0);
  if (oldestCacheHit !== null) times.push(oldestCacheHit);
  return times.length === 0 ? null : Math.min(...times);
}

const dayFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short' });
const timeFormat = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short' });

/** « Hors ligne — données du 14/07/2026 à 09:05 », or « Hors ligne » with no data shown. */
export function offlineBannerText(time: number | null): string {
  if (time === null) return 'Hors ligne';
  const date = new Date(time);
  return `Hors ligne — données du ${dayFormat.format(date)} à ${timeFormat.format(date)}`;
}
