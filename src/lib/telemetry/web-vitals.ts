/**
 * Observes LCP, INP, CLS, FCP and TTFB with Google's web-vitals library, loaded after the
 * first render and the owner's consent (the browser keeps the early performance entries, so
 * the page load is still measured).
 */
import { type Metric, onCLS, onFCP, onINP, onLCP, onTTFB } from 'web-vitals';
import { type Vital, vitalFromMetric } from './vitals';

/** The path the page was loaded at (the owner may have moved on since). */
function loadedPath(): string {
  const [navigation] = performance.getEntriesByType('navigation');
  try {
    return navigation ? new URL(navigation.name).pathname : location.pathname;
  } catch {
    return location.pathname;
  }
}

export function observeWebVitals(report: (vital: Vital) => void): void {
  const path = loadedPath();
  const handle = (metric: Metric) => {
    const page = metric.navigationURL ? new URL(metric.navigationURL).pathname : path;
    report(vitalFromMetric(metric, page));
  };
  onLCP(handle);
  onINP(handle);
  onCLS(handle);
  onFCP(handle);
  onTTFB(handle);
}
