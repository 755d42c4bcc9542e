/**
 * The one place errors that reach a boundary are reported. In development: the console
 * (production builds drop `console.*`). When Sentry is configured and the owner has accepted
 * it, the lazily loaded telemetry (src/lib/telemetry/) plugs its reporter in here and the
 * boundary shows the event id it returns.
 */
export type ErrorReporter = (error: unknown, context?: string) => string | undefined;

let reporter: ErrorReporter | null = null;

/**
 * Errors raised before the reporter is there (Sentry loads after the first render, and only
 * once the owner has consented): handed to it when it arrives, dropped if it never does.
 */
const MAX_PENDING = 10;
let pending: Array<{ error: unknown; context: string | undefined }> | null = [];

export function reportError(error: unknown, context?: string): string | undefined {
  console.error(context ? `[${context}]` : '[erreur]', error);
  if (reporter) return reporter(error, context);
  if (pending && pending.length < MAX_PENDING) pending.push({ error, context });
  return undefined;
}

/** Plugs a reporter in (and hands it what was raised before), or says none will come. */
export function setErrorReporter(next: ErrorReporter | null): void {
  reporter = next;
  const waiting = pending ?? [];
  pending = null;
  if (next) for (const { error, context } of waiting) next(error, context);
}
