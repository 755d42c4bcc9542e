import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { useOfflineState } from '@/lib/pwa/network-status';
import { dataTime, offlineBannerText } from '@/lib/pwa/offline-state';
import { OFFLINE_REASON_ID, offlineMessages } from '@/lib/pwa/write-access';
import '@/components/pwa.css';

/** The oldest answer among the queries on screen (0 when none has data). */
function oldestOnScreen(queryClient: QueryClient): number {
  let oldest = 0;
  for (const query of queryClient.getQueryCache().findAll({ type: 'active' })) {
    const time = query.state.dataUpdatedAt;
    if (time > 0 && (oldest === 0 || time < oldest)) oldest = time;
  }
  return oldest;
}

/** Follows the queries on screen, only while `enabled` (offline). */
function useOldestOnScreen(enabled: boolean): number {
  const queryClient = useQueryClient();
  const subscribe = useCallback(
    (listener: () => void) =>
      enabled ? queryClient.getQueryCache().subscribe(listener) : () => undefined,
    [queryClient, enabled],
  );
  return useSyncExternalStore(
    subscribe,
    () => (enabled ? oldestOnScreen(queryClient) : 0),
    () => 0,
  );
}

/**
 * « Hors ligne — données du 14/07/2026 à 09:05 »: the page shows what was read before (from
 * memory or from the service worker's cache), and says from when. Its second sentence is the
 * reason every write control gives (`aria-describedby`). The live region is always there so
 * that going offline is announced.
 */
export function OfflineBanner() {
  const { online, oldestCacheHit } = useOfflineState();
  const inMemory = useOldestOnScreen(!online);
  return (
    <div className="offline-banner-region" role="status">
      {online ? null : (
        <div className="offline-banner">
          <p className="offline-banner-title">
            {offlineBannerText(dataTime(oldestCacheHit, [inMemory]))}
          </p>
          <p id={OFFLINE_REASON_ID} className="offline-banner-reason">
            {offlineMessages.bannerReason}
          </p>
        </div>
      )}
    </div>
  );
}

/** In a form, while offline: saving waits for the network, and what was typed stays. */
export function OfflineFormNote() {
  const { online } = useOfflineState();
  if (online) return null;
  return <p className="offline-form-note">{offlineMessages.formKept}</p>;
}
