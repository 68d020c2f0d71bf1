import { LinkOutlined, StopOutlined } from '@ant-design/icons';
import type { InvitationView } from '@xieshang/protocol';
import { Alert, Button, Empty, Flex, Modal, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/ui/format';
import { useInvitationMutations, useInvitations } from '../hooks/useInvitations';
import { CreateInvitationModal } from './CreateInvitationModal';

const stateColor: Record<InvitationView['state'], string> = {
  active: 'green',
  expired: 'default',
  used_up: 'default',
  revoked: 'red',
};

/** Guest links for people without an account (特邀代表, officials, experts). Organisers only. */
export function InvitationsPanel({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const invitations = useInvitations(meetingId);
  const { revoke } = useInvitationMutations(meetingId);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<InvitationView | null>(null);
  const link = created?.url ? new URL(created.url, window.location.origin).href : null;

  return (
    <div data-testid="invitations-panel">
      <p className="xs-muted">{t('invitations.explain')}</p>
      <Button icon={<LinkOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="invitation-create">
        {t('invitations.create')}
      </Button>
      {invitations.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : invitations.isError ? (
        <Alert type="error" title={invitations.error.message} className="xs-gap-top" />
      ) : invitations.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('invitations.empty')} />
      ) : (
        <ul className="xs-invitation-list">
          {invitations.data.items.map((inv) => (
            <li key={inv.id} className="xs-invitation-row" data-testid="invitation-row">
              <div className="xs-invitation-main">
                <Flex wrap gap={4} align="center">
                  <strong>{inv.name || t('invitations.unnamed')}</strong>
                  <Tag>{t(`participantRoles.${inv.role}`)}</Tag>
                  <Tag color={stateColor[inv.state]}>{t(`invitations.state.${inv.state}`)}</Tag>
                </Flex>
                {inv.affiliation && <div className="xs-muted xs-small">{inv.affiliation}</div>}
                <div className="xs-muted xs-small">
                  {t('invitations.uses', { uses: inv.uses, max: inv.maxUses })} ·{' '}
                  {t('invitations.expires', { time: formatDateTime(inv.expiresAt) })}
                </div>
              </div>
              {inv.state === 'active' && (
                <Popconfirm
                  title={t('invitations.revokeConfirm')}
                  okText={t('invitations.revoke')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => revoke.mutateAsync(inv.id)}
                >
                  <Button size="small" danger icon={<StopOutlined aria-hidden />} data-testid="invitation-revoke">
                    {t('invitations.revoke')}
                  </Button>
                </Popconfirm>
              )}
            </li>
          ))}
        </ul>
      )}
      {creating && (
        <CreateInvitationModal
          meetingId={meetingId}
          onClose={() => setCreating(false)}
          onCreated={(inv) => {
            setCreating(false);
            setCreated(inv);
          }}
        />
      )}
      <Modal
        open={!!created}
        title={t('invitations.createdTitle')}
        onCancel={() => setCreated(null)}
        footer={
          <Button type="primary" onClick={() => setCreated(null)} data-testid="invitation-link-done">
            {t('common.done')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('invitations.onlyOnce')} className="xs-gap-bottom" />
        {link && (
          <Typography.Paragraph copyable={{ text: link }} className="xs-invite-link" data-testid="invitation-link">
            {link}
          </Typography.Paragraph>
        )}
      </Modal>
    </div>
  );
}
