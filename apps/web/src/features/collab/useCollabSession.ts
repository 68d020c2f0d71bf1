import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { session as signIn } from '../../shared/auth/session';
import { CollabSession, type CollabSnapshot } from './collab-session';
import type { PresenceUser } from './presence';

interface Entry {
  session: CollabSession;
  holders: number;
  linger?: ReturnType<typeof setTimeout>;
}

/**
 * Open sessions by account + document. A released session lingers briefly so that React's
 * double mount in development, and a quick back-and-forth between pages, reuse the socket and
 * the loaded document instead of reconnecting.
 */
const open = new Map<string, Entry>();
const LINGER_MS = 1500;

function acquire(key: string, create: () => CollabSession): CollabSession {
  let entry = open.get(key);
  if (!entry) {
    entry = { session: create(), holders: 0 };
    open.set(key, entry);
  }
  clearTimeout(entry.linger);
  entry.holders++;
  return entry.session;
}

function release(key: string, session: CollabSession): void {
  const entry = open.get(key);
  if (!entry || entry.session !== session) return;
  entry.holders--;
  if (entry.holders > 0) return;
  entry.linger = setTimeout(() => {
    open.delete(key);
    session.destroy();
  }, LINGER_MS);
}

/** Drops the session now (before discarding its local copy). */
function evict(key: string, session: CollabSession): void {
  const entry = open.get(key);
  if (entry?.session !== session) return;
  clearTimeout(entry.linger);
  open.delete(key);
}

const EMPTY: CollabSnapshot = {
  phase: 'connecting',
  localLoaded: false,
  everSynced: false,
  ready: false,
  failure: null,
  editRejected: false,
};
const noSubscribe = () => () => {};

export interface CollabSessionHandle {
  session: CollabSession | null;
  state: CollabSnapshot;
  /** Throws away this device's copy of the document (edits the server refused) and reconnects. */
  discardLocalCopy: () => Promise<void>;
}

/**
 * The live session of one document for the signed-in person: created on mount, released on
 * unmount. `onAccessChanged` runs when the server reports that rights or the lock changed.
 */
export function useCollabSession(
  documentId: string,
  user: PresenceUser,
  onAccessChanged: () => void,
): CollabSessionHandle {
  const [generation, setGeneration] = useState(0);
  const [session, setSession] = useState<CollabSession | null>(null);
  const accessChanged = useRef(onAccessChanged);
  accessChanged.current = onAccessChanged;
  const { id: userId, name, color, readOnly } = user;
  const key = `${userId}:${documentId}`;

  useEffect(() => {
    const created = acquire(
      key,
      () =>
        new CollabSession({
          documentId,
          user: { id: userId, name, color, readOnly },
          accessToken: signIn.accessToken,
          refreshAccessToken: signIn.refresh,
          onAccessChanged: () => accessChanged.current(),
        }),
    );
    setSession(created);
    return () => release(key, created);
    // A changed read-only flag is published by the effect below, not by a new session.
  }, [key, documentId, userId, generation]);

  useEffect(() => session?.setReadOnly(readOnly), [session, readOnly]);

  const state = useSyncExternalStore(session?.subscribe ?? noSubscribe, session?.getSnapshot ?? (() => EMPTY));

  const discardLocalCopy = async () => {
    if (!session) return;
    evict(key, session);
    await session.discardLocalCopy();
    setSession(null);
    setGeneration((g) => g + 1);
  };

  return { session, state, discardLocalCopy };
}
