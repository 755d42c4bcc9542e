import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { SessionContext, type SessionState } from '@/features/auth/api/use-session';
import { supabase } from '@/lib/supabase';

/**
 * Follows supabase-js auth through `onAuthStateChange` (INITIAL_SESSION from
 * localStorage, SIGNED_IN, TOKEN_REFRESHED, SIGNED_OUT, and the same events from other
 * tabs). When the signed-in user changes, every cached query is dropped so one owner's
 * data is never shown to the next.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const userIdRef = useRef<string | null | undefined>(undefined);

  useEffect(() => {
    const { data } = supabase.auth.onAuthStateChange((_event, session) => {
      const userId = session?.user.id ?? null;
      if (userIdRef.current !== undefined && userIdRef.current !== userId) {
        queryClient.clear();
      }
      userIdRef.current = userId;
      setState(
        session ? { status: 'signed-in', session, user: session.user } : { status: 'signed-out' },
      );
    });
    return () => data.subscription.unsubscribe();
  }, [queryClient]);

  return <SessionContext value={state}>{children}</SessionContext>;
}
