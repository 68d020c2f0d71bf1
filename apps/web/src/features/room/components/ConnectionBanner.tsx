import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoomConnection } from '../hooks/useMeetingRoom';

/** Says plainly when what is on screen may be stale; nothing at all while connected. */
export function ConnectionBanner({ connection }: { connection: RoomConnection }) {
  const { t } = useTranslation();
  if (connection === 'live') return null;
  const type = connection === 'refused' ? 'error' : connection === 'connecting' ? 'info' : 'warning';
  return (
    <Alert
      className="xs-room-banner"
      role="status"
      aria-live="polite"
      type={type}
      showIcon
      banner
      title={t(`room.connection.${connection}`)}
      data-testid="room-connection"
      data-connection={connection}
    />
  );
}
