import { useQueryClient } from '@tanstack/react-query';
import type { DocumentView } from '@xieshang/protocol';
import { Alert, Button, Skeleton } from 'antd';
import { useMemo } from 'react';
import { useCurrentUser } from '../../../shared/auth/useSession';
import { ConnectionIndicator } from '../../collab/components/ConnectionIndicator';
import { PresenceList } from '../../collab/components/PresenceList';
import { presenceColor, type PresenceUser } from '../../collab/presence';
import { useCollabSession } from '../../collab/useCollabSession';
import { usePresence } from '../../collab/usePresence';
import { documentKeys } from '../api/document-keys';
import { useDocumentsT } from '../i18n/documents-i18n';
import { CollabEditor } from './CollabEditor';
import './collab-editor.css';

/**
 * The live part of a document page, loaded on first document open (TipTap, ProseMirror, Yjs
 * and the providers are this chunk, not the app's first load): connection state, who is
 * here, and the editor — editable only when the metadata says so, the content is there, and
 * the server has not refused our edits.
 */
export default function LiveDocument({ document: doc }: { document: DocumentView }) {
  const t = useDocumentsT();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const canEdit = doc.can.edit;
  const user = useMemo<PresenceUser>(
    () => ({ id: me.id, name: me.displayName, color: presenceColor(me.id), readOnly: !canEdit }),
    [me.id, me.displayName, canEdit],
  );
  const { session, state, discardLocalCopy } = useCollabSession(doc.id, user, () => {
    void queryClient.invalidateQueries({ queryKey: documentKeys.detail(doc.id) });
  });
  const peers = usePresence(session);

  if (state.failure) {
    const key = state.failure === 'not-found' ? 'notFound' : state.failure;
    return <Alert type="error" showIcon title={t(`connection.${key}`)} data-testid="collab-failure" />;
  }

  const editable = canEdit && state.ready && !state.editRejected;
  return (
    <div className="xs-live-document" data-testid="live-document" data-ready={state.ready} data-editable={editable}>
      <div className="xs-live-bar">
        <ConnectionIndicator phase={state.phase} onRetry={() => session?.reconnect()} />
        <PresenceList peers={peers} />
      </div>
      {!canEdit && (
        <Alert
          type="info"
          showIcon
          className="xs-live-alert"
          title={t(doc.locked ? 'doc.lockedHint' : 'doc.readOnlyHint')}
          data-testid="read-only-note"
        />
      )}
      {state.editRejected && (
        <Alert
          type="warning"
          showIcon
          className="xs-live-alert"
          title={t('doc.serverReadOnly')}
          action={
            <Button size="small" onClick={() => void discardLocalCopy()}>
              {t('doc.discardLocal')}
            </Button>
          }
        />
      )}
      {session && state.ready ? (
        <CollabEditor session={session} user={user} editable={editable} title={doc.title} />
      ) : state.localLoaded && state.phase === 'offline' ? (
        <Alert type="warning" showIcon title={t('connection.noLocalCopy')} />
      ) : (
        <div className="xs-editor-paper" aria-busy="true" aria-label={t('connection.loading')}>
          <Skeleton active title={false} paragraph={{ rows: 8 }} />
        </div>
      )}
    </div>
  );
}
