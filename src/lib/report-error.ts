/**
 * The one place errors that reach a boundary are reported. Today: the browser console;
 * the Sentry integration (issue 5) plugs in here and returns the event id to show.
 */
export function reportError(error: unknown, context?: string): string | undefined {
  console.error(context ? `[${context}]` : '[erreur]', error);
  return undefined;
}
