/**
 * Downloads one iCal feed for the sync worker: a conditional GET, redirects followed by hand and
 * re-checked against the SSRF policy, one deadline for the whole exchange, a size cap enforced
 * while streaming. Never throws: every failure is an outcome with a French message for the owner
 * and whether the worker should try again later.
 *
 * Web-standard APIs only (fetch, URL, AbortController, ReadableStream, TextDecoder,
 * crypto.subtle): runs in Node and Deno. The runtime passes its `fetch` (the Node one validates
 * the connected address at connect time, see dev/sync/node-feed-fetch.ts) and its URL checker.
 *
 * Body decoding: UTF-8 (RFC 5545's charset), whatever the Content-Type says; a leading byte order
 * mark is stripped (TextDecoder's default) and invalid sequences become U+FFFD. `contentHash` and
 * `bytes` are computed on the raw bytes as received (after any Content-Encoding was undone by
 * fetch), BOM included.
 */
import { UnsafeUrlError } from './url-policy.ts';

export interface FeedValidators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchOutcome =
  | { kind: 'not_modified'; httpStatus: 304; durationMs: number }
  | {
      kind: 'body';
      httpStatus: number;
      body: string;
      bytes: number;
      etag: string | null;
      lastModified: string | null;
      /** Hex SHA-256 of the bytes. */
      contentHash: string;
      durationMs: number;
      finalUrl: string;
    }
  | {
      kind: 'error';
      httpStatus: number | null;
      /** French, for the owner. */
      error: string;
      retryable: boolean;
      durationMs: number;
    };

export interface FetchFeedDeps {
  /** The runtime's fetch, possibly wrapped (the Node adapter validates addresses at connect). */
  fetch: typeof fetch;
  /** Checks a URL's host before each request (first and after each redirect); throws UnsafeUrlError. */
  checkUrl: (url: URL) => Promise<void>;
  now?: () => number;
}

export interface FetchFeedLimits {
  /** For the whole fetch: checks, redirects, headers and body. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export const FEED_FETCH_DEFAULTS = {
  timeoutMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 3,
} as const satisfies Required<FetchFeedLimits>;

export const FEED_USER_AGENT = 'LiveOwnerUnit-CalendarSync/1.0 (+https://liveownerunit.fr)';
const ACCEPT = 'text/calendar, text/plain;q=0.9, */*;q=0.1';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

type ErrorOutcome = Extract<FetchOutcome, { kind: 'error' }>;
/** An outcome before its duration is known. */
type Timeless<T> = T extends unknown ? Omit<T, 'durationMs'> : never;

/** A failure already worded for the owner, carried up to the single exit point. */
class FeedFailure extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly httpStatus: number | null = null,
  ) {
    super(message);
  }
}

/** Thrown into pending work when the deadline passes. */
class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded';
}

function formatSeconds(ms: number): string {
  const seconds = Math.round(ms / 100) / 10;
  return `${String(seconds).replace('.', ',')} s`;
}

function formatMegabytes(bytes: number): string {
  const mb = Math.round((bytes / (1024 * 1024)) * 10) / 10;
  return `${String(mb).replace('.', ',')} Mo`;
}

function httpFailure(status: number): FeedFailure {
  if (status === 404 || status === 410) {
    return new FeedFailure(
      `Le lien du calendrier n'existe plus (HTTP ${status}) : vérifiez-le sur la plateforme et copiez à nouveau son lien d'export.`,
      false,
      status,
    );
  }
  if (status === 401 || status === 403) {
    return new FeedFailure(
      `La plateforme refuse l'accès au calendrier (HTTP ${status}) : le lien a peut-être été régénéré ou désactivé ; copiez à nouveau le lien d'export depuis la plateforme.`,
      false,
      status,
    );
  }
  if (status === 429) {
    return new FeedFailure(
      'La plateforme limite temporairement les demandes (HTTP 429) : nouvel essai automatique plus tard.',
      true,
      status,
    );
  }
  if (status === 408) {
    return new FeedFailure(
      'La plateforme a mis trop de temps à répondre (HTTP 408) : nouvel essai automatique plus tard.',
      true,
      status,
    );
  }
  if (status >= 500) {
    return new FeedFailure(
      `La plateforme du calendrier est en difficulté (HTTP ${status}) : nouvel essai automatique plus tard.`,
      true,
      status,
    );
  }
  if (status >= 400) {
    return new FeedFailure(
      `La plateforme a refusé la demande du calendrier (HTTP ${status}) : vérifiez le lien d'export sur la plateforme.`,
      false,
      status,
    );
  }
  return new FeedFailure(
    `Réponse inattendue de la plateforme (HTTP ${status}) : vérifiez le lien d'export sur la plateforme.`,
    false,
    status,
  );
}

/** The error itself and its `cause` chain (fetch implementations wrap the network error). */
function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 6) {
    chain.push(current);
    current = typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined;
  }
  return chain;
}

function field(value: unknown, key: 'code' | 'name' | 'message'): string {
  if (typeof value !== 'object' || value === null) return '';
  const v = (value as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : '';
}

/** Words a network-level failure (Node/undici codes, Deno error names and messages). */
function networkFailure(error: unknown, timeoutMs: number): FeedFailure {
  const chain = errorChain(error);
  const unsafe = chain.find(
    (e) => e instanceof UnsafeUrlError || field(e, 'name') === 'UnsafeUrlError',
  );
  if (unsafe !== undefined) return new FeedFailure(field(unsafe, 'message'), false);

  const codes = chain.map((e) => field(e, 'code')).filter((c) => c !== '');
  const names = chain.map((e) => field(e, 'name'));
  const text = chain
    .map((e) => field(e, 'message'))
    .join(' | ')
    .toLowerCase();
  const hasCode = (...list: string[]) => codes.some((c) => list.includes(c));

  if (
    hasCode('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL', 'ENODATA') ||
    names.includes('NotFound') ||
    text.includes('dns error') ||
    text.includes('failed to lookup address')
  ) {
    return new FeedFailure(
      "L'adresse du calendrier est introuvable (nom de domaine inconnu) : vérifiez le lien ; nouvel essai automatique plus tard.",
      true,
    );
  }
  if (
    hasCode(
      'ETIMEDOUT',
      'UND_ERR_CONNECT_TIMEOUT',
      'UND_ERR_HEADERS_TIMEOUT',
      'UND_ERR_BODY_TIMEOUT',
    ) ||
    names.includes('TimedOut') ||
    names.includes('TimeoutError')
  ) {
    return timeoutFailure(timeoutMs);
  }
  if (hasCode('ECONNREFUSED') || names.includes('ConnectionRefused') || text.includes('refused')) {
    return new FeedFailure(
      'Le serveur du calendrier refuse la connexion : nouvel essai automatique plus tard.',
      true,
    );
  }
  if (
    hasCode('ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED') ||
    names.includes('ConnectionReset') ||
    names.includes('ConnectionAborted') ||
    text.includes('reset') ||
    text.includes('other side closed')
  ) {
    return new FeedFailure(
      'La connexion au serveur du calendrier a été interrompue : nouvel essai automatique plus tard.',
      true,
    );
  }
  if (
    codes.some(
      (c) =>
        c.startsWith('ERR_TLS') ||
        c.startsWith('ERR_SSL') ||
        c.startsWith('CERT_') ||
        c.startsWith('UNABLE_TO_') ||
        c.includes('SELF_SIGNED') ||
        c === 'DEPTH_ZERO_SELF_SIGNED_CERT',
    ) ||
    text.includes('certificate') ||
    text.includes('tls')
  ) {
    return new FeedFailure(
      "La connexion sécurisée au serveur du calendrier a échoué (certificat invalide) : nouvel essai automatique plus tard ; si l'erreur persiste, vérifiez le lien.",
      true,
    );
  }
  if (hasCode('EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN')) {
    return new FeedFailure(
      'Le serveur du calendrier est injoignable : nouvel essai automatique plus tard.',
      true,
    );
  }
  return new FeedFailure(
    "Le calendrier n'a pas pu être téléchargé (erreur réseau) : nouvel essai automatique plus tard.",
    true,
  );
}

function timeoutFailure(timeoutMs: number): FeedFailure {
  return new FeedFailure(
    `Le calendrier n'a pas répondu dans les ${formatSeconds(timeoutMs)} : nouvel essai automatique plus tard.`,
    true,
  );
}

function oversizeFailure(maxBytes: number, status: number): FeedFailure {
  return new FeedFailure(
    `Le calendrier dépasse ${formatMegabytes(maxBytes)} : ce n'est sans doute pas un lien d'export de calendrier ; vérifiez-le sur la plateforme.`,
    false,
    status,
  );
}

/** Rejects as soon as the signal aborts, so a hung DNS lookup cannot outlive the deadline. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

async function discardBody(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // The body is abandoned either way.
  }
}

/** Reads the body, stopping (and cancelling the stream) as soon as it passes `maxBytes`. */
async function readCapped(
  response: Response,
  maxBytes: number,
): Promise<{ bytes: Uint8Array } | { oversize: true }> {
  const body = response.body;
  if (body === null) return { bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { oversize: true };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes };
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

const decoder = new TextDecoder('utf-8'); // ignoreBOM false: a leading BOM is stripped

async function fetchWithinDeadline(
  startUrl: URL,
  validators: FeedValidators,
  deps: FetchFeedDeps,
  limits: Required<FetchFeedLimits>,
  signal: AbortSignal,
): Promise<Timeless<Exclude<FetchOutcome, ErrorOutcome>>> {
  const headers = new Headers({ 'User-Agent': FEED_USER_AGENT, Accept: ACCEPT });
  if (validators.etag) headers.set('If-None-Match', validators.etag);
  if (validators.lastModified) headers.set('If-Modified-Since', validators.lastModified);
  const conditional = Boolean(validators.etag || validators.lastModified);

  let url = startUrl;
  for (let redirects = 0; ; redirects++) {
    try {
      await untilAborted(deps.checkUrl(url), signal);
    } catch (error) {
      if (redirects > 0 && error instanceof UnsafeUrlError) {
        throw new FeedFailure(
          `Le calendrier redirige vers une adresse non autorisée (${url.host}) : utilisez le lien d'export public donné par la plateforme.`,
          false,
        );
      }
      throw error;
    }

    const response = await deps.fetch(url.href, {
      method: 'GET',
      headers,
      redirect: 'manual',
      signal,
    });

    if (REDIRECT_STATUSES.has(response.status)) {
      await discardBody(response);
      const location = response.headers.get('location');
      if (location === null) throw httpFailure(response.status);
      if (redirects >= limits.maxRedirects) {
        throw new FeedFailure(
          `Le lien du calendrier redirige trop de fois (plus de ${limits.maxRedirects} redirections) : copiez le lien d'export direct depuis la plateforme.`,
          false,
          response.status,
        );
      }
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new FeedFailure(
          `Le calendrier redirige vers une adresse invalide (HTTP ${response.status}) : vérifiez le lien sur la plateforme.`,
          false,
          response.status,
        );
      }
      if (next.protocol !== 'https:') {
        throw new FeedFailure(
          'Le calendrier redirige vers une adresse non sécurisée (sans https) : la synchronisation est refusée ; vérifiez le lien sur la plateforme.',
          false,
          response.status,
        );
      }
      url = next;
      continue;
    }

    if (response.status === 304) {
      await discardBody(response);
      if (!conditional) throw httpFailure(304);
      return { kind: 'not_modified', httpStatus: 304 };
    }

    if (response.status < 200 || response.status > 299) {
      await discardBody(response);
      throw httpFailure(response.status);
    }

    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      await discardBody(response);
      throw oversizeFailure(limits.maxBytes, response.status);
    }
    const read = await readCapped(response, limits.maxBytes);
    if ('oversize' in read) throw oversizeFailure(limits.maxBytes, response.status);

    return {
      kind: 'body',
      httpStatus: response.status,
      body: decoder.decode(read.bytes),
      bytes: read.bytes.byteLength,
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
      contentHash: await sha256Hex(read.bytes),
      finalUrl: url.href,
    };
  }
}

/** Fetches a feed URL; always resolves to an outcome (see the module comment). */
export async function fetchFeed(
  url: string,
  validators: FeedValidators,
  deps: FetchFeedDeps,
  limits?: FetchFeedLimits,
): Promise<FetchOutcome> {
  const now = deps.now ?? (() => performance.now());
  const started = now();
  const elapsed = () => Math.max(0, Math.round(now() - started));
  const resolved: Required<FetchFeedLimits> = {
    timeoutMs: limits?.timeoutMs ?? FEED_FETCH_DEFAULTS.timeoutMs,
    maxBytes: limits?.maxBytes ?? FEED_FETCH_DEFAULTS.maxBytes,
    maxRedirects: limits?.maxRedirects ?? FEED_FETCH_DEFAULTS.maxRedirects,
  };

  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DeadlineExceeded('feed fetch deadline')),
    resolved.timeoutMs,
  );
  try {
    let start: URL;
    try {
      start = new URL(url);
    } catch {
      throw new FeedFailure(
        "Le lien du calendrier n'est pas une adresse web valide : copiez à nouveau le lien d'export depuis la plateforme.",
        false,
      );
    }
    const outcome = await fetchWithinDeadline(start, validators, deps, resolved, controller.signal);
    return { ...outcome, durationMs: elapsed() };
  } catch (error) {
    let failure: FeedFailure;
    if (error instanceof FeedFailure) failure = error;
    else if (controller.signal.aborted) failure = timeoutFailure(resolved.timeoutMs);
    else failure = networkFailure(error, resolved.timeoutMs);
    return {
      kind: 'error',
      httpStatus: failure.httpStatus,
      error: failure.message,
      retryable: failure.retryable,
      durationMs: elapsed(),
    };
  } finally {
    clearTimeout(timer);
  }
}
