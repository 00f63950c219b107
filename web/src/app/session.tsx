import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onUnauthorized, setCsrfToken } from '../api/client';
import type { CurrentUser, Ok, Permission } from '../api/types';

/** Why the user is signed out, so the login page can say so. */
export type SignOutReason = 'expired' | 'loggedOut' | 'loggedOutAll' | 'passwordChanged';

type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; reason?: SignOutReason }
  | { status: 'authenticated'; user: CurrentUser };

interface SessionApi {
  state: SessionState;
  /** Stores the session returned by login or /me. */
  signIn(session: Ok<'getCurrentUser'>): void;
  /** Forgets the session locally (the caller has already told the server, or the server said it is gone). */
  signOut(reason: SignOutReason): void;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const queryClient = useQueryClient();

  const signIn = useCallback((session: Ok<'getCurrentUser'>) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'authenticated', user: session.user });
  }, []);

  const signOut = useCallback(
    (reason: SignOutReason) => {
      setCsrfToken(null);
      // Cached lists belong to the previous user; the next one must not see them, even for a moment.
      queryClient.clear();
      setState({ status: 'anonymous', reason });
    },
    [queryClient],
  );

  useEffect(() => {
    onUnauthorized(() => {
      setCsrfToken(null);
      queryClient.clear();
      setState((s) => (s.status === 'authenticated' ? { status: 'anonymous', reason: 'expired' } : s));
    });
    let cancelled = false;
    // The cookie is HttpOnly, so only the server knows whether a session survives a reload.
    api
      .GET('/api/auth/me')
      .then(({ data }) => {
        if (!cancelled && data) signIn(data);
      })
      .catch(() => {
        if (!cancelled) setState({ status: 'anonymous' });
      });
    return () => {
      cancelled = true;
      onUnauthorized(null);
    };
  }, [signIn, queryClient]);

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user; only for components under the auth guard. */
export function useCurrentUser(): CurrentUser {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useCurrentUser without a signed-in user');
  return state.user;
}

export function useCan(): (permission: Permission) => boolean {
  const user = useCurrentUser();
  return useCallback((permission: Permission) => Boolean(user.permissions[permission]), [user]);
}
