import { ArrowUpOutlined, AudioOutlined } from '@ant-design/icons';
import type { MeetingLiveState, SpeechView } from '@xieshang/protocol';
import { Button, Card, Input, Progress, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roomApi } from '../api/room-api';
import { formatClock, useNow } from '../hooks/useNow';
import { useRoomCommand } from '../hooks/useRoomCommand';

/** The speech under way with its timer, the waiting queue, and my own request (发言). */
export function SpeakersPanel({ state, clockOffsetMs }: { state: MeetingLiveState; clockOffsetMs: number }) {
  const { t } = useTranslation();
  const [topic, setTopic] = useState('');
  const meetingId = state.meetingId;
  const request = useRoomCommand(
    (text: string) => roomApi.requestToSpeak(meetingId, text.trim() || null),
    () => setTopic(''),
  );
  const withdraw = useRoomCommand((id: string) => roomApi.withdraw(meetingId, id));
  const grant = useRoomCommand((id: string) => roomApi.grant(meetingId, id));
  const end = useRoomCommand(() => roomApi.endSpeech(meetingId));
  const reorder = useRoomCommand((ids: string[]) => roomApi.reorderSpeakers(meetingId, ids));
  const { queue, current } = state.speakers;
  const myIndex = queue.findIndex((q) => q.user.id === state.me.userId);
  const speakingMe = current?.speaker.id === state.me.userId;
  const live = state.status === 'live';
  const canRequest = live && myIndex < 0 && !speakingMe && state.me.role !== 'observer' && state.me.role !== null;

  return (
    <Card size="small" title={<h2 className="xs-card-title">{t('room.speakers.title')}</h2>} data-testid="room-speakers">
      <section aria-label={t('room.speakers.speaking')} className="xs-room-speaking">
        {current ? (
          <CurrentSpeech speech={current} clockOffsetMs={clockOffsetMs} />
        ) : (
          <p className="xs-muted">{t('room.speakers.nobody')}</p>
        )}
        {current && (state.me.canRun || speakingMe) && (
          <Button danger onClick={() => end.mutate()} loading={end.isPending} data-testid="room-end-speech">
            {t('room.speakers.end')}
          </Button>
        )}
      </section>

      <h3 className="xs-room-subtitle">{t('room.speakers.queue')}</h3>
      {queue.length === 0 ? (
        <p className="xs-muted xs-small">{t('room.speakers.queueEmpty')}</p>
      ) : (
        <ol className="xs-room-queue">
          {queue.map((q, i) => (
            <li key={q.id} data-testid="room-speaker-request" data-user-id={q.user.id}>
              <span className="xs-room-queue-who">
                <strong>{q.user.displayName}</strong>
                {q.topic && <span className="xs-small xs-muted">{q.topic}</span>}
              </span>
              {state.me.canRun && live && queue.length > 1 && (
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined aria-hidden />}
                  aria-label={t('room.speakers.moveUp')}
                  title={t('room.speakers.moveUp')}
                  disabled={i === 0 || reorder.isPending}
                  onClick={() => reorder.mutate(moveUp(queue.map((x) => x.id), i))}
                />
              )}
              {state.me.canRun && live && (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => grant.mutate(q.id)}
                  loading={grant.isPending && grant.variables === q.id}
                  data-testid="room-grant"
                >
                  {t('room.speakers.grant')}
                </Button>
              )}
            </li>
          ))}
        </ol>
      )}

      {myIndex >= 0 && (
        <Space wrap className="xs-gap-top">
          <span data-testid="room-my-request">{t('room.speakers.myTurnQueued', { position: myIndex + 1 })}</span>
          <Button onClick={() => withdraw.mutate(queue[myIndex]!.id)} loading={withdraw.isPending} data-testid="room-withdraw">
            {t('room.speakers.withdraw')}
          </Button>
        </Space>
      )}
      {canRequest && (
        <form
          className="xs-room-request"
          onSubmit={(e) => {
            e.preventDefault();
            request.mutate(topic);
          }}
        >
          <Input
            value={topic}
            onChange={(e) => setTopic(e.target.value)}
            maxLength={200}
            placeholder={t('room.speakers.topic')}
            aria-label={t('room.speakers.topic')}
            data-testid="room-speak-topic"
          />
          <Button htmlType="submit" type="primary" icon={<AudioOutlined aria-hidden />} loading={request.isPending} data-testid="room-request-speak">
            {t('room.speakers.request')}
          </Button>
        </form>
      )}
    </Card>
  );
}

/** The queue with the request at `index` one place earlier. */
function moveUp(ids: string[], index: number): string[] {
  const next = [...ids];
  [next[index - 1], next[index]] = [next[index]!, next[index - 1]!];
  return next;
}

function CurrentSpeech({ speech, clockOffsetMs }: { speech: SpeechView; clockOffsetMs: number }) {
  const { t } = useTranslation();
  const now = useNow(true);
  const elapsed = Math.max(0, now + clockOffsetMs - Date.parse(speech.startedAt));
  const limitMs = speech.limitSeconds * 1000;
  const over = elapsed > limitMs;
  return (
    <div data-testid="room-current-speaker" data-user-id={speech.speaker.id}>
      <div className="xs-room-speaker-line">
        <strong className="xs-room-speaker-name">{speech.speaker.displayName}</strong>
        <span className={`xs-room-timer${over ? ' is-over' : ''}`} role="timer">
          {formatClock(elapsed)} / {formatClock(limitMs)}
        </span>
      </div>
      {speech.topic && <p className="xs-small xs-muted">{speech.topic}</p>}
      <Progress
        percent={Math.min(100, (elapsed / limitMs) * 100)}
        showInfo={false}
        status={over ? 'exception' : 'active'}
        size="small"
        aria-label={over ? t('room.speakers.overtime') : t('room.speakers.limit', { minutes: Math.round(speech.limitSeconds / 60) })}
      />
      {over && <span className="xs-room-overtime">{t('room.speakers.overtime')}</span>}
    </div>
  );
}
