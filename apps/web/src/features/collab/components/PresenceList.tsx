import { Avatar, Tooltip } from 'antd';
import { useDocumentsT } from '../../documents/i18n/documents-i18n';
import type { Peer } from '../presence';

/** The people in the document, in their caret colours; names shown in full on wide screens. */
export function PresenceList({ peers }: { peers: Peer[] }) {
  const t = useDocumentsT();
  const label = (p: Peer) =>
    `${p.self ? t('presence.you', { name: p.name }) : p.name}${p.readOnly ? ` · ${t('presence.readOnly')}` : ''}`;
  return (
    <section className="xs-presence" aria-label={t('presence.label')}>
      <span className="xs-visually-hidden">{t('presence.count', { count: peers.length })}</span>
      <ul className="xs-presence-list" data-testid="presence-list">
        {peers.map((p) => (
          <li key={p.id} className="xs-presence-person" data-testid="presence-person" data-user-id={p.id}>
            <Tooltip title={label(p)}>
              <Avatar size="small" style={{ backgroundColor: p.color }} aria-hidden>
                {Array.from(p.name)[0]}
              </Avatar>
            </Tooltip>
            <span className="xs-presence-name">{label(p)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
