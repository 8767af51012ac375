/**
 * Who is signed in, and the idle lock. The server is the authority: GET /api/session on start,
 * and any 401 (signed out) or 403 `password.changeRequired` from a normal call flips the state.
 * Locking ends the server session too (a kiosk left alone must not keep a live cookie); what was
 * typed stays in the page behind the lock and the unlock signs in again.
 */
import type { Session } from '@edgenet/network-config/contract';
import { onlineManager, useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ApiError, isApiError, sessionApi, setAuthListener } from './api';

/** Why the screen is locked: the admin pressed Lock, or the idle timer did it. */
export type LockReason = 'manual' | 'idle';

export type SessionStatus = 'loading' | 'error' | 'signedOut' | 'mustChangePassword' | 'signedIn';

export type SignInResult =
  | { ok: true; session: Session }
  | {
      ok: false;
      reason: 'wrongPassword' | 'lockedOut' | 'failed';
      retryAfterSeconds?: number;
      error?: ApiError;
    };

export interface SessionState {
  status: SessionStatus;
  session: Session | null;
  locked: boolean;
  /** Why the screen is locked (null while unlocked). */
  lockReason: LockReason | null;
  /** Why the user is back on the sign-in page (an expired session, rather than a fresh visit). */
  expired: boolean;
  /** The password used to sign in, kept in memory only until the forced change uses it. */
  knownPassword: string | null;
  signIn: (password: string) => Promise<SignInResult>;
  changePassword: (currentPassword: string, newPassword: string) => Promise<void>;
  signOut: () => Promise<void>;
  lock: (reason: LockReason) => void;
  unlock: (password: string) => Promise<SignInResult>;
  retry: () => void;
}

const SessionContext = createContext<SessionState | null>(null);

/**
 * The "failed sign-in attempts since the last sign-in" notice is the same on every GET /api/session
 * of one sign-in, so a reload would bring it back. Its closing is remembered in this tab's
 * sessionStorage with the count it showed, and forgotten at the next sign-in in this tab.
 */
const NOTICE_KEY = 'edgenet.failedAttemptsNoticeClosed';
export const failedAttemptsNotice = {
  wasClosed(count: number): boolean {
    try {
      return window.sessionStorage.getItem(NOTICE_KEY) === String(count);
    } catch {
      return false;
    }
  },
  closed(count: number): void {
    try {
      window.sessionStorage.setItem(NOTICE_KEY, String(count));
    } catch {
      // Storage unavailable (private mode): the notice may come back after a reload.
    }
  },
  forget(): void {
    try {
      window.sessionStorage.removeItem(NOTICE_KEY);
    } catch {
      // As above.
    }
  },
};

async function postSession(password: string): Promise<SignInResult> {
  try {
    const { data } = await sessionApi.call('signIn', { body: { password } });
    return { ok: true, session: data };
  } catch (error) {
    if (isApiError(error, 401)) return { ok: false, reason: 'wrongPassword', error };
    if (isApiError(error, 429)) {
      return {
        ok: false,
        reason: 'lockedOut',
        retryAfterSeconds: error.problem?.retryAfterSeconds,
        error,
      };
    }
    return { ok: false, reason: 'failed', error: error instanceof ApiError ? error : undefined };
  }
}

/** Probes the server: GET /api/session, or (if the server has no such route) GET /api/device. */
async function probeSession(): Promise<{ status: SessionStatus; session: Session | null }> {
  const classify = (error: unknown) => {
    if (isApiError(error, 401)) return { status: 'signedOut' as const, session: null };
    if (isApiError(error, 403) && error.code === 'password.changeRequired') {
      return { status: 'mustChangePassword' as const, session: null };
    }
    return null;
  };
  try {
    const { data } = await sessionApi.call('getSession');
    if (data && typeof data === 'object' && 'mustChangePassword' in data) {
      return { status: data.mustChangePassword ? 'mustChangePassword' : 'signedIn', session: data };
    }
    return { status: 'signedIn', session: null };
  } catch (error) {
    const known = classify(error);
    if (known) return known;
    if (!isApiError(error, 404) && !isApiError(error, 405)) throw error;
  }
  try {
    await sessionApi.call('getDevice');
    return { status: 'signedIn', session: null };
  } catch (error) {
    const known = classify(error);
    if (known) return known;
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [session, setSession] = useState<Session | null>(null);
  const [lockReason, setLockReason] = useState<LockReason | null>(null);
  const locked = lockReason !== null;
  const [expired, setExpired] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const knownPassword = useRef<string | null>(null);
  const lockedRef = useRef(false);
  lockedRef.current = locked;

  useEffect(() => {
    // `attempt` re-runs the probe after an error.
    void attempt;
    let cancelled = false;
    probeSession().then(
      (result) => {
        if (cancelled) return;
        setStatus(result.status);
        setSession(result.session);
      },
      () => {
        if (!cancelled) setStatus('error');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  useEffect(() => {
    setAuthListener((problem) => {
      if (problem === 'signedOut') {
        // Behind the lock screen a 401 is expected: the unlock signs in again.
        if (lockedRef.current) return;
        setStatus((current) => {
          if (current === 'signedIn') setExpired(true);
          return 'signedOut';
        });
      } else {
        setStatus('mustChangePassword');
      }
    });
    return () => setAuthListener(null);
  }, []);

  const signIn = useCallback(
    async (password: string) => {
      const result = await postSession(password);
      if (result.ok) {
        failedAttemptsNotice.forget();
        knownPassword.current = result.session.mustChangePassword ? password : null;
        client.clear();
        onlineManager.setOnline(true);
        setSession(result.session);
        setExpired(false);
        setLockReason(null);
        setStatus(result.session.mustChangePassword ? 'mustChangePassword' : 'signedIn');
      }
      return result;
    },
    [client],
  );

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    await sessionApi.call('changePassword', { body: { currentPassword, newPassword } });
    knownPassword.current = null;
    setSession((s) => (s ? { ...s, mustChangePassword: false } : s));
    setStatus('signedIn');
  }, []);

  const signOut = useCallback(async () => {
    try {
      await sessionApi.call('signOut');
    } catch {
      // Signed out locally whatever the server says; its session expires on its own.
    }
    knownPassword.current = null;
    client.clear();
    onlineManager.setOnline(true);
    setSession(null);
    setLockReason(null);
    setExpired(false);
    setStatus('signedOut');
  }, [client]);

  const lock = useCallback((reason: LockReason) => {
    // While locked, queries pause (as if offline) instead of failing with 401 behind the lock;
    // they resume after the unlock.
    onlineManager.setOnline(false);
    setLockReason((current) => current ?? reason);
    void sessionApi.call('signOut').catch(() => undefined);
  }, []);

  const unlock = useCallback(
    async (password: string) => {
      const result = await postSession(password);
      if (result.ok) {
        setSession(result.session);
        setLockReason(null);
        onlineManager.setOnline(true);
        if (result.session.mustChangePassword) setStatus('mustChangePassword');
        // Refetch what failed while locked; typed values live in component state and stay.
        void client.invalidateQueries();
      }
      return result;
    },
    [client],
  );

  const value = useMemo<SessionState>(
    () => ({
      status,
      session,
      locked,
      lockReason,
      expired,
      knownPassword: knownPassword.current,
      signIn,
      changePassword,
      signOut,
      lock,
      unlock,
      retry: () => {
        setStatus('loading');
        setAttempt((n) => n + 1);
      },
    }),
    [status, session, locked, lockReason, expired, signIn, changePassword, signOut, lock, unlock],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
