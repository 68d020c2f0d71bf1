import type { LoginResponse, UserView } from '@xieshang/protocol';

export type SessionState =
  | { status: 'restoring'; user: null }
  | { status: 'signed-in'; user: UserView }
  | { status: 'signed-out'; user: null; reason?: 'expired' | 'logout' };

type Listener = () => void;

/**
 * The signed-in session. The access token lives only in this closure (never in storage, so a
 * script injected into the page cannot lift it from localStorage); the refresh token is an
 * HttpOnly cookie the browser sends to /api/auth/refresh, which restores the session on reload.
 */
function createSession() {
  let state: SessionState = { status: 'restoring', user: null };
  let token: string | null = null;
  let refreshing: Promise<boolean> | null = null;
  const listeners = new Set<Listener>();

  const set = (next: SessionState) => {
    state = next;
    for (const listener of listeners) listener();
  };

  const refreshOnce = async (): Promise<boolean> => {
    try {
      const response = await fetch('/api/auth/refresh', {
        method: 'POST',
        headers: { Accept: 'application/json', 'Accept-Language': document.documentElement.lang || 'zh-CN' },
        credentials: 'same-origin',
      });
      if (!response.ok) {
        if (state.status !== 'signed-out') {
          token = null;
          set({ status: 'signed-out', user: null, reason: state.status === 'signed-in' ? 'expired' : undefined });
        }
        return false;
      }
      start((await response.json()) as LoginResponse);
      return true;
    } catch {
      // Offline: keep what we have; the next request will try again.
      if (state.status === 'restoring') set({ status: 'signed-out', user: null });
      return false;
    }
  };

  function start(login: Pick<LoginResponse, 'accessToken' | 'user'>) {
    token = login.accessToken;
    set({ status: 'signed-in', user: login.user });
  }

  return {
    getState: () => state,
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    accessToken: () => token,
    start,
    /** One refresh at a time: concurrent 401s share the same request (refresh tokens rotate). */
    refresh(): Promise<boolean> {
      refreshing ??= refreshOnce().finally(() => {
        refreshing = null;
      });
      return refreshing;
    },
    updateUser(user: UserView) {
      if (state.status === 'signed-in') set({ status: 'signed-in', user });
    },
    end(reason: 'expired' | 'logout' = 'expired') {
      token = null;
      if (state.status !== 'signed-out') set({ status: 'signed-out', user: null, reason });
    },
  };
}

export const session = createSession();
export type Session = ReturnType<typeof createSession>;
