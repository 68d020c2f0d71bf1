import { HistoryOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Popconfirm, Skeleton } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useParams } from 'react-router';
import { useToast } from '../../../shared/ui/FeedbackProvider';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryError } from '../../../shared/ui/QueryStates';
import { useDocument, useSetDocumentLocked } from '../hooks/useDocuments';
import { useDocumentsT } from '../i18n/documents-i18n';
import { VersionPanel } from '../versions/VersionPanel';
import { DocumentKindTag, DocumentLockedTag } from './DocumentTags';
import './documents.css';

// TipTap, ProseMirror, Yjs and the providers: fetched when a document is first opened.
const loadLiveDocument = () => import('../editor/LiveDocument');
const LiveDocument = lazy(loadLiveDocument);

const editorSkeleton = (
  <Card>
    <Skeleton active title={false} paragraph={{ rows: 8 }} />
  </Card>
);

/** One document: its metadata and actions above, the live editor below. */
export function DocumentPage() {
  const t = useDocumentsT();
  const toast = useToast();
  const { documentId = '' } = useParams();
  const document = useDocument(documentId);
  const setLocked = useSetDocumentLocked(documentId);
  const [versionsOpen, setVersionsOpen] = useState(false);

  if (document.isPending) {
    void loadLiveDocument(); // in parallel with the metadata
    return (
      <div aria-busy="true">
        <Skeleton active title paragraph={{ rows: 1 }} />
        {editorSkeleton}
      </div>
    );
  }
  if (document.isError) return <QueryError error={document.error} onRetry={() => void document.refetch()} />;

  const doc = document.data;
  const lock = (locked: boolean) =>
    setLocked.mutate(locked, { onSuccess: () => toast.success(t(locked ? 'doc.lockedToast' : 'doc.unlockedToast')) });
  const people = [doc.owner, ...doc.coAuthors].map((p) => p.displayName).join('、');

  return (
    <div className="xs-document-page" data-testid="document-page" data-document-id={doc.id}>
      <PageHeader
        back={doc.meetingId ? `/meetings/${doc.meetingId}` : '/documents'}
        title={<span data-testid="document-title">{doc.title}</span>}
        subtitle={
          <Flex wrap gap={4} align="center">
            <DocumentKindTag kind={doc.kind} />
            {doc.locked && <DocumentLockedTag />}
            <span className="xs-muted xs-small">
              {t('doc.owner')}：{people}
            </span>
          </Flex>
        }
        actions={
          <>
            <Button
              icon={<HistoryOutlined aria-hidden />}
              onClick={() => setVersionsOpen(true)}
              data-testid="open-versions"
            >
              {t('doc.versions')}
            </Button>
            {doc.can.lock &&
              (doc.locked ? (
                <Button
                  icon={<UnlockOutlined aria-hidden />}
                  onClick={() => lock(false)}
                  loading={setLocked.isPending}
                  data-testid="unlock-document"
                >
                  {t('doc.unlock')}
                </Button>
              ) : (
                <Popconfirm
                  title={t('doc.lock')}
                  description={<div className="xs-popconfirm-text">{t('doc.lockConfirm')}</div>}
                  onConfirm={() => lock(true)}
                >
                  <Button icon={<LockOutlined aria-hidden />} loading={setLocked.isPending} data-testid="lock-document">
                    {t('doc.lock')}
                  </Button>
                </Popconfirm>
              ))}
          </>
        }
      />
      <Suspense fallback={editorSkeleton}>
        <LiveDocument document={doc} />
      </Suspense>
      <VersionPanel document={doc} open={versionsOpen} onClose={() => setVersionsOpen(false)} />
    </div>
  );
}
