import { dayjs } from '../i18n/dayjs-locale';
import i18n from '../i18n/i18n';

/** "2026年12月3日 周四 14:30" / "Thu, Dec 3, 2026 14:30", in the viewer's time zone. */
export function formatDateTime(iso: string): string {
  return dayjs(iso).format(i18n.t('format.dateTime'));
}

export function formatDate(iso: string): string {
  return dayjs(iso).format(i18n.t('format.date'));
}

/** A meeting's time: the end shows only its clock time when it falls on the same day. */
export function formatTimeRange(start: string, end: string | null): string {
  if (!end) return formatDateTime(start);
  const from = dayjs(start);
  const to = dayjs(end);
  const endFormat = from.isSame(to, 'day') ? 'HH:mm' : i18n.t('format.dateTime');
  return `${from.format(i18n.t('format.dateTime'))} – ${to.format(endFormat)}`;
}
