import { PlusOutlined } from '@ant-design/icons';
import { DocumentKind } from '@xieshang/protocol';
import { Button, Card, Empty, Flex, Input, Pagination, Select, Skeleton } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryError } from '../../../shared/ui/QueryStates';
import { useDocumentList } from '../hooks/useDocuments';
import { useDocumentsT } from '../i18n/documents-i18n';
import { CreateDocumentModal } from './CreateDocumentModal';
import { DocumentRows } from './DocumentRows';
import './documents.css';

const PAGE_SIZE = 20;

/** Every document the viewer may see (authors, the meeting's participants, the secretariat). */
export function DocumentListPage() {
  const t = useDocumentsT();
  const [params, setParams] = useSearchParams();
  const meetingId = params.get('meetingId') ?? undefined;
  const kindParam = params.get('kind');
  const kind = DocumentKind.safeParse(kindParam).success ? (kindParam as DocumentKind) : undefined;
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(q);
  const [creating, setCreating] = useState(false);
  const list = useDocumentList({
    meetingId,
    kind,
    q: q || undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };

  const filtered = !!(kind || q || meetingId);
  return (
    <div data-testid="document-list-page">
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        actions={
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setCreating(true)}
            data-testid="new-document"
          >
            {t('list.new')}
          </Button>
        }
      />
      <Flex wrap gap={8} className="xs-filters">
        <Input.Search
          aria-label={t('list.searchLabel')}
          placeholder={t('list.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => update({ q: value.trim() || undefined })}
          allowClear
          className="xs-filter-search"
        />
        <Select
          aria-label={t('list.kindFilter')}
          value={kind ?? ''}
          onChange={(v) => update({ kind: v || undefined })}
          options={[
            { value: '', label: t('list.allKinds') },
            ...DocumentKind.options.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
          ]}
          className="xs-filter-kind"
        />
        {meetingId && <Button onClick={() => update({ meetingId: undefined })}>{t('list.clearMeeting')}</Button>}
      </Flex>
      <Card size="small" className="xs-gap-top">
        {list.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t(filtered ? 'list.emptyFiltered' : 'list.empty')}
            data-testid="documents-empty"
          />
        ) : (
          <>
            <DocumentRows documents={list.data.items} />
            {list.data.total > PAGE_SIZE && (
              <Pagination
                className="xs-pagination"
                current={page}
                pageSize={PAGE_SIZE}
                total={list.data.total}
                showSizeChanger={false}
                onChange={(p) => update({ page: String(p) })}
              />
            )}
          </>
        )}
      </Card>
      {creating && <CreateDocumentModal meetingId={meetingId} onClose={() => setCreating(false)} />}
    </div>
  );
}
