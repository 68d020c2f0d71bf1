import type { MeetingLiveState } from '@xieshang/protocol';
import { Badge, Button, Card, Collapse, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { dayjs } from '../../../shared/i18n/dayjs-locale';
import { roomApi } from '../api/room-api';
import { useRoomCommand } from '../hooks/useRoomCommand';

const PRESENCE_COLOR = { online: 'green', away: 'gold', offline: 'default' } as const;

/** 应到 / 实到, the quorum, my own check-in (签到) and who is here. */
export function AttendancePanel({ state, resync }: { state: MeetingLiveState; resync(): void }) {
  const { t } = useTranslation();
  // Re-read the room after my check-in: it is what makes my ballot count, so do not wait for a push.
  const checkIn = useRoomCommand(() => roomApi.checkIn(state.meetingId), resync);
  const { attendance } = state;
  const mine = attendance.attendees.find((a) => a.userId === state.me.userId);
  const canCheckIn = mine && mine.attendance !== 'checked_in' && (state.status === 'live' || state.status === 'scheduled');
  return (
    <Card size="small" title={<h2 className="xs-card-title">{t('room.attendance.title')}</h2>} data-testid="room-attendance">
      <div className="xs-room-counts">
        <span>
          {t('room.attendance.entitled')} <strong data-testid="room-entitled">{attendance.entitled}</strong>
        </span>
        <span>
          {t('room.attendance.present')} <strong data-testid="room-present">{attendance.present}</strong>
        </span>
        <Tag color={attendance.quorumMet ? 'green' : 'orange'} data-testid="room-quorum" data-met={attendance.quorumMet}>
          {attendance.quorumMet ? t('room.attendance.quorumMet') : t('room.attendance.quorumNotMet')}
        </Tag>
        <span className="xs-small xs-muted">{t('room.attendance.required', { count: attendance.required })}</span>
      </div>
      {mine?.attendance === 'checked_in' && mine.checkedInAt && (
        <p className="xs-small xs-room-checked" data-testid="room-checked-in">
          {t('room.attendance.checkedIn', { time: dayjs(mine.checkedInAt).format('HH:mm') })}
        </p>
      )}
      {canCheckIn && (
        <Button
          type="primary"
          block
          size="large"
          className="xs-gap-top"
          onClick={() => checkIn.mutate()}
          loading={checkIn.isPending}
          data-testid="room-check-in"
        >
          {t('room.attendance.checkIn')}
        </Button>
      )}
      <Collapse
        ghost
        size="small"
        items={[
          {
            key: 'list',
            label: t('room.attendance.showAll', { count: attendance.attendees.length }),
            children: (
              <ul className="xs-room-people">
                {attendance.attendees.map((a) => (
                  <li key={a.userId}>
                    <Badge color={PRESENCE_COLOR[a.presence]} text={a.displayName} title={t(`room.attendance.${a.presence}`)} />
                    {a.attendance === 'checked_in' && <Tag color="blue">{t('room.attendance.checkIn')}</Tag>}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </Card>
  );
}
