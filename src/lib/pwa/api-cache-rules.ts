/**
 * What the service worker may cache of the Supabase API, and for whom. Pure: shared by the
 * service worker (src/sw.ts) and the page (src/lib/pwa/api-cache.ts), unit-tested.
 *
 * The API cache belongs to one account at a time. The page records that account (the "cache
 * owner") in a cache of its own before any of the owner's pages render, and deletes both
 * caches when the owner signs out or another owner signs in. The service worker stores an
 * answer only for a request signed by the cache owner, stamps it with that owner, and serves
 * it only while that owner still owns the cache — so an answer that lands after a sign-out, or
 * one left over from a previous owner, can never be shown to the next one.
 */

/** Cached `GET /rest/v1/*` answers of the current owner. */
export const API_CACHE = 'lou-api-v1';
/** One entry: who the API cache belongs to (written by the page, read by the worker). */
export const API_OWNER_CACHE = 'lou-api-owner-v1';
/** The key of that entry: a path on the app's own origin, never fetched. */
export const API_OWNER_PATH = '/__lou/api-cache-owner';
/** Images and fonts that are not part of the precached build. */
export const ASSET_CACHE = 'lou-assets-v1';

/** Headers the worker adds to a stored answer (removed again before the page sees it). */
export const STAMP_OWNER = 'x-lou-owner';
export const STAMP_CACHED_AT = 'x-lou-cached-at';
export const STAMP_STATUS = 'x-lou-status';

/** Network-first timeout for API reads: after it, the cached answer is shown. */
export const API_NETWORK_TIMEOUT_SECONDS = 3;
/** API answers kept: the latest 300, none older than 14 days. */
export const API_CACHE_MAX_ENTRIES = 300;
export const API_CACHE_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;

/** Message the worker posts to the page that received a cached API answer. */
export interface ApiCacheHitMessage {
  type: 'lou:api-cache-hit';
  /** When the answer was stored (ms since epoch). */
  cachedAt: number;
}

/** Message the page posts to a waiting worker to make it take over. */
export const SKIP_WAITING_MESSAGE = { type: 'SKIP_WAITING' } as const;

export function isApiCacheHitMessage(data: unknown): data is ApiCacheHitMessage {
  if (typeof data !== 'object' || data === null) return false;
  const record = data as Record<string, unknown>;
  return (
    record.type === 'lou:api-cache-hit' &&
    typeof record.cachedAt === 'number' &&
    Number.isFinite(record.cachedAt)
  );
}

/**
 * - `api-read`: a `GET` of PostgREST (`<api>/rest/v1/…`): network first, then the cache;
 * - `api-no-cache`: anything else sent to the API — auth (`/auth/v1`), edge functions
 *   (`/functions/v1`), storage, realtime, and every non-GET request: never cached;
 * - `other`: not the API (the app's own files, fonts, images).
 */
export type RequestKind = 'api-read' | 'api-no-cache' | 'other';

/** The origin + path prefix of each API base URL (`VITE_SUPABASE_URL`, a read replica…). */
export function apiBases(urls: ReadonlyArray<string | undefined>): string[] {
  const bases: string[] = [];
  for (const raw of urls) {
    if (!raw) continue;
    try {
      const url = new URL(raw);
      bases.push(`${url.origin}${url.pathname.replace(/\/+$/, '')}`);
    } catch {
      // not a URL: the page shows the configuration screen; nothing to route here
    }
  }
  return bases;
}

export function classifyRequest(method: string, url: URL, bases: readonly string[]): RequestKind {
  const href = `${url.origin}${url.pathname}`;
  const base = bases.find((candidate) => href === candidate || href.startsWith(`${candidate}/`));
  if (base === undefined) return 'other';
  const path = href.slice(base.length);
  if (method.toUpperCase() === 'GET' && path.startsWith('/rest/v1/')) return 'api-read';
  return 'api-no-cache';
}

function decodeBase64Url(part: string): string | null {
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The signed-in user a request is sent for: the `sub` of the bearer JWT when its role is
 * `authenticated`; `null` for the anon key (supabase-js sends it when it has no usable
 * session), a missing header or anything unreadable. Not a verification — the server does
 * that —, only a label that keeps one owner's answers apart from another's.
 */
export function requestOwner(authorization: string | null): string | null {
  const match = /^Bearer\s+([^.\s]+)\.([^.\s]+)\.[^.\s]*$/i.exec(authorization?.trim() ?? '');
  const payloadPart = match?.[2];
  if (!payloadPart) return null;
  const json = decodeBase64Url(payloadPart);
  if (json === null) return null;
  try {
    const payload: unknown = JSON.parse(json);
    if (typeof payload !== 'object' || payload === null) return null;
    const { sub, role } = payload as Record<string, unknown>;
    return role === 'authenticated' && typeof sub === 'string' && sub !== '' ? sub : null;
  } catch {
    return null;
  }
}

/** Only answers of the cache owner's own requests, and only successful ones. */
export function canStore(input: {
  requestOwner: string | null;
  cacheOwner: string | null;
  status: number;
}): boolean {
  return (
    input.requestOwner !== null &&
    input.requestOwner === input.cacheOwner &&
    // PostgREST answers a ranged read with a count (supabase-js `range()` + `count`) with 206
    // and the whole JSON body: as successful as a 200.
    (input.status === 200 || input.status === 206)
  );
}

/**
 * A stored answer is served only to its owner while they own the cache. A request with no
 * user (supabase-js falls back to the anon key while an expired session cannot be refreshed
 * offline) may read the cache owner's answers: the page deletes the cache when that owner
 * signs out, so an anonymous request never finds anyone else's.
 */
export function canServe(input: {
  entryOwner: string | null;
  cacheOwner: string | null;
  requestOwner: string | null;
}): boolean {
  if (input.entryOwner === null || input.entryOwner !== input.cacheOwner) return false;
  return input.requestOwner === null || input.requestOwner === input.entryOwner;
}

/**
 * The cache key of an API read: its URL plus the headers that change PostgREST's answer for
 * the same URL (`Accept` — one object or a list —, `Prefer` — with or without a count —,
 * `Accept-Profile` — the schema). The key is never fetched.
 */
export function apiCacheKey(url: string, headers: { get(name: string): string | null }): string {
  const variant = ['accept', 'prefer', 'accept-profile']
    .map((name) => `${name}=${headers.get(name) ?? ''}`)
    .join('&');
  const parsed = new URL(url);
  parsed.hash = '';
  parsed.searchParams.append('lou-variant', variant);
  return parsed.href;
}

export interface CacheOwnerRecord {
  ownerId: string;
}

export function parseCacheOwnerRecord(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const ownerId = (value as Record<string, unknown>).ownerId;
    return typeof ownerId === 'string' && ownerId !== '' ? ownerId : null;
  } catch {
    return null;
  }
}

/** When a stamped answer was stored, or null when the stamp is missing or unreadable. */
export function parseCachedAt(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const time = Number(value);
  return Number.isSafeInteger(time) ? time : null;
}

/** The status a stamped answer had on the network (206 is stored as 200: Cache API rule). */
export function parseStampedStatus(value: string | null): number {
  const status = Number(value);
  return Number.isInteger(status) && status >= 200 && status <= 299 ? status : 200;
}
