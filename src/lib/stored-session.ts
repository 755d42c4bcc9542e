/**
 * The session supabase-js keeps in localStorage, read directly only while the device is
 * offline. If its access token expired, supabase-js keeps the stored session (a refresh that
 * fails for lack of network is retried, never a sign-out) but retries that refresh for about
 * 25 s, holding every request, and then reports "no session" until a refresh succeeds —
 * which would send the owner to the sign-in page, where nothing can be done offline. Instead
 * the session provider keeps the owner signed in with what is stored, requests go out at once
 * with the stored token (src/lib/supabase.ts), and the service worker answers them from the
 * owner's cache.
 *
 * The key is supabase-js's documented default, `sb-<first label of the API host>-auth-token`
 * (src/lib/supabase.ts sets no `storageKey`). If it ever changes, this finds nothing and the
 * app falls back to supabase-js's own behaviour (signed out until the network is back).
 */

export interface StoredSession {
  /** May have expired: only good for requests the service worker answers from its cache. */
  accessToken: string | null;
  user: { id: string; email: string | null };
}

export function sessionStorageKey(supabaseUrl: string): string {
  return `sb-${new URL(supabaseUrl).hostname.split('.')[0]}-auth-token`;
}

/** Pure: the user of a stored session, or null when there is none or it is unusable. */
export function parseStoredSession(json: string | null): StoredSession | null {
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  // Without a refresh token the session cannot come back: it is not kept.
  if (typeof record.refresh_token !== 'string' || record.refresh_token === '') return null;
  const user = record.user;
  if (typeof user !== 'object' || user === null) return null;
  const { id, email } = user as Record<string, unknown>;
  if (typeof id !== 'string' || id === '') return null;
  const accessToken = typeof record.access_token === 'string' ? record.access_token : null;
  return { accessToken, user: { id, email: typeof email === 'string' ? email : null } };
}

export function readStoredSession(supabaseUrl: string): StoredSession | null {
  try {
    return parseStoredSession(localStorage.getItem(sessionStorageKey(supabaseUrl)));
  } catch {
    return null;
  }
}
