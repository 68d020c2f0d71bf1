import type { MeetingDetail } from '@xieshang/protocol';
import { Descriptions, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatTimeRange } from '../../../shared/ui/format';

export function MeetingInfo({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const items: DescriptionsProps['items'] = [
    {
      key: 'time',
      label: t('meeting.time'),
      span: 'filled' as const,
      children: formatTimeRange(meeting.scheduledAt, meeting.endsAt),
    },
    { key: 'kind', label: t('meeting.kind'), children: t(`meetingKinds.${meeting.kind}`) },
    meeting.place ? { key: 'place', label: t('meeting.place'), children: meeting.place } : null,
    meeting.onlineUrl
      ? {
          key: 'online',
          label: t('meeting.onlineUrl'),
          children: (
            <a href={meeting.onlineUrl} target="_blank" rel="noopener noreferrer" className="xs-break">
              {meeting.onlineUrl}
            </a>
          ),
        }
      : null,
    meeting.startedAt
      ? { key: 'started', label: t('meeting.startedAt'), children: formatDateTime(meeting.startedAt) }
      : null,
    meeting.endedAt ? { key: 'ended', label: t('meeting.endedAt'), children: formatDateTime(meeting.endedAt) } : null,
    meeting.topic
      ? {
          key: 'topic',
          label: t('meeting.topic'),
          span: 'filled' as const,
          children: <p className="xs-prewrap">{meeting.topic}</p>,
        }
      : null,
  ].filter((item) => item !== null);
  return <Descriptions column={{ xs: 1, sm: 1, md: 2 }} items={items} size="small" />;
}
