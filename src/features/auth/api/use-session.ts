import type { Session, User } from '@supabase/supabase-js';
import { createContext, useContext } from 'react';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; session: Session; user: User };

export const SessionContext = createContext<SessionState | null>(null);

/** The current auth session, kept up to date by `SessionProvider`. */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (state === null) throw new Error('useSession doit être utilisé dans <SessionProvider>');
  return state;
}
