import { useMutation, useQuery } from '@tanstack/react-query';
import type { AcceptInvitationBody } from '@xieshang/protocol';
import { Alert, Button, Descriptions, Form, Input, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/api-error';
import { session } from '../../../shared/auth/session';
import { useSession } from '../../../shared/auth/useSession';
import { formatDateTime } from '../../../shared/ui/format';
import { AuthLayout } from '../../auth/components/AuthLayout';
import { acceptInvitation, previewInvitation } from '../api/invitations-api';

/** /invite/:token — a guest names themself and enters the one meeting the link is for. */
export function InviteAcceptPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const current = useSession();
  const preview = useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: ({ signal }) => previewInvitation(token, signal),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: (body: AcceptInvitationBody) => acceptInvitation(token, body),
    meta: { toastError: false },
    onSuccess: (response) => {
      session.start(response);
      void navigate(`/meetings/${response.meetingId}`, { replace: true });
    },
  });

  if (preview.isError) {
    const invalid = ApiError.is(preview.error) && preview.error.status < 500;
    return (
      <AuthLayout title={t('invite.title')}>
        <Result
          status={invalid ? 'warning' : 'error'}
          title={invalid ? t('invite.invalid') : preview.error.message}
          subTitle={invalid ? t('invite.invalidHint') : undefined}
          data-testid="invite-invalid"
        />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('invite.title')} subtitle={t('invite.subtitle')}>
      {preview.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <>
          <Descriptions
            column={1}
            size="small"
            className="xs-gap-bottom"
            items={[
              { key: 'meeting', label: t('invite.meeting'), children: <strong>{preview.data.meetingTitle}</strong> },
              { key: 'time', label: t('meeting.time'), children: formatDateTime(preview.data.scheduledAt) },
              { key: 'role', label: t('invite.role'), children: t(`participantRoles.${preview.data.role}`) },
            ]}
          />
          {current.status === 'signed-in' && current.user.role !== 'guest' && (
            <Alert
              type="info"
              showIcon
              title={t('invite.signedInAs', { name: current.user.displayName })}
              className="xs-auth-alert"
            />
          )}
          {accept.error && (
            <Alert type="error" showIcon title={accept.error.message} className="xs-auth-alert" role="alert" />
          )}
          <Form<AcceptInvitationBody>
            layout="vertical"
            requiredMark={false}
            initialValues={{ displayName: preview.data.name ?? '', affiliation: preview.data.affiliation ?? '' }}
            onFinish={(values) =>
              accept.mutate({
                displayName: values.displayName.trim(),
                affiliation: values.affiliation?.trim() || undefined,
              })
            }
            disabled={accept.isPending}
            data-testid="invite-form"
          >
            <Form.Item
              name="displayName"
              label={t('invite.displayName')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input autoComplete="name" maxLength={64} size="large" data-testid="invite-name" />
            </Form.Item>
            <Form.Item name="affiliation" label={t('invite.affiliation')}>
              <Input autoComplete="organization" maxLength={200} size="large" />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              size="large"
              block
              loading={accept.isPending}
              data-testid="invite-accept"
            >
              {t('invite.accept')}
            </Button>
          </Form>
        </>
      )}
    </AuthLayout>
  );
}
