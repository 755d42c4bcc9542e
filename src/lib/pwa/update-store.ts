import { useSyncExternalStore } from 'react';
import { hasDirtyForms } from '@/lib/pwa/dirty-forms';
import {
  initialUpdateState,
  reduceUpdate,
  type UpdateEvent,
  type UpdateState,
} from '@/lib/pwa/update-state';

/**
 * The « new version » state of this page (rules in update-state.ts). The service worker
 * registration (register-sw.ts, loaded after the first render) feeds it; the update prompt
 * reads it.
 */

export interface UpdateController {
  /** A new worker is installed and waiting. */
  workerWaiting(): boolean;
  /** Asks the waiting worker to take over (it then controls every tab of the app). */
  skipWaiting(): void;
}

let state: UpdateState = initialUpdateState;
let controller: UpdateController | null = null;
const listeners = new Set<() => void>();

export function connectUpdateController(next: UpdateController): void {
  controller = next;
}

export function dispatchUpdate(event: UpdateEvent): void {
  const result = reduceUpdate(state, event);
  if (result.state !== state) {
    state = result.state;
    for (const listener of listeners) listener();
  }
  if (result.action === 'skip-waiting') controller?.skipWaiting();
  else if (result.action === 'reload') window.location.reload();
}

/** « Recharger »: does nothing while a form holds typed values. */
export function applyUpdate(): void {
  dispatchUpdate({
    type: 'apply',
    dirtyForms: hasDirtyForms(),
    workerWaiting: controller?.workerWaiting() ?? false,
  });
}

export function useUpdateState(): UpdateState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
    () => state,
  );
}
