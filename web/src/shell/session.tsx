import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, onUnauthorized, setCsrfToken } from '../api/client.ts';
import { queryClient } from '../api/query.ts';
import type { Me, Permission } from '../api/types.ts';

type Status = 'loading' | 'signed_in' | 'signed_out';

interface Session {
  status: Status;
  me: Me | null;
  /** Reloads /api/me (after sign-in or a password change). */
  refresh: () => Promise<Me | null>;
  logout: () => Promise<void>;
  can: (permission: Permission) => boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  const navigate = useNavigate();

  // /api/session answers 200 whether or not someone is signed in: a signed-out page (the sign-in page,
  // the public follow page) asks without an error in the console
  const refresh = useCallback(async () => {
    try {
      const answer = await api.get<{ signedIn: boolean; me: Me | null }>('/api/session');
      const next = answer.me;
      if (!next) {
        setMe(null);
        setStatus('signed_out');
        return null;
      }
      setCsrfToken(next.csrfToken);
      setMe(next);
      setStatus('signed_in');
      return next;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setMe(null);
        setStatus('signed_out');
        return null;
      }
      throw error;
    }
  }, []);

  useEffect(() => {
    refresh().catch(() => setStatus('signed_out'));
  }, [refresh]);

  useEffect(() => {
    onUnauthorized((error) => {
      // what the last account was shown is not the next one's
      queryClient.clear();
      setMe(null);
      setCsrfToken(null);
      setStatus('signed_out');
      // Public pages (follow a case by number) stay where they are when no one is signed in.
      const path = window.location.pathname;
      if (path !== '/login' && !path.startsWith('/public')) {
        navigate('/login', {
          replace: true,
          state: { from: window.location.pathname + window.location.search, reason: error },
        });
      }
    });
    return () => onUnauthorized(null);
  }, [navigate]);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      queryClient.clear();
      setMe(null);
      setCsrfToken(null);
      setStatus('signed_out');
      navigate('/login', { replace: true });
    }
  }, [navigate]);

  const value = useMemo<Session>(
    () => ({
      status,
      me,
      refresh,
      logout,
      can: (permission) => Boolean(me?.permissions.includes(permission)),
    }),
    [status, me, refresh, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
