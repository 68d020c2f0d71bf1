import { CalendarOutlined, EnvironmentOutlined, LinkOutlined, TeamOutlined } from '@ant-design/icons';
import type { MeetingSummary } from '@xieshang/protocol';
import { Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTimeRange } from '../../../shared/ui/format';
import { AttendanceTag, MeetingKindTag, MeetingStatusTag, RoleTag } from './MeetingTags';

/** One meeting in the list; the title link covers the whole card, so the card is one tab stop. */
export function MeetingCard({ meeting }: { meeting: MeetingSummary }) {
  const { t } = useTranslation();
  return (
    <Card className="xs-meeting-card" data-testid="meeting-card" data-meeting-id={meeting.id} size="small">
      <Flex wrap gap={4} className="xs-meeting-card-tags">
        <MeetingStatusTag status={meeting.status} />
        <MeetingKindTag kind={meeting.kind} />
      </Flex>
      <h2 className="xs-meeting-card-title">
        <Link to={`/meetings/${meeting.id}`} className="xs-stretched-link" data-testid="meeting-card-link">
          {meeting.title}
        </Link>
      </h2>
      <ul className="xs-meeting-facts">
        <li>
          <CalendarOutlined aria-label={t('meeting.time')} />
          <span>{formatTimeRange(meeting.scheduledAt, meeting.endsAt)}</span>
        </li>
        {meeting.place && (
          <li>
            <EnvironmentOutlined aria-label={t('meeting.place')} />
            <span>{meeting.place}</span>
          </li>
        )}
        {!meeting.place && meeting.onlineUrl && (
          <li>
            <LinkOutlined aria-label={t('meeting.onlineUrl')} />
            <span>{t('meeting.online')}</span>
          </li>
        )}
        <li>
          <TeamOutlined aria-label={t('meeting.participants')} />
          <span>{t('meeting.participantCount', { count: meeting.participantCount })}</span>
        </li>
      </ul>
      {meeting.myRole && (
        <Flex wrap gap={4} align="center" className="xs-meeting-card-mine">
          <span className="xs-muted">{t('meeting.myRole')}</span>
          <RoleTag role={meeting.myRole} />
          {meeting.myAttendance && <AttendanceTag attendance={meeting.myAttendance} />}
        </Flex>
      )}
    </Card>
  );
}
