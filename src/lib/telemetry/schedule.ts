/**
 * The only telemetry code in the entry: decides, from the configuration and the owner's
 * recorded choice, whether anything is loaded at all, and if so loads it once the page has
 * rendered and the browser is idle — never on the path of the first paint (the size budget,
 * dev/build/budget.ts, checks that Sentry and web-vitals are not in those chunks).
 */
import type { Env } from '@/lib/env';
import { reportError, setErrorReporter } from '@/lib/report-error';
import { browserStorage, readConsent, type TelemetryPlan, telemetryPlan } from './consent';

/** After the load event, wait this long and then for an idle moment: the page comes first. */
const DELAY_AFTER_LOAD_MS = 1500;
const IDLE_TIMEOUT_MS = 3000;

function whenPageSettled(run: () => void): void {
  const idle = () => {
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    } else {
      setTimeout(run, 0);
    }
  };
  const afterLoad = () => setTimeout(idle, DELAY_AFTER_LOAD_MS);
  if (document.readyState === 'complete') afterLoad();
  else window.addEventListener('load', afterLoad, { once: true });
}

/**
 * Errors thrown outside React (event handlers, promises) before Sentry is there: kept by
 * the report seam, and handed to Sentry if the owner accepts. Sentry installs its own global
 * handlers when it starts; these are removed then.
 */
function captureEarlyErrors(): () => void {
  const onError = (event: ErrorEvent) => {
    reportError(event.error ?? event.message, 'global');
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    reportError(event.reason, 'promesse');
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return () => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  };
}

/** Called by src/main.tsx right after the app's first render. */
export function scheduleTelemetry(env: Env): TelemetryPlan {
  const plan = telemetryPlan(env, readConsent(browserStorage()));
  if (plan === 'off' || plan === 'declined') {
    setErrorReporter(null);
    return plan;
  }
  const stopEarlyCapture = captureEarlyErrors();
  whenPageSettled(() => {
    import('@/lib/telemetry/start')
      .then(({ startTelemetry }) => startTelemetry(env, plan, stopEarlyCapture))
      .catch((error: unknown) => {
        // Offline, or a stale deploy: the app works without it; try again at the next start.
        stopEarlyCapture();
        setErrorReporter(null);
        reportError(error, 'télémétrie');
      });
  });
  return plan;
}
