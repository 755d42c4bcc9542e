/**
 * What the service worker keeps of a guest sheet so that it opens again with no network
 * (pure: shared by src/sw.ts through sheet-cache-worker.ts, unit-tested).
 *
 * - The answer of `POST <api>/rest/v1/rpc/guest_sheet` is stored in a cache of its own
 *   (`lou-guest-v1`), never in the owner's account-scoped API cache (which signing out wipes),
 *   under a key made from the sha-256 of the token: a sheet is served only to a request for
 *   that same token, and the raw token is not written in a cache key.
 * - Only a live sheet (`status: "ok"`) is kept; any other answer (expired, revoked, unknown)
 *   deletes what was kept for that token, so a revoked link seen online stays revoked offline.
 * - A kept sheet is served only until its end of validity (`valid_until`).
 */

export const GUEST_CACHE = 'lou-guest-v1';
export const GUEST_SHEET_RPC_PATH = '/rest/v1/rpc/guest_sheet';
/** On a poor connection, after this the kept sheet is shown (the network answer still updates it). */
export const GUEST_NETWORK_TIMEOUT_MS = 4000;
/** Headers of a kept answer: when it was stored, and until when it may be shown. */
export const GUEST_STAMP_CACHED_AT = 'x-lou-cached-at';
export const GUEST_STAMP_VALID_UNTIL = 'x-lou-valid-until';

export function isGuestSheetRequest(method: string, url: URL, bases: readonly string[]): boolean {
  if (method.toUpperCase() !== 'POST') return false;
  const href = `${url.origin}${url.pathname}`;
  return bases.some((base) => href === `${base}${GUEST_SHEET_RPC_PATH}`);
}

/** The token of the RPC's JSON body (`{"p_token": "…"}`), else null. */
export function tokenFromRpcBody(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const token = (parsed as Record<string, unknown>).p_token;
    return typeof token === 'string' && token !== '' && token.length <= 128 ? token : null;
  } catch {
    return null;
  }
}

/** The cache key of a token's sheet: a same-origin path that is never fetched. */
export function sheetCacheKey(origin: string, tokenHashHex: string): string {
  return `${origin}/__lou/guest-sheet/${tokenHashHex}`;
}

export type CachePlan = { kind: 'store'; validUntil: number } | { kind: 'forget' };

/** What to do with the network's answer (its body as text) for that token's entry. */
export function cachePlan(status: number, body: string): CachePlan {
  if (status !== 200) return { kind: 'forget' };
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null) return { kind: 'forget' };
    const record = parsed as Record<string, unknown>;
    if (record.status !== 'ok' || typeof record.valid_until !== 'string') return { kind: 'forget' };
    const validUntil = Date.parse(record.valid_until);
    return Number.isFinite(validUntil) ? { kind: 'store', validUntil } : { kind: 'forget' };
  } catch {
    return { kind: 'forget' };
  }
}

/** A kept answer is shown only before its end of validity. */
export function canServeKept(validUntilHeader: string | null, now: number): boolean {
  const validUntil = Number(validUntilHeader);
  return validUntilHeader !== null && Number.isFinite(validUntil) && now < validUntil;
}

/** Lowercase hex of a digest. */
export function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The guest page registers the worker as `/sw.js?for=guest` (only when the device has no
 * worker yet: an owner's full worker serves guest sheets too). Such a worker precaches only
 * the guest page's files — a guest on a weak signal downloads about 15 KB (brotli) in the
 * background, not the owner app's 1 MB.
 */
export const GUEST_WORKER_URL_PARAM = 'for';
export const GUEST_WORKER_URL_VALUE = 'guest';

export function isGuestWorker(workerUrl: string): boolean {
  try {
    return new URL(workerUrl).searchParams.get(GUEST_WORKER_URL_PARAM) === GUEST_WORKER_URL_VALUE;
  } catch {
    return false;
  }
}

/**
 * The build's files a guest worker keeps: guest.html, the guest entry's script and style
 * (`assets/guest-<hash>`), Vite's preload polyfill and dynamic-import helper it imports, the
 * favicon. The police form's chunk is not kept: it is sent online only, and says so offline. The size budget
 * (dev/build/budget.ts) lists the guest page's chunks, and e2e/pwa/guest-sheet.spec.ts reloads
 * it offline: a new shared chunk missing here fails there.
 */
const GUEST_FILES = [
  /^\/?guest\.html$/,
  /^\/?assets\/guest-[\w-]+\.(js|css)$/,
  /^\/?assets\/modulepreload-polyfill-[\w-]+\.js$/,
  /^\/?assets\/preload-helper-[\w-]+\.js$/,
  /^\/?favicon\.svg$/,
];

export function guestPrecacheEntries<T extends string | { url: string }>(
  entries: readonly T[],
): T[] {
  return entries.filter((entry) => {
    const url = typeof entry === 'string' ? entry : entry.url;
    return GUEST_FILES.some((pattern) => pattern.test(url));
  });
}
