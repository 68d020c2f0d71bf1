import type { MeetingLiveState, OpinionStance } from '@xieshang/protocol';
import { Button, Card, Input, Segmented, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayjs } from '../../../shared/i18n/dayjs-locale';
import { roomApi, STANCES } from '../api/room-api';
import { useRoomCommand } from '../hooks/useRoomCommand';

const STANCE_COLOR: Record<OpinionStance, string> = {
  support: 'green',
  oppose: 'red',
  supplement: 'blue',
  other: 'default',
};

/** The live opinions feed (意见) with stance filters, and the form to post one on the current item. */
export function OpinionsPanel({ state }: { state: MeetingLiveState }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<OpinionStance | 'all'>('all');
  const [stance, setStance] = useState<OpinionStance>('support');
  const [content, setContent] = useState('');
  const itemId = state.currentAgendaItemId;
  const post = useRoomCommand(
    (body: { agendaItemId: string; stance: OpinionStance; content: string }) => roomApi.postOpinion(state.meetingId, body),
    () => setContent(''),
  );
  const adopt = useRoomCommand(({ id, adopted }: { id: string; adopted: boolean }) => roomApi.adoptOpinion(id, adopted));
  const titles = useMemo(() => new Map(state.agenda.map((a) => [a.id, a.title])), [state.agenda]);
  const shown = filter === 'all' ? state.opinions : state.opinions.filter((o) => o.stance === filter);
  const canPost = state.status === 'live' && itemId !== null && state.me.role !== null && state.me.role !== 'observer';

  return (
    <Card size="small" title={<h2 className="xs-card-title">{t('room.opinions.title')}</h2>} data-testid="room-opinions">
      {canPost ? (
        <form
          className="xs-room-opinion-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (content.trim()) post.mutate({ agendaItemId: itemId, stance, content: content.trim() });
          }}
        >
          <Segmented
            block
            value={stance}
            onChange={(v) => setStance(v as OpinionStance)}
            options={STANCES.map((s) => ({ value: s, label: t(`room.opinions.stance.${s}`) }))}
            aria-label={t('room.opinions.stance.support')}
            data-testid="room-opinion-stance"
          />
          <Input.TextArea
            value={content}
            onChange={(e) => setContent(e.target.value)}
            maxLength={2000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('room.opinions.placeholder')}
            aria-label={t('room.opinions.content')}
            data-testid="room-opinion-content"
          />
          <Button htmlType="submit" type="primary" disabled={!content.trim()} loading={post.isPending} data-testid="room-opinion-post">
            {t('room.opinions.post')}
          </Button>
        </form>
      ) : (
        state.status === 'live' && itemId === null && <p className="xs-muted xs-small">{t('room.opinions.needItem')}</p>
      )}

      <Segmented
        className="xs-room-filter"
        size="small"
        value={filter}
        onChange={(v) => setFilter(v as OpinionStance | 'all')}
        options={[
          { value: 'all', label: t('room.opinions.all') },
          ...STANCES.map((s) => ({ value: s, label: t(`room.opinions.stance.${s}`) })),
        ]}
        data-testid="room-opinion-filter"
      />
      {shown.length === 0 ? (
        <p className="xs-muted">{t('room.opinions.empty')}</p>
      ) : (
        <ul className="xs-room-feed">
          {shown.map((o) => (
            <li key={o.id} data-testid="room-opinion" data-stance={o.stance}>
              <div className="xs-room-feed-head">
                <Tag color={STANCE_COLOR[o.stance]}>{t(`room.opinions.stance.${o.stance}`)}</Tag>
                <strong>{o.author.displayName}</strong>
                <span className="xs-small xs-muted">
                  {dayjs(o.createdAt).format('HH:mm')}
                  {o.editedAt && ` · ${t('room.opinions.edited')}`}
                </span>
                {o.adopted && <Tag color="gold">{t('room.opinions.adopted')}</Tag>}
              </div>
              <p className="xs-prewrap xs-room-feed-text">{o.content}</p>
              <div className="xs-small xs-muted xs-room-feed-foot">
                <span>{titles.get(o.agendaItemId)}</span>
                {state.me.canRun && (
                  <Button
                    size="small"
                    type="link"
                    onClick={() => adopt.mutate({ id: o.id, adopted: !o.adopted })}
                    loading={adopt.isPending && adopt.variables?.id === o.id}
                  >
                    {o.adopted ? t('room.opinions.unadopt') : t('room.opinions.adopt')}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
