import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { PlusOutlined } from '@ant-design/icons';
import type { AgendaItemView, MeetingDetail } from '@xieshang/protocol';
import { Alert, Button, Empty, Flex } from 'antd';
import { dayjs } from '../../../shared/i18n/dayjs-locale';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgendaMutations } from '../hooks/useAgenda';
import { AgendaItemModal, type AgendaItemValues } from './AgendaItemModal';
import { SortableAgendaRow } from './SortableAgendaRow';

/**
 * Add, edit, delete and reorder a meeting's agenda. Reordering works by dragging the handle
 * (mouse or touch), by keyboard on the handle (Space, arrows, Space), or with the up/down
 * buttons; every reorder sends the complete new order in one PUT.
 */
export function AgendaBuilder({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const { create, update, remove, reorder } = useAgendaMutations(meeting.id);
  const [editing, setEditing] = useState<AgendaItemView | 'new' | null>(null);
  const items = meeting.agenda;
  const ids = useMemo(() => items.map((item) => item.id), [items]);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const titleOf = (id: string | number) => items.find((item) => item.id === id)?.title ?? '';
  const positionOf = (id: string | number) => ids.indexOf(String(id)) + 1;

  const move = (from: number, to: number) => {
    if (from === to || to < 0 || to >= ids.length) return;
    reorder.mutate(arrayMove(ids, from, to));
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over) move(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };

  const save = (values: AgendaItemValues) => {
    const presenter = meeting.participants.find((p) => p.user.displayName === values.presenterName?.trim());
    const body = {
      title: values.title.trim(),
      plannedMinutes: values.plannedMinutes ?? null,
      presenterName: values.presenterName?.trim() || null,
      presenterId: presenter?.userId ?? null,
      description: values.description?.trim() || null,
    };
    const done = () => setEditing(null);
    return editing === 'new' || editing === null
      ? create.mutateAsync(body).then(done)
      : update.mutateAsync({ id: editing.id, body }).then(done);
  };

  const plannedTotal = items.reduce((sum, item) => sum + (item.plannedMinutes ?? 0), 0);
  const scheduledMinutes = meeting.endsAt ? dayjs(meeting.endsAt).diff(dayjs(meeting.scheduledAt), 'minute') : null;
  const overrun = scheduledMinutes !== null && plannedTotal > scheduledMinutes ? plannedTotal - scheduledMinutes : 0;

  return (
    <div className="xs-agenda-builder" data-testid="agenda-builder">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agenda.emptyEditable')} />
      ) : (
        <>
          <p className="xs-visually-hidden" id="xs-agenda-dnd-help">
            {t('agenda.dnd.instructions')}
          </p>
          <DndContext
            sensors={sensors}
            collisionDetection={closestCenter}
            onDragEnd={onDragEnd}
            accessibility={{
              screenReaderInstructions: { draggable: t('agenda.dnd.instructions') },
              announcements: {
                onDragStart: ({ active }) =>
                  t('agenda.dnd.picked', { title: titleOf(active.id), position: positionOf(active.id) }),
                onDragOver: ({ active, over }) =>
                  over ? t('agenda.dnd.over', { title: titleOf(active.id), position: positionOf(over.id) }) : undefined,
                onDragEnd: ({ active, over }) =>
                  over
                    ? t('agenda.dnd.dropped', { title: titleOf(active.id), position: positionOf(over.id) })
                    : undefined,
                onDragCancel: ({ active }) => t('agenda.dnd.cancelled', { title: titleOf(active.id) }),
              },
            }}
          >
            <SortableContext items={ids} strategy={verticalListSortingStrategy}>
              <ol
                className="xs-agenda-list xs-agenda-list-editable"
                data-testid="agenda-list"
                aria-describedby="xs-agenda-dnd-help"
              >
                {items.map((item, index) => (
                  <SortableAgendaRow
                    key={item.id}
                    item={item}
                    index={index}
                    count={items.length}
                    onMove={(to) => move(index, to)}
                    onEdit={() => setEditing(item)}
                    onDelete={() => remove.mutateAsync(item.id)}
                  />
                ))}
              </ol>
            </SortableContext>
          </DndContext>
        </>
      )}
      <Flex wrap justify="space-between" align="center" gap={8} className="xs-agenda-footer">
        <span className="xs-muted" aria-live="polite">
          {items.length > 0 && t('agenda.summary', { count: items.length, minutes: plannedTotal })}
        </span>
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} data-testid="agenda-add">
          {t('agenda.add')}
        </Button>
      </Flex>
      {overrun > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('agenda.overrun', { minutes: overrun })}
          className="xs-agenda-overrun"
        />
      )}
      {editing && (
        <AgendaItemModal
          item={editing === 'new' ? null : editing}
          participants={meeting.participants}
          saving={create.isPending || update.isPending}
          onSave={save}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
