import { useEffect } from 'react';
import { AppErrorBoundary } from '@/app/error-boundary';
import { AppProvider } from '@/app/provider';
import { AppRouter } from '@/app/router';
import { OfflineBanner } from '@/components/offline-banner';
import { UpdatePrompt } from '@/components/update-prompt';
import { startNetworkStatus } from '@/lib/pwa/network-status';

// Before the first query: TanStack Query must know whether the page opened offline.
startNetworkStatus();

let serviceWorkerRequested = false;

/** The service worker is registered once the page has loaded: it never delays the first paint. */
function registerServiceWorkerWhenLoaded() {
  if (serviceWorkerRequested) return;
  serviceWorkerRequested = true;
  const register = () => {
    import('@/lib/pwa/register-sw')
      .then(({ registerServiceWorker }) => registerServiceWorker())
      .catch(() => {
        // A stale chunk or no network: no service worker this time, the app works without.
      });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

export function App() {
  useEffect(registerServiceWorkerWhenLoaded, []);
  return (
    <AppErrorBoundary>
      <AppProvider>
        <OfflineBanner />
        <AppRouter />
        <UpdatePrompt />
      </AppProvider>
    </AppErrorBoundary>
  );
}
