/// <reference lib="webworker" />
/**
 * The service worker (vite-plugin-pwa `injectManifest`: this file, bundled, plus the list of
 * the build's files). What it does:
 *
 * - the app shell and the hashed build files are precached and served from the cache; every
 *   navigation gets the cached index.html (client-side routing works offline);
 * - other images and fonts: cache first, 60 entries, 30 days;
 * - `GET <VITE_SUPABASE_URL or VITE_SUPABASE_READ_URL>/rest/v1/*`: network first with a 3 s timeout, then the cached
 *   answer; only successful answers of the cache owner are kept (see api-cache-rules.ts),
 *   300 entries, 14 days; when a cached answer is used, the page is told how old it is;
 * - the guest sheet (/g/<token>): its own page (guest.html), and the answer of
 *   `POST …/rpc/guest_sheet` kept per token in `lou-guest-v1` (src/guest/sheet-cache-rules.ts);
 * - never cached: `/auth/v1/*`, `/functions/v1/*`, storage, and every non-GET request (no
 *   route matches them: they go to the network as if there were no worker);
 * - a new version waits until the page asks it to take over (« Recharger »).
 */
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  type PrecacheEntry,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import {
  guestPrecacheEntries,
  isGuestSheetRequest,
  isGuestWorker,
} from '@/guest/sheet-cache-rules';
import { handleGuestSheetRequest } from '@/guest/sheet-cache-worker';
import { envResult } from '@/lib/env';
import {
  API_CACHE,
  API_CACHE_MAX_AGE_SECONDS,
  API_CACHE_MAX_ENTRIES,
  API_NETWORK_TIMEOUT_SECONDS,
  API_OWNER_CACHE,
  API_OWNER_PATH,
  type ApiCacheHitMessage,
  ASSET_CACHE,
  apiBases,
  apiCacheKey,
  canServe,
  canStore,
  classifyRequest,
  parseCachedAt,
  parseCacheOwnerRecord,
  parseStampedStatus,
  requestOwner,
  SKIP_WAITING_MESSAGE,
  STAMP_CACHED_AT,
  STAMP_OWNER,
  STAMP_STATUS,
} from '@/lib/pwa/api-cache-rules';

/** A guest sheet's address, /g/<token> (src/guest/). */
const GUEST_PAGE_NAVIGATION = /^\/g\/[^/?]+\/?(\?.*)?$/;
/** A cleaner's page, /m/<token> (src/cleaner/). */
const CLEANER_PAGE_NAVIGATION = /^\/m\/[^/?]+\/?(\?.*)?$/;

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<PrecacheEntry | string>;
};

// ---------------------------------------------------------------- app shell and build files

// Registered by a guest's sheet on a device with no worker yet (`/sw.js?for=guest`): only the
// guest page's files, and no owner-app navigation.
const guestWorker = isGuestWorker(self.location.href);
// (The build replaces the one mention of the manifest below with the list of its files.)
const buildFiles = self.__WB_MANIFEST;
precacheAndRoute(guestWorker ? guestPrecacheEntries(buildFiles) : buildFiles);
cleanupOutdatedCaches();
if (!guestWorker) {
  registerRoute(
    new NavigationRoute(createHandlerBoundToURL('index.html'), {
      // A file opened directly (/manifest.webmanifest, /favicon.svg…) is not a page of the app;
      // a guest sheet (/g/<token>) is the guest page's, a cleaner's page (/m/<token>) its own.
      denylist: [/^[^?]*\/[^/?]+\.[^/?]+(\?.*)?$/, GUEST_PAGE_NAVIGATION, CLEANER_PAGE_NAVIGATION],
    }),
  );
  // An owner who opens a cleaner's link on their own device gets the cleaner's page.
  registerRoute(
    new NavigationRoute(createHandlerBoundToURL('cleaner.html'), {
      allowlist: [CLEANER_PAGE_NAVIGATION],
    }),
  );
}
// The guest welcome sheet: its own page (guest.html, no owner-app code), offline too.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('guest.html'), {
    allowlist: [GUEST_PAGE_NAVIGATION],
  }),
);

// ---------------------------------------------------------------- the Supabase API

// The primary API and, when configured, the read replica (same accounts, same RLS).
const bases = apiBases(
  envResult.ok ? [envResult.env.VITE_SUPABASE_URL, envResult.env.VITE_SUPABASE_READ_URL] : [],
);

async function cacheOwner(): Promise<string | null> {
  const record = await caches.match(new URL(API_OWNER_PATH, self.location.origin).href, {
    cacheName: API_OWNER_CACHE,
  });
  return record ? parseCacheOwnerRecord(await record.text()) : null;
}

function withoutStamps(headers: Headers): Headers {
  const copy = new Headers(headers);
  for (const name of [STAMP_OWNER, STAMP_CACHED_AT, STAMP_STATUS]) copy.delete(name);
  return copy;
}

/** Tells the page that asked that its answer comes from the cache, and how old it is. */
async function reportCacheHit(event: ExtendableEvent | undefined, cachedAt: number) {
  if (!(event instanceof FetchEvent)) return;
  const clientId = event.clientId || event.resultingClientId;
  const client = clientId ? await self.clients.get(clientId) : undefined;
  const message: ApiCacheHitMessage = { type: 'lou:api-cache-hit', cachedAt };
  client?.postMessage(message);
}

const ownerScopedApiCache: WorkboxPlugin = {
  // One URL can have several answers (one object or a list, with or without a count).
  cacheKeyWillBeUsed: async ({ request }) => apiCacheKey(request.url, request.headers),

  // Stored as a plain 200 (the Cache API refuses 206) stamped with its owner and time.
  cacheWillUpdate: async ({ request, response }) => {
    const owner = await cacheOwner();
    const allowed = canStore({
      requestOwner: requestOwner(request.headers.get('authorization')),
      cacheOwner: owner,
      status: response.status,
    });
    if (!allowed || owner === null) return null;
    const headers = withoutStamps(response.headers);
    headers.set(STAMP_OWNER, owner);
    headers.set(STAMP_CACHED_AT, String(Date.now()));
    headers.set(STAMP_STATUS, String(response.status));
    return new Response(await response.blob(), { status: 200, headers });
  },

  // `request` here is the cache key; the owner is read from the page's own request.
  cachedResponseWillBeUsed: async ({ cachedResponse, event }) => {
    if (!cachedResponse) return null;
    const original = event instanceof FetchEvent ? event.request : null;
    const allowed = canServe({
      entryOwner: cachedResponse.headers.get(STAMP_OWNER),
      cacheOwner: await cacheOwner(),
      requestOwner: requestOwner(original?.headers.get('authorization') ?? null),
    });
    if (!allowed) return null;
    const cachedAt = parseCachedAt(cachedResponse.headers.get(STAMP_CACHED_AT));
    if (cachedAt !== null) event?.waitUntil(reportCacheHit(event, cachedAt));
    const status = parseStampedStatus(cachedResponse.headers.get(STAMP_STATUS));
    return new Response(await cachedResponse.blob(), {
      status,
      statusText: status === 206 ? 'Partial Content' : 'OK',
      headers: withoutStamps(cachedResponse.headers),
    });
  },
};

registerRoute(
  ({ request, url }) => classifyRequest(request.method, url, bases) === 'api-read',
  new NetworkFirst({
    cacheName: API_CACHE,
    networkTimeoutSeconds: API_NETWORK_TIMEOUT_SECONDS,
    plugins: [
      ownerScopedApiCache,
      new ExpirationPlugin({
        maxEntries: API_CACHE_MAX_ENTRIES,
        maxAgeSeconds: API_CACHE_MAX_AGE_SECONDS,
        purgeOnQuotaError: true,
      }),
    ],
  }),
);

// ---------------------------------------------------------------- the guest sheet's answer

// POST <api>/rest/v1/rpc/guest_sheet: kept per token in a cache of its own (lou-guest-v1),
// apart from the owner's account-scoped API cache (src/guest/sheet-cache-rules.ts).
registerRoute(
  ({ request, url }) => isGuestSheetRequest(request.method, url, bases),
  ({ request, event }) => handleGuestSheetRequest(request, event, self.location.origin),
  'POST',
);

// ---------------------------------------------------------------- images and fonts

registerRoute(
  ({ request, url }) =>
    (request.destination === 'image' || request.destination === 'font') &&
    classifyRequest(request.method, url, bases) === 'other',
  new CacheFirst({
    cacheName: ASSET_CACHE,
    plugins: [
      {
        cacheWillUpdate: async ({ response }) => (response.status === 200 ? response : null),
      },
      new ExpirationPlugin({
        maxEntries: 60,
        maxAgeSeconds: 30 * 24 * 60 * 60,
        purgeOnQuotaError: true,
      }),
    ],
  }),
);

// ---------------------------------------------------------------- updates

self.addEventListener('message', (event) => {
  const data: unknown = event.data;
  if (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === SKIP_WAITING_MESSAGE.type
  ) {
    void self.skipWaiting();
  }
});

// The first version takes control of the open page at once (so the API answers of this first
// visit are cached); later versions only after « Recharger » (skipWaiting above).
clientsClaim();
