/** The error shape supabase-js returns from PostgREST calls (not always an `Error`). */
export interface PostgrestErrorLike {
  message: string;
  code?: string | null;
  details?: string | null;
  hint?: string | null;
}

/**
 * What every data fetcher throws when supabase-js hands back an error:
 * `if (error) throw new ApiError(error, status)`. It keeps the HTTP status (0 when the
 * server could not be reached) so TanStack Query can skip retries on 4xx, and it is a
 * real `Error` so error boundaries and Sentry get a stack.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: string | null;
  readonly hint: string | null;

  constructor(error: PostgrestErrorLike, status: number) {
    super(error.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = error.code ?? '';
    this.details = error.details ?? null;
    this.hint = error.hint ?? null;
  }
}

/** Postgres / PostgREST error classes that a retry can never fix. */
const CLIENT_ERROR_CODE = /^(22|23|28|42|P0|PGRST[123])/;

function numberField(error: object, key: string): number | undefined {
  const value: unknown = (error as Record<string, unknown>)[key];
  return typeof value === 'number' ? value : undefined;
}

/** True when the server answered and said no (4xx): retrying would get the same answer. */
export function isClientError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const status = numberField(error, 'status');
  if (status !== undefined && status >= 400 && status < 500) return true;
  if (error instanceof ApiError && CLIENT_ERROR_CODE.test(error.code)) return true;
  return false;
}

/**
 * True when the API is there but the service behind it is not (gateway 502 / 504, 503 while
 * PostgREST or the database restarts; 520 from Cloudflare): a moment later it will answer.
 */
export function isServerUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const status = numberField(error, 'status');
  return status === 502 || status === 503 || status === 504 || status === 520;
}

/** True when the request never reached the server (offline, DNS, refused connection). */
export function isNetworkError(error: unknown): boolean {
  if (error instanceof ApiError) return error.status === 0;
  if (typeof error !== 'object' || error === null) return false;
  const name = (error as { name?: unknown }).name;
  if (name === 'AuthRetryableFetchError') return true;
  if (error instanceof TypeError) return true;
  return false;
}
