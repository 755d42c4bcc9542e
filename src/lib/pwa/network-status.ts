import { onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { isApiCacheHitMessage } from '@/lib/pwa/api-cache-rules';
import {
  initialOfflineState,
  type OfflineEvent,
  type OfflineState,
  reduceOffline,
} from '@/lib/pwa/offline-state';

/**
 * Whether the app is online, and how old the cached answers on screen are: the browser's
 * `online` / `offline` events plus the service worker's « served from the cache » messages.
 * Also drives TanStack Query's onlineManager, so that queries pause offline and refetch when
 * the network is back — after the tasks that must run first (refreshing a session that
 * expired offline, so that neither the refetch nor a write goes out with the anon key).
 */

let state: OfflineState = initialOfflineState(
  typeof navigator === 'undefined' ? true : navigator.onLine,
);
const listeners = new Set<() => void>();

function dispatch(event: OfflineEvent) {
  const next = reduceOffline(state, event);
  if (next === state) return;
  state = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useOfflineState(): OfflineState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => state,
  );
}

type ReconnectTask = () => Promise<unknown>;
const reconnectTasks = new Set<ReconnectTask>();
/** Long enough for supabase-js's 60 s wait between two refreshes of one token. */
const RECONNECT_TASK_TIMEOUT_MS = 80_000;

/** Runs `task` each time the network comes back, before queries refetch. */
export function beforeReconnect(task: ReconnectTask): () => void {
  reconnectTasks.add(task);
  return () => reconnectTasks.delete(task);
}

async function runReconnectTasks(): Promise<void> {
  await Promise.allSettled(
    [...reconnectTasks].map((task) =>
      Promise.race([
        task(),
        new Promise((resolve) => setTimeout(resolve, RECONNECT_TASK_TIMEOUT_MS)),
      ]),
    ),
  );
}

let started = false;
let generation = 0;

/** Starts listening (once). Called by the app shell before the first query. */
export function startNetworkStatus(): void {
  if (started || typeof window === 'undefined') return;
  started = true;

  navigator.serviceWorker?.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (isApiCacheHitMessage(event.data)) {
      dispatch({ type: 'cache-hit', cachedAt: event.data.cachedAt });
    }
  });

  onlineManager.setEventListener((setQueriesOnline) => {
    // TanStack starts "online" whatever the browser says: a page opened with no network
    // must start offline (queries then try once — the service worker answers from its
    // cache — and pause their retries).
    if (!navigator.onLine) setQueriesOnline(false);

    const goOffline = () => {
      generation += 1;
      dispatch({ type: 'offline' });
      setQueriesOnline(false);
    };
    // The app is back online once the network is and the reconnect tasks are done: then the
    // banner goes, writes are enabled again and the queries on screen refetch.
    const goOnline = () => {
      generation += 1;
      const mine = generation;
      void runReconnectTasks().then(() => {
        if (mine !== generation || !navigator.onLine) return;
        dispatch({ type: 'online' });
        setQueriesOnline(true);
      });
    };
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    return () => {
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
    };
  });
}
