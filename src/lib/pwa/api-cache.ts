import {
  API_CACHE,
  API_OWNER_CACHE,
  API_OWNER_PATH,
  type CacheOwnerRecord,
  parseCacheOwnerRecord,
} from '@/lib/pwa/api-cache-rules';

/**
 * The page's side of the one-owner API cache (rules in api-cache-rules.ts). Called by the
 * session provider before a signed-in owner's pages render, and when the owner signs out.
 * Without Cache Storage (an insecure origin, an old browser) there is nothing to manage.
 */

function cacheStorage(): CacheStorage | null {
  return typeof caches === 'undefined' ? null : caches;
}

async function readCacheOwner(storage: CacheStorage): Promise<string | null> {
  const response = await storage.match(API_OWNER_PATH, { cacheName: API_OWNER_CACHE });
  return response ? parseCacheOwnerRecord(await response.text()) : null;
}

/**
 * Makes the API cache `ownerId`'s. If it held someone else's answers (or nobody's), they are
 * deleted first; the owner record is removed before and written after, so the service worker
 * stores nothing in between.
 */
export async function claimApiCache(ownerId: string): Promise<void> {
  const storage = cacheStorage();
  if (!storage) return;
  if ((await readCacheOwner(storage)) === ownerId) return;
  await storage.delete(API_OWNER_CACHE);
  await storage.delete(API_CACHE);
  const record: CacheOwnerRecord = { ownerId };
  const cache = await storage.open(API_OWNER_CACHE);
  await cache.put(
    API_OWNER_PATH,
    new Response(JSON.stringify(record), { headers: { 'content-type': 'application/json' } }),
  );
}

/** Signed out: nobody owns the API cache any more and every cached answer is deleted. */
export async function releaseApiCache(): Promise<void> {
  const storage = cacheStorage();
  if (!storage) return;
  await storage.delete(API_OWNER_CACHE);
  await storage.delete(API_CACHE);
}
