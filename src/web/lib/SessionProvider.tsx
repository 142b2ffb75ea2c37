import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Me } from '../../shared/api.ts';
import { apiClient, errorMessage, isUnauthorized, onUnauthorized } from './apiClient.ts';

export type Session = {
  /** undefined while loading, null when signed out. */
  me: Me | null | undefined;
  /** Set when the session could not be checked at all (server down), not when signed out. */
  error: string | null;
  refresh: () => Promise<void>;
  setMe: (me: Me | null) => void;
  signOut: () => Promise<void>;
};

const SessionContext = createContext<Session | null>(null);

/** Holds who is signed in; drops the session when any API call answers 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setMe(await apiClient.me());
      setError(null);
    } catch (e) {
      if (isUnauthorized(e)) {
        setMe(null);
        setError(null);
      } else {
        setError(errorMessage(e));
        setMe((current) => (current === undefined ? null : current));
      }
    }
  }, []);

  const signOut = useCallback(async () => {
    try {
      await apiClient.signOut();
    } finally {
      setMe(null);
    }
  }, []);

  useEffect(() => {
    void refresh();
    return onUnauthorized(() => setMe(null));
  }, [refresh]);

  const value = useMemo(() => ({ me, error, refresh, setMe, signOut }), [me, error, refresh, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The current session; only inside SessionProvider. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside SessionProvider');
  return session;
}
