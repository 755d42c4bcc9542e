import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';

/** The code of the answer a read gets when the replica cannot be used (see `failFast`). */
export const REPLICA_UNAVAILABLE = 'REPLICA_UNAVAILABLE';

/** A replica that does not answer within this is treated as down (the primary is asked). */
export const REPLICA_TIMEOUT_MS = 10_000;

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

function unavailable(reason: string): Response {
  return new Response(
    JSON.stringify({
      message: `Réplique de lecture indisponible (${reason})`,
      code: REPLICA_UNAVAILABLE,
      details: null,
      hint: 'La lecture est refaite sur la base principale.',
    }),
    { status: 502, headers: { 'content-type': 'application/json' } },
  );
}

/**
 * supabase-js retries a GET that fails on the network or gets a 503/520, three times over
 * 7 s (1 s, 2 s, 4 s): right for the primary, pointless for a replica when the primary can
 * answer now. Those failures become one immediate 502 answer coded REPLICA_UNAVAILABLE, which
 * the read router (src/lib/read-routing.ts) turns into a read on the primary. Other answers,
 * 4xx included, pass through untouched.
 */
export function failFast(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    let response: Response;
    try {
      response = await fetchImpl(input, init);
    } catch (error) {
      // Cancellations and the client's own timeout stay what they are (not retried either).
      if (isAbort(error)) throw error;
      return unavailable(error instanceof Error ? error.message : String(error));
    }
    if (response.status !== 503 && response.status !== 520) return response;
    await response.body?.cancel();
    return unavailable(`HTTP ${response.status}`);
  };
}

/**
 * A supabase-js client of the read replica (a hosted project's `<ref>-rr-<region>` URL):
 * same anon key, and the signed-in owner's access token (`accessToken`, the primary's) at
 * each request (the replica checks the same JWTs, so RLS applies there as on the primary).
 * It has no session of its own: `auth` is the primary's job.
 */
export function createReadReplicaClient(
  url: string,
  anonKey: string,
  accessToken: () => Promise<string | null>,
  options: { fetch?: typeof fetch } = {},
): SupabaseClient<Database> {
  const baseFetch = options.fetch ?? ((input, init) => fetch(input, init));
  return createClient<Database>(url, anonKey, {
    accessToken,
    db: { timeout: REPLICA_TIMEOUT_MS },
    global: { fetch: failFast(baseFetch) },
  });
}
