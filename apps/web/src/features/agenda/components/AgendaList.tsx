import type { AgendaItemStatus, AgendaItemView } from '@xieshang/protocol';
import { Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const statusColor: Record<AgendaItemStatus, string | undefined> = {
  pending: undefined,
  active: 'red',
  done: 'green',
  skipped: 'default',
};

/** The agenda as participants read it. */
export function AgendaList({ items }: { items: AgendaItemView[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agenda.empty')} />;
  return (
    <ol className="xs-agenda-list" data-testid="agenda-list">
      {items.map((item, index) => (
        <li key={item.id} className="xs-agenda-row" data-testid="agenda-item">
          <span className="xs-agenda-number" aria-hidden>
            {index + 1}
          </span>
          <div className="xs-agenda-body">
            <div className="xs-agenda-title">
              {item.title}
              {item.status !== 'pending' && (
                <Tag color={statusColor[item.status]}>{t(`agendaStatus.${item.status}`)}</Tag>
              )}
            </div>
            <AgendaItemMeta item={item} />
            {item.description && <p className="xs-agenda-description">{item.description}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}

export function AgendaItemMeta({ item }: { item: AgendaItemView }) {
  const { t } = useTranslation();
  const parts = [
    item.plannedMinutes ? t('agenda.minutes', { count: item.plannedMinutes }) : null,
    item.presenterName ? t('agenda.presenter', { name: item.presenterName }) : null,
  ].filter(Boolean);
  return parts.length > 0 ? <div className="xs-agenda-meta">{parts.join(' · ')}</div> : null;
}
