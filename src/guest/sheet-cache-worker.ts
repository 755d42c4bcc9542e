/// <reference lib="webworker" />
/**
 * The service worker's handler for the guest sheet's API call (rules: sheet-cache-rules.ts).
 * Network first; with no network, or none within GUEST_NETWORK_TIMEOUT_MS, the answer kept for
 * that token (if still valid), marked with when it was stored.
 */
import {
  type CachePlan,
  cachePlan,
  canServeKept,
  GUEST_CACHE,
  GUEST_NETWORK_TIMEOUT_MS,
  GUEST_STAMP_CACHED_AT,
  GUEST_STAMP_VALID_UNTIL,
  sheetCacheKey,
  toHex,
  tokenFromRpcBody,
} from './sheet-cache-rules';

async function keyFor(origin: string, token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return sheetCacheKey(origin, toHex(digest));
}

async function remember(key: string, plan: CachePlan, body: string, headers: Headers) {
  const cache = await caches.open(GUEST_CACHE);
  if (plan.kind === 'forget') {
    await cache.delete(key);
    return;
  }
  const kept = new Headers({ 'content-type': headers.get('content-type') ?? 'application/json' });
  kept.set(GUEST_STAMP_CACHED_AT, String(Date.now()));
  kept.set(GUEST_STAMP_VALID_UNTIL, String(plan.validUntil));
  await cache.put(key, new Response(body, { status: 200, headers: kept }));
}

async function kept(key: string): Promise<Response | null> {
  const cache = await caches.open(GUEST_CACHE);
  const response = await cache.match(key);
  if (!response) return null;
  if (!canServeKept(response.headers.get(GUEST_STAMP_VALID_UNTIL), Date.now())) {
    await cache.delete(key);
    return null;
  }
  return response;
}

export async function handleGuestSheetRequest(
  request: Request,
  event: ExtendableEvent | undefined,
  origin: string,
): Promise<Response> {
  const token = tokenFromRpcBody(await request.clone().text());
  if (token === null) return fetch(request);
  const key = await keyFor(origin, token);

  const network = fetch(request.clone()).then(async (response) => {
    const body = await response.clone().text();
    // Only answers PostgREST gave: 200 (sheet or null), or a client error. 5xx keeps the copy.
    if (response.status < 500)
      await remember(key, cachePlan(response.status, body), body, response.headers);
    return response;
  });
  event?.waitUntil(network.catch(() => undefined));

  let timer: ReturnType<typeof setTimeout> | undefined;
  const slow = new Promise<'slow'>((resolve) => {
    timer = setTimeout(() => resolve('slow'), GUEST_NETWORK_TIMEOUT_MS);
  });
  try {
    const first = await Promise.race([network, slow]);
    if (first !== 'slow') return first;
    const copy = await kept(key);
    return copy ?? (await network);
  } catch (error) {
    const copy = await kept(key);
    if (copy) return copy;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
