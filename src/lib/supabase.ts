import { createClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';
import { getEnv } from '@/lib/env';
import { createReadReplicaClient } from '@/lib/read-replica';
import { createReadRouter } from '@/lib/read-routing';
import { reportError } from '@/lib/report-error';

const env = getEnv();

/**
 * The one browser client of the primary database. The session lives in localStorage
 * (kept across reloads) and its access token is refreshed before it expires.
 */
export const supabase = createClient<Database>(env.VITE_SUPABASE_URL, env.VITE_SUPABASE_ANON_KEY, {
  auth: {
    persistSession: true,
    autoRefreshToken: true,
    detectSessionInUrl: false,
  },
});

export type SupabaseClient = typeof supabase;

/** The read replica's client when VITE_SUPABASE_READ_URL is set (else null). */
export const supabaseReplica: SupabaseClient | null = env.VITE_SUPABASE_READ_URL
  ? createReadReplicaClient(env.VITE_SUPABASE_READ_URL, env.VITE_SUPABASE_ANON_KEY, supabase)
  : null;

/**
 * Where heavy reads run (whole history, statistics, exports): the replica when there is one,
 * the primary when there is none or it fails. Writes, and reads that must see a write at
 * once, use `supabase`. A replica lags the primary by a moment: fine for these reads.
 */
export const heavyReads = createReadRouter<SupabaseClient>({
  primary: supabase,
  replica: supabaseReplica,
  onFallback: (error) => reportError(error, 'réplique de lecture indisponible'),
});
