import { CheckCircleOutlined, CloseCircleOutlined, LoginOutlined } from '@ant-design/icons';
import type { MeetingDetail } from '@xieshang/protocol';
import { Button, Card, Flex } from 'antd';
import { dayjs } from '../../../shared/i18n/dayjs-locale';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../shared/auth/useSession';
import { formatDateTime } from '../../../shared/ui/format';
import { useMyAttendance } from '../hooks/useMeetings';
import { AttendanceTag, RoleTag } from './MeetingTags';

/** The viewer's own part: role, reply to the invitation, check in on the day (server rules in `can`). */
export function MyAttendanceCard({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { rsvp, checkIn } = useMyAttendance(meeting.id);
  if (!meeting.myRole || !meeting.myAttendance) return null;

  const attendance = meeting.myAttendance;
  const me = meeting.participants.find((p) => p.userId === user.id);
  const canReply = meeting.can.rsvp;
  // Check-in opens when the meeting is announced; the button is offered on the day itself.
  const onTheDay = meeting.status === 'live' || dayjs(meeting.scheduledAt).isSame(dayjs(), 'day');
  const canCheckIn = meeting.can.checkIn && onTheDay;
  const busy = rsvp.isPending || checkIn.isPending;

  return (
    <Card size="small" className="xs-my-attendance" title={t('attendanceCard.title')} data-testid="my-attendance">
      <Flex wrap gap={8} align="center">
        <span>{t('attendanceCard.myRole')}</span>
        <RoleTag role={meeting.myRole} />
        <AttendanceTag attendance={attendance} />
        {attendance === 'checked_in' && me?.checkedInAt && (
          <span className="xs-muted">{t('attendanceCard.checkedInAt', { time: formatDateTime(me.checkedInAt) })}</span>
        )}
      </Flex>
      {(canReply || canCheckIn) && (
        <Flex wrap gap={8} className="xs-my-attendance-actions">
          {canCheckIn && (
            <Button
              type="primary"
              icon={<LoginOutlined aria-hidden />}
              loading={checkIn.isPending}
              disabled={busy}
              onClick={() => checkIn.mutate()}
              data-testid="check-in"
            >
              {t('attendanceCard.checkIn')}
            </Button>
          )}
          {canReply && (
            <>
              <Button
                type={attendance === 'confirmed' ? 'primary' : 'default'}
                ghost={attendance === 'confirmed'}
                icon={<CheckCircleOutlined aria-hidden />}
                aria-pressed={attendance === 'confirmed'}
                loading={rsvp.isPending && rsvp.variables?.response === 'confirmed'}
                disabled={busy}
                onClick={() => rsvp.mutate({ response: 'confirmed' })}
                data-testid="rsvp-confirm"
              >
                {t('attendanceCard.confirm')}
              </Button>
              <Button
                icon={<CloseCircleOutlined aria-hidden />}
                aria-pressed={attendance === 'declined'}
                danger={attendance === 'declined'}
                loading={rsvp.isPending && rsvp.variables?.response === 'declined'}
                disabled={busy}
                onClick={() => rsvp.mutate({ response: 'declined' })}
                data-testid="rsvp-decline"
              >
                {t('attendanceCard.decline')}
              </Button>
            </>
          )}
        </Flex>
      )}
    </Card>
  );
}
