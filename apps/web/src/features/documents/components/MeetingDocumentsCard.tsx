import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Skeleton } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../shared/ui/QueryStates';
import { useDocumentList } from '../hooks/useDocuments';
import { useDocumentsT } from '../i18n/documents-i18n';
import { CreateDocumentModal } from './CreateDocumentModal';
import { DocumentRows } from './DocumentRows';
import './documents.css';

const SHOWN = 10;

/**
 * A meeting's documents (proposals and reports discussed there), for the meeting page:
 * `<MeetingDocumentsCard meetingId={m.id} canCreate={…} />`.
 */
export function MeetingDocumentsCard({ meetingId, canCreate }: { meetingId: string; canCreate: boolean }) {
  const t = useDocumentsT();
  const [creating, setCreating] = useState(false);
  const list = useDocumentList({ meetingId, limit: SHOWN });
  return (
    <Card
      size="small"
      title={<h2 className="xs-card-title">{t('meetingCard.title')}</h2>}
      extra={
        <Flex gap={8}>
          {canCreate && (
            <Button
              size="small"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setCreating(true)}
              data-testid="meeting-new-document"
            >
              {t('meetingCard.new')}
            </Button>
          )}
        </Flex>
      }
      data-testid="meeting-documents"
    >
      {list.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetingCard.empty')} />
      ) : (
        <>
          <DocumentRows documents={list.data.items} />
          {list.data.total > SHOWN && (
            <Link to={`/documents?meetingId=${encodeURIComponent(meetingId)}`}>{t('meetingCard.all')}</Link>
          )}
        </>
      )}
      {creating && <CreateDocumentModal meetingId={meetingId} onClose={() => setCreating(false)} />}
    </Card>
  );
}
