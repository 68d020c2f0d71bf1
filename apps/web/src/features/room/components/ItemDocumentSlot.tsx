import { FileTextOutlined } from '@ant-design/icons';
import type { MeetingLiveState } from '@xieshang/protocol';
import { useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { roomApi } from '../api/room-api';

/**
 * Where the co-edited document of the current item sits. For now a link to the editor page
 * (features/documents owns the editor); the editor can be embedded here later.
 */
export function ItemDocumentSlot({ state }: { state: MeetingLiveState }) {
  const { t } = useTranslation();
  const itemId = state.currentAgendaItemId;
  const docs = useQuery({
    queryKey: ['room', state.meetingId, 'item-documents', itemId],
    queryFn: () => roomApi.itemDocuments(state.meetingId, itemId!),
    enabled: itemId !== null,
    staleTime: 30_000,
  });
  const items = docs.data?.items ?? [];
  return (
    <Card size="small" title={<h2 className="xs-card-title">{t('room.document.title')}</h2>} data-testid="room-document">
      {itemId === null ? (
        <p className="xs-muted xs-small">{t('room.document.noItem')}</p>
      ) : items.length === 0 ? (
        <p className="xs-muted xs-small">{docs.isPending ? t('common.loading') : t('room.document.none')}</p>
      ) : (
        <ul className="xs-room-docs">
          {items.map((d) => (
            <li key={d.id}>
              <Link to={`/documents/${d.id}`} data-testid="room-document-link">
                <FileTextOutlined aria-hidden /> {d.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
