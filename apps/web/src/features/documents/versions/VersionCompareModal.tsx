import type { DocumentVersionView } from '@xieshang/protocol';
import { Flex, Form, Modal, Select, Skeleton } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../shared/ui/QueryStates';
import { useVersionDiff } from '../hooks/useDocumentVersions';
import { useDocumentsT } from '../i18n/documents-i18n';
import { VersionDiffView } from './VersionDiffView';

/** Compares two versions, or a version with the current text (the default). */
export function VersionCompareModal({
  documentId,
  versions,
  initialFrom,
  onClose,
}: {
  documentId: string;
  versions: DocumentVersionView[];
  initialFrom: string;
  onClose: () => void;
}) {
  const t = useDocumentsT();
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState('current');
  const diff = useVersionDiff(documentId, from, to);
  const options = versions.map((v) => ({
    value: v.id,
    label: `${t('versions.number', { number: v.number })} · ${v.name}`,
  }));

  return (
    <Modal
      open
      title={t('versions.diffTitle')}
      onCancel={onClose}
      footer={null}
      width={820}
      destroyOnHidden
      className="xs-version-modal"
    >
      <Form layout="vertical" component="div">
        <Flex wrap gap={12}>
          <Form.Item label={t('versions.from')} className="xs-diff-pick">
            <Select
              value={from}
              onChange={(v) => {
                setFrom(v);
                if (v === to) setTo('current');
              }}
              options={options}
              data-testid="diff-from"
            />
          </Form.Item>
          <Form.Item label={t('versions.to')} className="xs-diff-pick">
            <Select
              value={to}
              onChange={setTo}
              options={[{ value: 'current', label: t('versions.current') }, ...options.filter((o) => o.value !== from)]}
              data-testid="diff-to"
            />
          </Form.Item>
        </Flex>
      </Form>
      {diff.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : diff.isError ? (
        <QueryError error={diff.error} onRetry={() => void diff.refetch()} />
      ) : (
        <VersionDiffView diff={diff.data} />
      )}
    </Modal>
  );
}
