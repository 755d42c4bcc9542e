import { createContext, useContext } from 'react';

export interface SessionUser {
  id: string;
  email: string | null;
}

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | {
      status: 'signed-in';
      user: SessionUser;
      /**
       * The access token expired while offline: the owner stays signed in (their pages are
       * read from the service worker's cache) and the session is refreshed when the network
       * is back.
       */
      refreshPending: boolean;
    };

export const SessionContext = createContext<SessionState | null>(null);

/** The current auth session, kept up to date by `SessionProvider`. */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (state === null) throw new Error('useSession doit être utilisé dans <SessionProvider>');
  return state;
}
