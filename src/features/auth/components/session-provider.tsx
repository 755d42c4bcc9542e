import {
  type AuthChangeEvent,
  isAuthRetryableFetchError,
  type Session,
} from '@supabase/supabase-js';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { SessionContext, type SessionState } from '@/features/auth/api/use-session';
import { getEnv } from '@/lib/env';
import { claimApiCache, releaseApiCache } from '@/lib/pwa/api-cache';
import { beforeReconnect } from '@/lib/pwa/network-status';
import { reportError } from '@/lib/report-error';
import { readStoredSession } from '@/lib/stored-session';
import { supabaseAuth } from '@/lib/supabase';

const SIGNED_OUT: SessionState = { status: 'signed-out' };

function storedSessionState(): SessionState | null {
  const stored = readStoredSession(getEnv().VITE_SUPABASE_URL);
  return stored ? { status: 'signed-in', user: stored.user, refreshPending: true } : null;
}

/**
 * No session from supabase-js at start-up. If that is because a stored session could not be
 * refreshed for lack of network (its access token expired offline), the owner stays signed
 * in with the stored user; otherwise they are signed out.
 */
async function sessionKeptOffline(): Promise<SessionState> {
  const { error } = await supabaseAuth.getSession();
  if (!isAuthRetryableFetchError(error)) return SIGNED_OUT;
  return storedSessionState() ?? SIGNED_OUT;
}

const REFRESH_RETRY_MS = 5_000;
const REFRESH_ATTEMPTS = 15;

/**
 * Back online: a session whose access token expired offline is refreshed before the queries
 * refetch (they would otherwise go out with the anon key and read empty lists). supabase-js
 * waits up to 60 s after a failed refresh before it tries again with the same token, hence
 * the retries. Resolves at once when the session is valid or there is none.
 */
async function ensureFreshSession(): Promise<void> {
  for (let attempt = 0; attempt < REFRESH_ATTEMPTS; attempt += 1) {
    const { data, error } = await supabaseAuth.getSession();
    if (data.session || !isAuthRetryableFetchError(error)) return;
    await new Promise((resolve) => setTimeout(resolve, REFRESH_RETRY_MS));
  }
}

/**
 * Follows supabase-js auth through `onAuthStateChange` (INITIAL_SESSION from localStorage,
 * SIGNED_IN, TOKEN_REFRESHED, SIGNED_OUT, and the same events from other tabs). Cached data
 * belongs to one owner: when the signed-in user changes, every cached query is dropped, and
 * the service worker's API cache is handed to the new owner (emptied) — or deleted on
 * sign-out — before any of their pages renders.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    let active = true;
    let appliedUserId: string | null | undefined;
    let queue = Promise.resolve();

    async function apply(event: AuthChangeEvent, session: Session | null) {
      const next: SessionState = session
        ? {
            status: 'signed-in',
            user: { id: session.user.id, email: session.user.email ?? null },
            refreshPending: false,
          }
        : event === 'INITIAL_SESSION'
          ? await sessionKeptOffline()
          : SIGNED_OUT;
      await show(next);
    }

    async function show(next: SessionState) {
      const userId = next.status === 'signed-in' ? next.user.id : null;
      if (appliedUserId !== undefined && appliedUserId !== userId) queryClient.clear();
      try {
        if (userId) await claimApiCache(userId);
        else await releaseApiCache();
      } catch (error) {
        // No cache owner recorded means the worker stores and serves nothing: safe.
        reportError(error, 'cache hors ligne');
      }
      appliedUserId = userId;
      if (active) setState(next);
    }

    // Opened with no network: supabase-js first retries an expired token's refresh for about
    // 30 s before it reports anything, and keeps the stored session. Its owner's pages are
    // shown at once (from the service worker's cache) instead of a 30 s loading screen.
    if (!navigator.onLine) {
      const stored = storedSessionState();
      if (stored) queue = queue.then(() => show(stored));
    }

    // The callback must not wait for supabase-js calls (it runs under its auth lock): the
    // events are applied one after the other, outside it.
    const { data } = supabaseAuth.onAuthStateChange((event, session) => {
      queue = queue
        .then(() => apply(event, session))
        .catch((error: unknown) => {
          reportError(error, 'session');
        });
    });
    const stopReconnectTask = beforeReconnect(ensureFreshSession);
    return () => {
      active = false;
      data.subscription.unsubscribe();
      stopReconnectTask();
    };
  }, [queryClient]);

  return <SessionContext value={state}>{children}</SessionContext>;
}
