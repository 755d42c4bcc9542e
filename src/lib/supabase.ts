import { createClient, type SupabaseClient as FullSupabaseClient } from '@supabase/supabase-js';
import { isBrowserOffline } from '@/lib/browser-offline';
import type { Database } from '@/lib/database.types';
import { getEnv } from '@/lib/env';
import { createReadReplicaClient } from '@/lib/read-replica';
import { createReadRouter } from '@/lib/read-routing';
import { reportError } from '@/lib/report-error';
import { readStoredSession } from '@/lib/stored-session';

const env = getEnv();

/**
 * The owner's session: sign-in, sign-up, sign-out, the session and its events. It lives in
 * localStorage (kept across reloads) and its access token is refreshed before it expires.
 */
const authClient = createClient<Database>(env.VITE_SUPABASE_URL, env.VITE_SUPABASE_ANON_KEY, {
  auth: {
    persistSession: true,
    autoRefreshToken: true,
    detectSessionInUrl: false,
  },
});
export const supabaseAuth = authClient.auth;

/**
 * The token each request carries. Online: the session's, refreshed first when it is about to
 * expire (supabase-js's `getSession`). Offline: the stored one as it is, at once — an expired
 * token cannot be refreshed without network, and supabase-js would hold every request for
 * about 25 s of refresh retries (supabase/supabase-js#2568, not released). Offline the service
 * worker answers GETs from this owner's cache whatever the token, and writes are disabled.
 */
async function requestAccessToken(): Promise<string | null> {
  if (isBrowserOffline()) return readStoredSession(env.VITE_SUPABASE_URL)?.accessToken ?? null;
  const { data } = await supabaseAuth.getSession();
  return data.session?.access_token ?? null;
}

/**
 * Every data request (tables, RPCs, edge functions) goes through this client. It has no `auth`
 * (that is `supabaseAuth`): its token comes from `requestAccessToken`, or the anon key when
 * nobody is signed in.
 */
export const supabase: SupabaseClient = createClient<Database>(
  env.VITE_SUPABASE_URL,
  env.VITE_SUPABASE_ANON_KEY,
  { accessToken: requestAccessToken },
);

/** A data client: anything but `auth` (which a client built with `accessToken` refuses). */
export type SupabaseClient = Omit<FullSupabaseClient<Database>, 'auth'>;

/** The read replica's client when VITE_SUPABASE_READ_URL is set (else null). */
export const supabaseReplica: SupabaseClient | null = env.VITE_SUPABASE_READ_URL
  ? createReadReplicaClient(
      env.VITE_SUPABASE_READ_URL,
      env.VITE_SUPABASE_ANON_KEY,
      requestAccessToken,
    )
  : null;

/**
 * Where heavy reads run (whole history, statistics, exports): the replica when there is one,
 * the primary when there is none or it fails. Writes, and reads that must see a write at
 * once, use `supabase`. A replica lags the primary by a moment: fine for these reads.
 * Offline, a failing replica is expected and not worth a report.
 */
export const heavyReads = createReadRouter<SupabaseClient>({
  primary: supabase,
  replica: supabaseReplica,
  onFallback: (error) => {
    if (!isBrowserOffline()) reportError(error, 'réplique de lecture indisponible');
  },
});
