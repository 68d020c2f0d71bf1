import { CheckCircleFilled } from '@ant-design/icons';
import type { MeetingLiveState } from '@xieshang/protocol';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { roomApi } from '../api/room-api';
import { useRoomCommand } from '../hooks/useRoomCommand';
import { formatClock, useNow } from '../hooks/useNow';
import { timerElapsedMs } from '../room-state';

/** The agenda, the current item highlighted for everyone; the chair can move to any item. */
export function AgendaPanel({ state, clockOffsetMs }: { state: MeetingLiveState; clockOffsetMs: number }) {
  const { t } = useTranslation();
  const move = useRoomCommand((id: string) => roomApi.moveTo(state.meetingId, id));
  const canMove = state.me.canRun && state.status === 'live';
  return (
    <Card size="small" title={<h2 className="xs-card-title">{t('room.agenda.title')}</h2>} data-testid="room-agenda">
      {state.agenda.length === 0 && <p className="xs-muted">{t('room.agenda.empty')}</p>}
      <ol className="xs-room-agenda">
        {state.agenda.map((item) => {
          const current = item.id === state.currentAgendaItemId;
          return (
            <li
              key={item.id}
              className={`xs-room-agenda-item${current ? ' is-current' : ''}${item.status === 'done' ? ' is-done' : ''}`}
              aria-current={current ? 'step' : undefined}
              data-testid="room-agenda-item"
              data-current={current || undefined}
            >
              <span className="xs-room-agenda-pos">{item.position + 1}</span>
              <span className="xs-room-agenda-main">
                <span className="xs-room-agenda-title">{item.title}</span>
                <span className="xs-small xs-muted">
                  {[item.presenterName, item.plannedMinutes ? t('room.agenda.planned', { minutes: item.plannedMinutes }) : null]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                {current && state.itemTimer && <ItemTimer timer={state.itemTimer} clockOffsetMs={clockOffsetMs} />}
              </span>
              {item.status === 'done' && !current && (
                <CheckCircleFilled className="xs-room-done" aria-label={t('room.agenda.done')} />
              )}
              {canMove && !current && (
                <Button size="small" onClick={() => move.mutate(item.id)} loading={move.isPending && move.variables === item.id}>
                  {t('room.agenda.moveHere')}
                </Button>
              )}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}

function ItemTimer({
  timer,
  clockOffsetMs,
}: {
  timer: NonNullable<MeetingLiveState['itemTimer']>;
  clockOffsetMs: number;
}) {
  const { t } = useTranslation();
  const now = useNow(timer.runningSince !== null);
  const elapsed = timerElapsedMs(timer, now, clockOffsetMs);
  const over = timer.limitSeconds !== null && elapsed > timer.limitSeconds * 1000;
  return (
    <span className={`xs-room-timer${over ? ' is-over' : ''}`} aria-label={t('room.agenda.timer')}>
      {formatClock(elapsed)}
      {timer.limitSeconds !== null && ` / ${formatClock(timer.limitSeconds * 1000)}`}
    </span>
  );
}
