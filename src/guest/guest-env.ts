/**
 * The two settings the guest page needs. Read here rather than through src/lib/env.ts: that
 * module belongs to the owner app's boot chunk, and importing it would pull that chunk (and
 * React with it) into the guest page. Same variables, same meaning.
 */
export interface GuestEnv {
  apiUrl: string;
  anonKey: string;
}

export function guestEnv(raw: Record<string, unknown> = import.meta.env): GuestEnv | null {
  const url = typeof raw.VITE_SUPABASE_URL === 'string' ? raw.VITE_SUPABASE_URL.trim() : '';
  const key =
    typeof raw.VITE_SUPABASE_ANON_KEY === 'string' ? raw.VITE_SUPABASE_ANON_KEY.trim() : '';
  if (!/^https?:\/\/[^/\s]+/.test(url) || key === '') return null;
  return { apiUrl: url.replace(/\/+$/, ''), anonKey: key };
}
