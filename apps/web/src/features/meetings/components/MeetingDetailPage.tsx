import { EditOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryError } from '../../../shared/ui/QueryStates';
import { AgendaList } from '../../agenda/components/AgendaList';
import { MeetingDocumentsCard } from '../../documents/components/MeetingDocumentsCard';
import { InvitationsPanel } from '../../invitations/components/InvitationsPanel';
import { ParticipantList } from '../../participants/components/ParticipantList';
import { useMeeting } from '../hooks/useMeetings';
import { MeetingInfo } from './MeetingInfo';
import { MeetingKindTag, MeetingStatusTag } from './MeetingTags';
import { MyAttendanceCard } from './MyAttendanceCard';

/**
 * A meeting before, during and after it is held: details, agenda, people. The live room
 * (speakers, opinions, polls, minutes) will be reached from here.
 */
export function MeetingDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { meetingId = '' } = useParams();
  const meeting = useMeeting(meetingId);

  if (meeting.isPending) {
    return (
      <div aria-busy="true" aria-label={t('common.loading')}>
        <Skeleton active title paragraph={{ rows: 1 }} />
        <Card className="xs-gap-top">
          <Skeleton active paragraph={{ rows: 5 }} />
        </Card>
      </div>
    );
  }
  if (meeting.isError) return <QueryError error={meeting.error} onRetry={() => void meeting.refetch()} />;

  const m = meeting.data;
  return (
    <div data-testid="meeting-detail" data-meeting-id={m.id}>
      <PageHeader
        back="/meetings"
        title={m.title}
        subtitle={
          <Flex wrap gap={4}>
            <MeetingStatusTag status={m.status} />
            <MeetingKindTag kind={m.kind} />
          </Flex>
        }
        actions={
          <>
            {m.status !== 'draft' && (
              <Button
                type="primary"
                icon={<TeamOutlined aria-hidden />}
                onClick={() => void navigate(`/meetings/${m.id}/room`)}
                data-testid="enter-room"
              >
                {t('room.enter')}
              </Button>
            )}
            {m.can.edit && (
              <Button
                icon={<EditOutlined aria-hidden />}
                onClick={() => void navigate(`/meetings/${m.id}/edit`)}
                data-testid="edit-meeting"
              >
                {t('meeting.edit')}
              </Button>
            )}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <MyAttendanceCard meeting={m} />
            <Card title={<h2 className="xs-card-title">{t('meeting.info')}</h2>} size="small">
              <MeetingInfo meeting={m} />
            </Card>
            <Card title={<h2 className="xs-card-title">{t('agenda.title')}</h2>} size="small">
              <AgendaList items={m.agenda} />
            </Card>
            <MeetingDocumentsCard
              meetingId={m.id}
              canCreate={m.can.edit || (m.myRole !== null && m.myRole !== 'observer')}
            />
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            <Card title={<h2 className="xs-card-title">{t('participants.title')}</h2>} size="small">
              <ParticipantList meetingId={m.id} participants={m.participants} manage={false} />
            </Card>
            {m.can.manageParticipants && (
              <Card title={<h2 className="xs-card-title">{t('invitations.title')}</h2>} size="small">
                <InvitationsPanel meetingId={m.id} />
              </Card>
            )}
          </Flex>
        </Col>
      </Row>
    </div>
  );
}
