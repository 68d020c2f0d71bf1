import { useSyncExternalStore } from 'react';
import type { UserView } from '@xieshang/protocol';
import { session, type SessionState } from './session';

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState, session.getState);
}

/** The signed-in user; only for components rendered inside the authenticated shell. */
export function useCurrentUser(): UserView {
  const state = useSession();
  if (state.status !== 'signed-in') throw new Error('useCurrentUser outside a signed-in session');
  return state.user;
}
