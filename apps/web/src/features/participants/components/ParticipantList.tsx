import { DeleteOutlined, DownOutlined } from '@ant-design/icons';
import { canRemoveParticipant } from '@xieshang/domain';
import { type Attendance, ParticipantRole, type ParticipantView } from '@xieshang/protocol';
import { Avatar, Button, Dropdown, Empty, Flex, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/ui/format';
import { AttendanceTag, RoleTag } from '../../meetings/components/MeetingTags';
import { useParticipantMutations } from '../hooks/useParticipants';

const roleOrder = Object.fromEntries(ParticipantRole.options.map((role, i) => [role, i])) as Record<
  ParticipantRole,
  number
>;

/** Chair first, then secretary, members, guests, observers; by name within a role. */
export function sortParticipants(participants: ParticipantView[], locale: string): ParticipantView[] {
  const collator = new Intl.Collator(locale);
  return [...participants].sort(
    (a, b) => roleOrder[a.role] - roleOrder[b.role] || collator.compare(a.user.displayName, b.user.displayName),
  );
}

export function AttendanceSummary({ participants }: { participants: ParticipantView[] }) {
  const { t } = useTranslation();
  const counts = new Map<Attendance, number>();
  for (const p of participants) counts.set(p.attendance, (counts.get(p.attendance) ?? 0) + 1);
  const shown: Attendance[] = ['checked_in', 'confirmed', 'declined', 'invited'];
  return (
    <p className="xs-attendance-summary" data-testid="attendance-summary">
      {t('participants.total', { count: participants.length })}
      {shown
        .filter((a) => counts.get(a))
        .map((a) => (
          <span key={a}>
            {' · '}
            {t(`attendance.${a}`)} {counts.get(a)}
          </span>
        ))}
    </p>
  );
}

interface Props {
  meetingId: string;
  participants: ParticipantView[];
  /** Organisers change roles and remove people; everyone else reads. */
  manage: boolean;
}

export function ParticipantList({ meetingId, participants, manage }: Props) {
  const { t, i18n } = useTranslation();
  const { changeRole, remove } = useParticipantMutations(meetingId);
  if (participants.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('participants.empty')} />;
  }
  return (
    <>
      <AttendanceSummary participants={participants} />
      <ul className="xs-participant-list" data-testid="participant-list">
        {sortParticipants(participants, i18n.language).map((p) => (
          <li key={p.id} className="xs-participant-row" data-testid="participant-row" data-user-id={p.userId}>
            <Avatar size="small" aria-hidden className="xs-avatar-soft">
              {p.user.displayName.slice(0, 1)}
            </Avatar>
            <div className="xs-participant-name">
              <div>{p.user.displayName}</div>
              {p.user.affiliation && <div className="xs-muted xs-small">{p.user.affiliation}</div>}
              {p.checkedInAt && (
                <div className="xs-muted xs-small">
                  {t('participants.checkedInAt', { time: formatDateTime(p.checkedInAt) })}
                </div>
              )}
            </div>
            <Flex wrap gap={4} align="center" justify="flex-end" className="xs-participant-tags">
              {manage ? (
                <Dropdown
                  trigger={['click']}
                  menu={{
                    selectable: true,
                    selectedKeys: [p.role],
                    items: ParticipantRole.options.map((role) => ({ key: role, label: t(`participantRoles.${role}`) })),
                    onClick: ({ key }) => changeRole.mutate({ id: p.id, role: key as ParticipantRole }),
                  }}
                >
                  <Button
                    size="small"
                    aria-label={t('participants.changeRole', { name: p.user.displayName })}
                    data-testid="participant-role-change"
                  >
                    {t(`participantRoles.${p.role}`)} <DownOutlined aria-hidden />
                  </Button>
                </Dropdown>
              ) : (
                <RoleTag role={p.role} />
              )}
              <AttendanceTag attendance={p.attendance} />
              {manage && canRemoveParticipant(p.attendance) && (
                <Popconfirm
                  title={t('participants.removeConfirm', { name: p.user.displayName })}
                  okText={t('common.remove')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove.mutateAsync(p.id)}
                >
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('participants.removeNamed', { name: p.user.displayName })}
                    data-testid="participant-remove"
                  />
                </Popconfirm>
              )}
            </Flex>
          </li>
        ))}
      </ul>
    </>
  );
}
