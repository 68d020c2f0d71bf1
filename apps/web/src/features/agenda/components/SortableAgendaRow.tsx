import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, HolderOutlined } from '@ant-design/icons';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { AgendaItemView } from '@xieshang/protocol';
import { Button, Popconfirm, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { AgendaItemMeta } from './AgendaList';

interface Props {
  item: AgendaItemView;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onEdit: () => void;
  onDelete: () => Promise<unknown>;
}

export function SortableAgendaRow({ item, index, count, onMove, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
  });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`xs-agenda-row${isDragging ? ' xs-agenda-row-dragging' : ''}`}
      data-testid="agenda-item"
      data-agenda-id={item.id}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="xs-drag-handle"
        aria-label={t('agenda.dragHandle', { title: item.title })}
        data-testid="agenda-drag-handle"
        {...attributes}
        {...listeners}
      >
        <HolderOutlined aria-hidden />
      </button>
      <span className="xs-agenda-number" aria-hidden>
        {index + 1}
      </span>
      <div className="xs-agenda-body">
        <div className="xs-agenda-title" data-testid="agenda-item-title-text">
          {item.title}
        </div>
        <AgendaItemMeta item={item} />
      </div>
      <div className="xs-agenda-actions">
        <Tooltip title={t('agenda.moveUp')}>
          <Button
            type="text"
            size="small"
            icon={<ArrowUpOutlined />}
            aria-label={t('agenda.moveUpNamed', { title: item.title })}
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
            data-testid="agenda-move-up"
          />
        </Tooltip>
        <Tooltip title={t('agenda.moveDown')}>
          <Button
            type="text"
            size="small"
            icon={<ArrowDownOutlined />}
            aria-label={t('agenda.moveDownNamed', { title: item.title })}
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
            data-testid="agenda-move-down"
          />
        </Tooltip>
        <Tooltip title={t('common.edit')}>
          <Button
            type="text"
            size="small"
            icon={<EditOutlined />}
            aria-label={t('agenda.editNamed', { title: item.title })}
            onClick={onEdit}
            data-testid="agenda-edit"
          />
        </Tooltip>
        <Popconfirm
          title={t('agenda.deleteConfirm', { title: item.title })}
          okText={t('common.delete')}
          okButtonProps={{ danger: true }}
          onConfirm={onDelete}
        >
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('agenda.deleteNamed', { title: item.title })}
            data-testid="agenda-delete"
          />
        </Popconfirm>
      </div>
    </li>
  );
}
