/**
 * Web Vitals as the app reports them (pure, no browser API at import): the measurement, what
 * is sent, and the batch posted with `navigator.sendBeacon` when no Sentry is configured.
 */

/** The fields of web-vitals' `Metric` that are reported (it has more). */
export interface MetricLike {
  name: 'CLS' | 'FCP' | 'INP' | 'LCP' | 'TTFB';
  value: number;
  rating: 'good' | 'needs-improvement' | 'poor';
  id: string;
  navigationType: string;
}

/** One measurement as sent: no query string, no user data. */
export interface Vital {
  name: MetricLike['name'];
  /** Milliseconds, except CLS (a unitless score). */
  value: number;
  rating: MetricLike['rating'];
  /** web-vitals' id of this page view's metric (dedupes a value reported twice). */
  id: string;
  navigationType: string;
  /** The page, as a path without query or hash (search terms can be guest names). */
  page: string;
}

export function vitalFromMetric(metric: MetricLike, pathname: string): Vital {
  return {
    name: metric.name,
    value:
      metric.name === 'CLS' ? Math.round(metric.value * 10_000) / 10_000 : Math.round(metric.value),
    rating: metric.rating,
    id: metric.id,
    navigationType: metric.navigationType,
    page: pagePattern(pathname),
  };
}

/** Collapses ids in a path (`/gites/3f2…` → `/gites/:id`), so pages group and nothing leaks. */
export function pagePattern(pathname: string): string {
  const path = pathname.split(/[?#]/)[0] || '/';
  return path
    .split('/')
    .map((part) => (/^[0-9a-f-]{16,}$/i.test(part) || /^\d+$/.test(part) ? ':id' : part))
    .join('/');
}

/** What the vitals endpoint receives: one JSON text body per batch. */
export interface VitalsPayload {
  release: string;
  vitals: Vital[];
}

export interface VitalsBatch {
  add(vital: Vital): void;
  /** Sends what is queued (if anything), at once. */
  flush(): void;
}

/**
 * Queues vitals and sends them in one beacon when the page is hidden (the last moment a page
 * is sure to get: web-vitals reports CLS and INP then) or when `maxQueued` are waiting.
 * The body is sent as text (a CORS-safelisted type: no preflight, which beacons cannot do).
 */
export function createVitalsBatch({
  url,
  release,
  send,
  maxQueued = 10,
}: {
  url: string;
  release: string;
  send: (url: string, body: string) => boolean;
  maxQueued?: number;
}): VitalsBatch {
  let queue: Vital[] = [];
  const flush = () => {
    if (queue.length === 0) return;
    const payload: VitalsPayload = { release, vitals: queue };
    queue = [];
    send(url, JSON.stringify(payload));
  };
  return {
    add(vital) {
      queue.push(vital);
      if (queue.length >= maxQueued) flush();
    },
    flush,
  };
}
