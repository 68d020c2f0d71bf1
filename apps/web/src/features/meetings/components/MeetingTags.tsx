import type { Attendance, MeetingKind, MeetingStatus, ParticipantRole } from '@xieshang/protocol';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const statusColor: Record<MeetingStatus, string> = {
  draft: 'default',
  scheduled: 'blue',
  live: 'red',
  ended: 'default',
  archived: 'default',
};

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor[status]} className={status === 'live' ? 'xs-tag-live' : undefined}>
      {status === 'live' && <span className="xs-live-dot" aria-hidden />}
      {t(`meetingStatus.${status}`)}
    </Tag>
  );
}

/**
 * Every meeting kind, in the order menus list them. Typed against the protocol enum (a missing
 * or unknown kind is a compile error) without loading zod on the list page.
 */
const kindOrder: Record<MeetingKind, number> = { consultation: 0, investigation: 1, inspection: 2, study: 3 };
export const MEETING_KINDS = (Object.keys(kindOrder) as MeetingKind[]).sort((a, b) => kindOrder[a] - kindOrder[b]);
export const isMeetingKind = (value: unknown): value is MeetingKind =>
  typeof value === 'string' && Object.hasOwn(kindOrder, value);

export function MeetingKindTag({ kind }: { kind: MeetingKind }) {
  const { t } = useTranslation();
  return (
    <Tag variant="outlined" color="gold">
      {t(`meetingKinds.${kind}`)}
    </Tag>
  );
}

const attendanceColor: Record<Attendance, string> = {
  invited: 'default',
  confirmed: 'green',
  declined: 'orange',
  checked_in: 'cyan',
  left: 'default',
};

export function AttendanceTag({ attendance }: { attendance: Attendance }) {
  const { t } = useTranslation();
  return <Tag color={attendanceColor[attendance]}>{t(`attendance.${attendance}`)}</Tag>;
}

export function RoleTag({ role }: { role: ParticipantRole }) {
  const { t } = useTranslation();
  const color = role === 'chair' ? 'volcano' : role === 'secretary' ? 'geekblue' : undefined;
  return <Tag color={color}>{t(`participantRoles.${role}`)}</Tag>;
}
