import type { Session } from '@supabase/supabase-js';
import { supabaseAuth } from '@/lib/supabase';

/**
 * The stored session, for route loaders that run outside React (they only decide whether to
 * start fetching before the page renders). Waits for supabase-js to finish loading (and, if
 * needed, refreshing) the session — except offline: there supabase-js retries an expired
 * token's refresh for about 30 s, and a loader must not hold the page that long. Offline the
 * loaders start nothing; the page's own queries read the service worker's cache.
 */
export async function getSession(): Promise<Session | null> {
  if (!navigator.onLine) return null;
  const { data } = await supabaseAuth.getSession();
  return data.session;
}
