/**
 * Sentry's settings and the event filter (pure: no SDK import, tested under Node). The SDK
 * itself is loaded by src/lib/telemetry/sentry.ts, only after the owner's consent.
 */

/** The share of page loads and navigations traced (errors are all reported). */
export const TRACES_SAMPLE_RATE = 0.1;

/** Scripts of browser extensions (and Safari's masked ones) that run inside the page. */
export const EXTENSION_URL =
  /^(chrome|chrome-extension|moz-extension|safari-extension|safari-web-extension|ms-browser-extension|edge-extension):\/\/|^webkit-masked-url:/i;

/** The parts of a Sentry event the filters read. */
export interface EventLike {
  request?: { url?: string; query_string?: unknown };
  exception?: {
    values?: Array<{
      value?: string;
      stacktrace?: { frames?: Array<{ filename?: string; abs_path?: string }> };
    }>;
  };
}

/**
 * True when an error comes from a browser extension rather than the app: a frame of its stack
 * (any frame, where `denyUrls` only looks at the top one) is an extension's script, or the
 * message names one. Those errors are not ours to fix and would drown the real ones.
 */
export function isBrowserExtensionEvent(event: EventLike): boolean {
  for (const exception of event.exception?.values ?? []) {
    if (exception.value && /(chrome|moz|safari(-web)?)-extension:\/\//i.test(exception.value)) {
      return true;
    }
    for (const frame of exception.stacktrace?.frames ?? []) {
      const file = frame.filename ?? frame.abs_path ?? '';
      if (EXTENSION_URL.test(file)) return true;
    }
  }
  return false;
}

/**
 * An address without its query string and fragment. PostgREST reads carry the owner's search
 * (`client_nom=ilike.*Dupont*`), pages their filters: guests' names, never sent to Sentry.
 */
export function stripQuery(url: string): string {
  return url.replace(/[?#].*$/s, '');
}

const URL_LIKE = /^(https?:\/\/|\/)/;

/** A copy of `event` with no query string in its page address. */
export function scrubEvent<E extends EventLike>(event: E): E {
  if (!event.request) return event;
  const { query_string: _dropped, ...request } = event.request;
  return {
    ...event,
    request: request.url ? { ...request, url: stripQuery(request.url) } : request,
  };
}

/** Breadcrumbs (fetch, xhr, navigation) without query strings in their addresses. */
export function scrubBreadcrumb<B extends { data?: Record<string, unknown> }>(breadcrumb: B): B {
  if (!breadcrumb.data) return breadcrumb;
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(breadcrumb.data)) {
    data[key] = typeof value === 'string' && URL_LIKE.test(value) ? stripQuery(value) : value;
  }
  return { ...breadcrumb, data };
}

/** Spans (requests traced at 10 %) without query strings in their names and attributes. */
export function scrubSpan<S extends { name: string; attributes?: Record<string, unknown> }>(
  span: S,
): S {
  const name = span.name.replace(/(https?:\/\/\S+|\/\S*)/g, (url) => stripQuery(url));
  if (!span.attributes) return { ...span, name };
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(span.attributes)) {
    if (key === 'http.query' || key === 'url.query') continue;
    attributes[key] = typeof value === 'string' && URL_LIKE.test(value) ? stripQuery(value) : value;
  }
  return { ...span, name, attributes };
}

export interface SentrySettings {
  dsn: string;
  release: string;
  environment: string;
  tracesSampleRate: number;
  denyUrls: RegExp[];
  sendDefaultPii: false;
  beforeSend<E extends EventLike>(event: E): E | null;
  beforeBreadcrumb<B extends { data?: Record<string, unknown> }>(breadcrumb: B): B;
  beforeSendSpan<S extends { name: string; attributes?: Record<string, unknown> }>(span: S): S;
}

export function sentrySettings({
  dsn,
  release,
  environment,
}: {
  dsn: string;
  release: string;
  environment: string;
}): SentrySettings {
  return {
    dsn,
    release,
    environment,
    tracesSampleRate: TRACES_SAMPLE_RATE,
    denyUrls: [EXTENSION_URL],
    // No IP address, cookies, request bodies or query strings: an owner's guests are in those.
    sendDefaultPii: false,
    beforeSend: (event) => (isBrowserExtensionEvent(event) ? null : scrubEvent(event)),
    beforeBreadcrumb: scrubBreadcrumb,
    beforeSendSpan: scrubSpan,
  };
}
