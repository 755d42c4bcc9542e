import { createClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';
import { getEnv } from '@/lib/env';

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
