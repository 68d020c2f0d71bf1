import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollabSession } from './collab-session';
import { type Peer, peersFromAwareness } from './presence';

/** Everyone in the document right now (this tab included), updated on every awareness change. */
export function usePresence(session: CollabSession | null): Peer[] {
  const { i18n } = useTranslation();
  const [peers, setPeers] = useState<Peer[]>([]);
  useEffect(() => {
    if (!session) return setPeers([]);
    const { awareness } = session.provider;
    const read = () =>
      setPeers(
        peersFromAwareness(
          awareness.getStates() as Map<number, Record<string, unknown>>,
          session.doc.clientID,
          i18n.language,
        ),
      );
    read();
    // 'change' (not 'update'): the periodic keep-alive renewals of unchanged states are ignored.
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [session, i18n.language]);
  return peers;
}
