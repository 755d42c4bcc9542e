/**
 * Sentry, loaded only when VITE_SENTRY_DSN is set, the owner has accepted, and the first page
 * has rendered (src/lib/telemetry/start.ts imports this module dynamically): its SDK is in a
 * chunk of its own, never on the first page's path (dev/build/budget.ts checks it).
 */
import {
  browserTracingIntegration,
  captureException,
  init,
  metrics,
  withScope,
} from '@sentry/react';
import type { ErrorReporter } from '@/lib/report-error';
import { APP_RELEASE } from './release';
import { sentrySettings } from './sentry-options';
import type { Vital } from './vitals';

export function startSentry(dsn: string): {
  reporter: ErrorReporter;
  sendVital: (vital: Vital) => void;
} {
  init({
    ...sentrySettings({ dsn, release: APP_RELEASE, environment: import.meta.env.MODE }),
    integrations: [browserTracingIntegration()],
  });

  /** The error boundaries' reports: the event id is shown to the owner as a reference. */
  const reporter: ErrorReporter = (error, context) =>
    withScope((scope) => {
      if (context) {
        // "app\n    at Component…" from the app boundary, "route /gites" from a route's.
        const [where, ...stack] = context.split('\n');
        scope.setTag('boundary', where?.trim() || 'app');
        if (stack.length > 0) scope.setContext('react', { componentStack: stack.join('\n') });
      }
      return captureException(error);
    });

  /** Every page view's vitals, as distributions (traces are sampled; these are not). */
  const sendVital = (vital: Vital) => {
    metrics.distribution(`web_vitals.${vital.name.toLowerCase()}`, vital.value, {
      unit: vital.name === 'CLS' ? 'none' : 'millisecond',
      attributes: {
        rating: vital.rating,
        page: vital.page,
        navigation_type: vital.navigationType,
      },
    });
  };

  return { reporter, sendVital };
}
