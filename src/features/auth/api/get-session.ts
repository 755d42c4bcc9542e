import type { Session } from '@supabase/supabase-js';
import { supabase } from '@/lib/supabase';

/**
 * The stored session, for route loaders that run outside React. Waits for supabase-js
 * to finish loading (and, if needed, refreshing) the session from localStorage.
 */
export async function getSession(): Promise<Session | null> {
  const { data } = await supabase.auth.getSession();
  return data.session;
}
