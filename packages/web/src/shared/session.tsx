// Who is signed in. The session cookie is httpOnly, so on page load we ask the server (/api/auth/me).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, isApiError, setAuthRequiredHandler, setCsrfToken } from './api.ts';
import type { AuthResult, Me } from './types.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'signedIn'; me: Me };

interface Session {
  state: SessionState;
  /** Takes the answer of a login or registration. */
  signedIn: (result: AuthResult) => void;
  /** Ends the session and loads `then` afresh, so nothing of the signed-in user stays in memory. */
  signOut: (then: string) => Promise<void>;
  /** Re-reads /api/auth/me after the user changed something about their own account. */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const signedIn = useCallback((result: AuthResult) => {
    setCsrfToken(result.csrfToken);
    setState({ status: 'signedIn', me: result.me });
  }, []);

  const forget = useCallback(() => {
    setCsrfToken(null);
    setState({ status: 'anonymous' });
  }, []);

  const refresh = useCallback(async () => {
    signedIn(await api.get<AuthResult>('/api/auth/me'));
  }, [signedIn]);

  useEffect(() => {
    let cancelled = false;
    api.get<AuthResult>('/api/auth/me').then(
      (result) => !cancelled && signedIn(result),
      (error: unknown) => {
        if (cancelled) return;
        // Any failure other than "not signed in" still leaves us anonymous; the login page will say what is wrong.
        if (!isApiError(error, 'AUTH_REQUIRED')) console.warn('GET /api/auth/me failed', error);
        forget();
      },
    );
    return () => {
      cancelled = true;
    };
  }, [signedIn, forget]);

  useEffect(() => {
    setAuthRequiredHandler(forget);
    return () => setAuthRequiredHandler(null);
  }, [forget]);

  const signOut = useCallback(async (then: string) => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      setCsrfToken(null);
      window.location.replace(then);
    }
  }, []);

  const value = useMemo(() => ({ state, signedIn, signOut, refresh }), [state, signedIn, signOut, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession must be used inside <SessionProvider>');
  return context;
}
