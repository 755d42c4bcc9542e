/**
 * Telemetry, loaded by schedule.ts after the first render when something is configured and
 * the owner has not refused: asks for consent if needed (a banner in a React root of its
 * own, outside the app), then starts Sentry (VITE_SENTRY_DSN) and/or the Web Vitals beacon
 * (VITE_VITALS_URL). Sentry's SDK and web-vitals are only downloaded after an "Accepter".
 */
import { createRoot } from 'react-dom/client';
import type { Env } from '@/lib/env';
import { setErrorReporter } from '@/lib/report-error';
import { browserStorage, type ConsentChoice, writeConsent } from './consent';
import { ConsentBanner } from './consent-banner';
import { APP_RELEASE } from './release';
import { createVitalsBatch, type Vital } from './vitals';

export function askConsent(): Promise<ConsentChoice> {
  return new Promise((resolve) => {
    const host = document.createElement('div');
    host.id = 'consentement';
    document.body.append(host);
    const root = createRoot(host);
    root.render(
      <ConsentBanner
        onChoice={(choice) => {
          root.unmount();
          host.remove();
          resolve(choice);
        }}
      />,
    );
  });
}

/** Web Vitals to VITE_VITALS_URL: one beacon per batch, sent at the latest when the page hides. */
function vitalsBeacon(url: string): (vital: Vital) => void {
  const batch = createVitalsBatch({
    url,
    release: APP_RELEASE,
    send: (target, body) => navigator.sendBeacon(target, body),
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') batch.flush();
  });
  window.addEventListener('pagehide', () => batch.flush());
  return batch.add;
}

export async function startTelemetry(
  env: Env,
  plan: 'ask' | 'start',
  stopEarlyCapture: () => void,
): Promise<void> {
  if (plan === 'ask') {
    const choice = await askConsent();
    writeConsent(browserStorage(), choice);
    if (choice === 'refused') {
      stopEarlyCapture();
      setErrorReporter(null);
      return;
    }
  }

  const sinks: Array<(vital: Vital) => void> = [];
  if (env.VITE_SENTRY_DSN) {
    const { startSentry } = await import('./sentry');
    const sentry = startSentry(env.VITE_SENTRY_DSN);
    stopEarlyCapture();
    setErrorReporter(sentry.reporter);
    sinks.push(sentry.sendVital);
  } else {
    stopEarlyCapture();
    setErrorReporter(null);
  }
  if (env.VITE_VITALS_URL) sinks.push(vitalsBeacon(env.VITE_VITALS_URL));

  const { observeWebVitals } = await import('./web-vitals');
  observeWebVitals((vital) => {
    for (const sink of sinks) sink(vital);
  });
}
