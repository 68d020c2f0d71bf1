import { Button } from 'antd';
import { useDocumentsT } from '../../documents/i18n/documents-i18n';
import type { ConnectionPhase } from '../connection-phase';

/**
 * Always visible above the editor: whether what you type reaches the others now, or is being
 * kept on this device until the connection is back.
 */
export function ConnectionIndicator({ phase, onRetry }: { phase: ConnectionPhase; onRetry: () => void }) {
  const t = useDocumentsT();
  return (
    <div
      className={`xs-connection xs-connection-${phase}`}
      role="status"
      aria-live="polite"
      data-testid="connection-status"
      data-phase={phase}
    >
      <span className="xs-connection-dot" aria-hidden />
      <span className="xs-connection-text">{t(`connection.${phase}`)}</span>
      {(phase === 'unreachable' || phase === 'reconnecting') && (
        <Button size="small" type="link" onClick={onRetry} className="xs-connection-retry">
          {t('connection.retry')}
        </Button>
      )}
    </div>
  );
}
