import { Workbox } from 'workbox-window';
import { hasDirtyForms } from '@/lib/pwa/dirty-forms';
import { connectUpdateController, dispatchUpdate } from '@/lib/pwa/update-store';

/**
 * Registers the service worker (src/sw.ts, built by vite-plugin-pwa) with workbox-window.
 * Loaded after the first render, so it is not on the critical path.
 *
 * In `vite` (dev) there is no service worker unless the dev server was started with
 * PWA_DEV=1: the end-to-end tests of the dev server then run with no cache in between, and
 * a worker left from an earlier session is removed.
 */

const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

function serviceWorkerTarget(): { url: string; type: WorkerType } | null {
  const base = import.meta.env.BASE_URL;
  if (import.meta.env.PROD) return { url: `${base}sw.js`, type: 'classic' };
  const devEnabled = typeof __PWA_DEV_SW__ !== 'undefined' && __PWA_DEV_SW__;
  return devEnabled ? { url: `${base}dev-sw.js?dev-sw`, type: 'module' } : null;
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const target = serviceWorkerTarget();
  if (!target) {
    void navigator.serviceWorker
      .getRegistrations()
      .then((registrations) => Promise.all(registrations.map((r) => r.unregister())));
    return;
  }

  const workbox = new Workbox(target.url, { scope: import.meta.env.BASE_URL, type: target.type });
  let registration: ServiceWorkerRegistration | undefined;

  connectUpdateController({
    workerWaiting: () => Boolean(registration?.waiting),
    skipWaiting: () => workbox.messageSkipWaiting(),
  });

  // A new version is installed and waits (found now, by an update check, or by another tab).
  workbox.addEventListener('waiting', () => dispatchUpdate({ type: 'waiting' }));
  // A new version took over this page: the first install (nothing to do), or an update.
  workbox.addEventListener('controlling', (event) => {
    if (event.isUpdate || event.isExternal) {
      dispatchUpdate({ type: 'controlling', dirtyForms: hasDirtyForms() });
    }
  });

  workbox
    .register()
    .then((registered) => {
      registration = registered;
      // Owners keep the app open for days: look for a new version every hour, and when
      // the app comes back to the foreground (offline, the check simply fails).
      const check = () => workbox.update().catch(() => undefined);
      setInterval(check, UPDATE_CHECK_INTERVAL_MS);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') void check();
      });
    })
    .catch((error: unknown) => {
      // No service worker means no offline mode, but the app works: say so in the console.
      console.warn('Service worker non enregistré', error);
    });
}
