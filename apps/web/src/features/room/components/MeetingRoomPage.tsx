import { Alert, Card, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useMeetingRoom } from '../hooks/useMeetingRoom';
import '../room.css';
import { AgendaPanel } from './AgendaPanel';
import { AttendancePanel } from './AttendancePanel';
import { ChairConsole } from './ChairConsole';
import { ConnectionBanner } from './ConnectionBanner';
import { ItemDocumentSlot } from './ItemDocumentSlot';
import { OpinionsPanel } from './OpinionsPanel';
import { PollPanel } from './PollPanel';
import { SpeakersPanel } from './SpeakersPanel';

const STATUS_COLOR = { draft: 'default', scheduled: 'blue', live: 'green', ended: 'default', archived: 'default' } as const;

/**
 * The meeting itself (会议室): one live state from the socket, panels that send commands over
 * HTTP. Desktop: three columns; phones: one column in the order people need during a meeting
 * (check in, vote, speak, give opinions), with an open ballot pinned to the bottom of the screen.
 */
export function MeetingRoomPage() {
  const { t } = useTranslation();
  const { meetingId = '' } = useParams();
  const room = useMeetingRoom(meetingId);
  const { state, connection } = room;

  if (!state) {
    return (
      <div className="xs-room" aria-busy={connection === 'connecting'}>
        <ConnectionBanner connection={connection} />
        {connection !== 'refused' && (
          <Card className="xs-gap-top">
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        )}
      </div>
    );
  }

  const current = state.agenda.find((a) => a.id === state.currentAgendaItemId);
  const voting = state.polls.some((p) => p.canVote);
  return (
    <div
      className={`xs-room${voting ? ' has-ballot' : ''}`}
      data-testid="meeting-room"
      data-status={state.status}
      data-connection={connection}
    >
      <ConnectionBanner connection={connection} />
      <PageHeader
        back={`/meetings/${meetingId}`}
        title={state.title}
        subtitle={
          <span className="xs-room-subtitle-line">
            <Tag color={STATUS_COLOR[state.status]} data-testid="room-status">
              {t(`room.status.${state.status}`)}
            </Tag>
            {current ? (
              <span data-testid="room-current-item">
                {t('room.agenda.current')}：<strong>{current.title}</strong>
              </span>
            ) : (
              <span className="xs-muted">{t('room.agenda.none')}</span>
            )}
          </span>
        }
      />
      {state.status === 'scheduled' && !state.me.canRun && <Alert type="info" showIcon title={t('room.notStarted')} className="xs-gap-bottom" />}
      {state.status === 'ended' && <Alert type="success" showIcon title={t('room.ended')} className="xs-gap-bottom" />}
      <div className="xs-room-grid">
        <div className="xs-room-area-side">
          <AttendancePanel state={state} resync={room.resync} />
          <AgendaPanel state={state} clockOffsetMs={room.clockOffsetMs} />
        </div>
        <div className="xs-room-area-main">
          <SpeakersPanel state={state} clockOffsetMs={room.clockOffsetMs} />
          <OpinionsPanel state={state} />
          <ItemDocumentSlot state={state} />
        </div>
        <div className="xs-room-area-votes">
          {state.me.canRun && <ChairConsole state={state} />}
          <PollPanel state={state} noteVoted={room.noteVoted} />
        </div>
      </div>
    </div>
  );
}
