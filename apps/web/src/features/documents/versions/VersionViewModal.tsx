import type { DocumentVersionView } from '@xieshang/protocol';
import { Alert, Modal, Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import { QueryError } from '../../../shared/ui/QueryStates';
import { useDocumentVersion } from '../hooks/useDocumentVersions';
import { useDocumentsT } from '../i18n/documents-i18n';

// The renderer brings TipTap; it is the same chunk the live editor uses.
const VersionContent = lazy(() => import('../editor/VersionContent'));

/** One saved version, read-only, rendered with the live editor's document model. */
export function VersionViewModal({
  documentId,
  version,
  onClose,
}: {
  documentId: string;
  version: DocumentVersionView;
  onClose: () => void;
}) {
  const t = useDocumentsT();
  const detail = useDocumentVersion(documentId, version.id);
  const title = t('versions.viewTitle', { number: version.number, name: version.name });
  return (
    <Modal open title={title} onCancel={onClose} footer={null} width={820} destroyOnHidden className="xs-version-modal">
      <Alert type="info" showIcon title={t('versions.readOnlyNote')} className="xs-gap-bottom" />
      {detail.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : detail.isError ? (
        <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
          <VersionContent content={detail.data.content} label={title} />
        </Suspense>
      )}
    </Modal>
  );
}
