import { CheckOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryError } from '../../../shared/ui/QueryStates';
import { StatusPage } from '../../../shared/ui/StatusPage';
import { AgendaBuilder } from '../../agenda/components/AgendaBuilder';
import { ParticipantList } from '../../participants/components/ParticipantList';
import { ParticipantPicker } from '../../participants/components/ParticipantPicker';
import { useCreateMeeting, useMeeting, useUpdateMeeting } from '../hooks/useMeetings';
import { MeetingForm, type MeetingFormValues, toMeetingBody } from './MeetingForm';
import { useToast } from '../../../shared/ui/FeedbackProvider';

function Section({
  step,
  title,
  children,
  testId,
}: {
  step: number;
  title: string;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Card
      size="small"
      data-testid={testId}
      title={
        <h2 className="xs-card-title">
          <span className="xs-step" aria-hidden>
            {step}
          </span>
          {title}
        </h2>
      }
    >
      {children}
    </Card>
  );
}

/**
 * /meetings/new and /meetings/:id/edit. Creating saves the details first; the agenda and the
 * participant list are edited on the saved meeting (each change is saved as it is made).
 */
export function MeetingEditorPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const location = useLocation();
  const { meetingId } = useParams();
  const meeting = useMeeting(meetingId);
  const create = useCreateMeeting();
  const update = useUpdateMeeting(meetingId ?? '');
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;

  if (meetingId && meeting.isPending) {
    return (
      <div aria-busy="true">
        <Skeleton active paragraph={{ rows: 1 }} />
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </div>
    );
  }
  if (meetingId && meeting.isError) return <QueryError error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const existing = meeting.data;
  if (existing && !existing.can.edit) return <StatusPage status={403} />;

  const save = async (values: MeetingFormValues) => {
    const body = toMeetingBody(values);
    if (!existing) {
      const created = await create.mutateAsync({ ...body, status: body.status === 'draft' ? 'draft' : 'scheduled' });
      void navigate(`/meetings/${created.id}/edit`, { replace: true, state: { created: true } });
    } else {
      await update.mutateAsync(body);
      toast.success(t('editor.saved'));
    }
  };

  const notYet = <p className="xs-muted">{t('editor.saveFirst')}</p>;

  return (
    <>
      <PageHeader
        back={existing ? `/meetings/${existing.id}` : '/meetings'}
        title={existing ? t('editor.editTitle') : t('editor.newTitle')}
        subtitle={existing?.title}
        actions={
          existing && (
            <Button
              type="primary"
              icon={<CheckOutlined aria-hidden />}
              onClick={() => void navigate(`/meetings/${existing.id}`)}
              data-testid="editor-done"
            >
              {t('editor.done')}
            </Button>
          )
        }
      />
      {justCreated && existing && (
        <Alert
          type="success"
          showIcon
          closable
          title={t('editor.createdTitle')}
          description={t('editor.createdText')}
          className="xs-gap-bottom"
        />
      )}
      <Flex vertical gap={16}>
        <Section step={1} title={t('editor.details')} testId="editor-details">
          <MeetingForm
            key={existing?.id ?? 'new'}
            meeting={existing}
            submitting={create.isPending || update.isPending}
            onSubmit={save}
          />
        </Section>
        <Section step={2} title={t('agenda.title')} testId="editor-agenda">
          {existing ? <AgendaBuilder meeting={existing} /> : notYet}
        </Section>
        <Section step={3} title={t('participants.title')} testId="editor-participants">
          {existing ? (
            <>
              {existing.can.manageParticipants && (
                <ParticipantPicker meetingId={existing.id} participants={existing.participants} />
              )}
              <ParticipantList
                meetingId={existing.id}
                participants={existing.participants}
                manage={existing.can.manageParticipants}
              />
            </>
          ) : (
            notYet
          )}
        </Section>
      </Flex>
    </>
  );
}
