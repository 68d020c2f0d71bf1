import { DiffOutlined, EyeOutlined, RollbackOutlined, SaveOutlined } from '@ant-design/icons';
import type { DocumentVersionView, DocumentView } from '@xieshang/protocol';
import { Button, Drawer, Empty, Grid, Popconfirm, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useToast } from '../../../shared/ui/FeedbackProvider';
import { formatDateTime } from '../../../shared/ui/format';
import { QueryError } from '../../../shared/ui/QueryStates';
import { useDocumentVersions, useRestoreVersion } from '../hooks/useDocumentVersions';
import { useDocumentsT } from '../i18n/documents-i18n';
import { SaveVersionModal } from './SaveVersionModal';
import { VersionCompareModal } from './VersionCompareModal';
import { VersionViewModal } from './VersionViewModal';
import './versions.css';

/**
 * Named versions of a document (初稿, 征求意见稿, 表决稿 …): save one, read one, compare any two
 * (or one with the current text), restore one as a new edit — the text it replaces is saved
 * first by the server, so a restore can itself be undone.
 */
export function VersionPanel({
  document: doc,
  open,
  onClose,
}: {
  document: DocumentView;
  open: boolean;
  onClose: () => void;
}) {
  const t = useDocumentsT();
  const toast = useToast();
  const screens = Grid.useBreakpoint();
  const versions = useDocumentVersions(doc.id, open);
  const restore = useRestoreVersion(doc.id);
  const [saving, setSaving] = useState(false);
  const [viewing, setViewing] = useState<DocumentVersionView | null>(null);
  const [comparing, setComparing] = useState<string | null>(null);
  const items = versions.data?.items ?? [];

  const onRestore = (v: DocumentVersionView) =>
    restore.mutate(v.id, {
      onSuccess: (r) => toast.success(t('versions.restored', { name: v.name, number: r.savedBefore.number })),
    });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('versions.title')}
      size={screens.sm ? 520 : '100%'}
      destroyOnHidden
      extra={
        doc.can.saveVersion && (
          <Button
            type="primary"
            icon={<SaveOutlined aria-hidden />}
            onClick={() => setSaving(true)}
            data-testid="save-version"
          >
            {t('versions.save')}
          </Button>
        )
      }
    >
      {versions.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : versions.isError ? (
        <QueryError error={versions.error} onRetry={() => void versions.refetch()} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('versions.empty')} />
      ) : (
        <ol className="xs-version-list" data-testid="version-list">
          {items.map((v) => (
            <li key={v.id} className="xs-version" data-testid="version-item" data-version-id={v.id}>
              <div className="xs-version-head">
                <span className="xs-version-number">{t('versions.number', { number: v.number })}</span>
                <span className="xs-version-name" data-testid="version-name-text">
                  {v.name}
                </span>
                {v.kind === 'before_restore' && <Tag>{t('versions.auto')}</Tag>}
              </div>
              <div className="xs-version-meta">
                {t('versions.meta', {
                  author: v.author.displayName,
                  time: formatDateTime(v.createdAt),
                  length: v.textLength,
                })}
              </div>
              <div className="xs-version-hash" title={v.contentHash}>
                {t('versions.hash')} {v.contentHash.slice(0, 12)}
              </div>
              <div className="xs-version-actions">
                <Button
                  size="small"
                  icon={<EyeOutlined aria-hidden />}
                  onClick={() => setViewing(v)}
                  data-testid="version-view"
                >
                  {t('versions.view')}
                </Button>
                <Button
                  size="small"
                  icon={<DiffOutlined aria-hidden />}
                  onClick={() => setComparing(v.id)}
                  data-testid="version-compare"
                >
                  {t('versions.compare')}
                </Button>
                {doc.can.restoreVersion && (
                  <Popconfirm
                    title={t('versions.restore')}
                    description={
                      <div className="xs-popconfirm-text">{t('versions.restoreConfirm', { name: v.name })}</div>
                    }
                    onConfirm={() => onRestore(v)}
                    okButtonProps={{ loading: restore.isPending }}
                  >
                    <Button size="small" icon={<RollbackOutlined aria-hidden />} data-testid="version-restore">
                      {t('versions.restore')}
                    </Button>
                  </Popconfirm>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {saving && <SaveVersionModal documentId={doc.id} versions={items} onClose={() => setSaving(false)} />}
      {viewing && <VersionViewModal documentId={doc.id} version={viewing} onClose={() => setViewing(null)} />}
      {comparing && (
        <VersionCompareModal
          documentId={doc.id}
          versions={items}
          initialFrom={comparing}
          onClose={() => setComparing(null)}
        />
      )}
    </Drawer>
  );
}
