import type { Page } from '@playwright/test';

/**
 * Records every write the page sends to the REST API (what a refused form must never send).
 * GET and HEAD are reads (HEAD: a count, e.g. the unread notifications); RPCs that read are
 * sent with GET by the app.
 */
export function recordRestWrites(page: Page): string[] {
  const writes: string[] = [];
  page.on('request', (request) => {
    const method = request.method();
    if (request.url().includes('/rest/v1/') && method !== 'GET' && method !== 'HEAD') {
      writes.push(`${method} ${request.url()}`);
    }
  });
  return writes;
}
