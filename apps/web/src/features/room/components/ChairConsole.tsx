import type { MeetingLiveState, PollMethod, PollRule } from '@xieshang/protocol';
import { Button, Card, Flex, Input, Popconfirm, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roomApi } from '../api/room-api';
import { useRoomCommand } from '../hooks/useRoomCommand';

const RULES: PollRule[] = ['simple_majority', 'majority_present', 'two_thirds_entitled'];

/** Everything only the chair (or secretary, staff) does, in one place: the meeting, the item timer, new polls. */
export function ChairConsole({ state }: { state: MeetingLiveState }) {
  const { t } = useTranslation();
  const id = state.meetingId;
  const start = useRoomCommand(() => roomApi.start(id));
  const end = useRoomCommand(() => roomApi.end(id));
  const move = useRoomCommand((itemId: string) => roomApi.moveTo(id, itemId));
  const timer = useRoomCommand((action: 'start' | 'pause' | 'reset') => roomApi.itemTimer(id, { action }));
  const live = state.status === 'live';
  const currentIndex = state.agenda.findIndex((a) => a.id === state.currentAgendaItemId);
  const next = state.agenda[currentIndex + 1];

  return (
    <Card
      size="small"
      className="xs-room-console"
      title={<h2 className="xs-card-title">{t('room.chair.title')}</h2>}
      data-testid="room-chair-console"
    >
      <Flex wrap gap={8}>
        {(state.status === 'scheduled' || state.status === 'draft') && (
          <Button type="primary" onClick={() => start.mutate()} loading={start.isPending} data-testid="room-start">
            {t('room.chair.start')}
          </Button>
        )}
        {live && next && (
          <Button type="primary" onClick={() => move.mutate(next.id)} loading={move.isPending} data-testid="room-next-item">
            {t('room.chair.nextItem')}
          </Button>
        )}
        {live && state.itemTimer && (
          <>
            {state.itemTimer.runningSince ? (
              <Button onClick={() => timer.mutate('pause')}>{t('room.chair.timerPause')}</Button>
            ) : (
              <Button onClick={() => timer.mutate('start')}>{t('room.chair.timerStart')}</Button>
            )}
            <Button onClick={() => timer.mutate('reset')}>{t('room.chair.timerReset')}</Button>
          </>
        )}
        {live && (
          <Popconfirm title={t('room.chair.endConfirm')} onConfirm={() => end.mutate()}>
            <Button danger loading={end.isPending} data-testid="room-end">
              {t('room.chair.end')}
            </Button>
          </Popconfirm>
        )}
      </Flex>
      {live && <CreatePollForm state={state} />}
    </Card>
  );
}

function CreatePollForm({ state }: { state: MeetingLiveState }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [method, setMethod] = useState<PollMethod>('secret');
  const [rule, setRule] = useState<PollRule>('simple_majority');
  const create = useRoomCommand(
    () =>
      roomApi.createPoll(state.meetingId, {
        title: title.trim(),
        method,
        rule,
        agendaItemId: state.currentAgendaItemId,
      }),
    () => setTitle(''),
  );
  return (
    <form
      className="xs-room-create-poll"
      aria-label={t('room.polls.create')}
      onSubmit={(e) => {
        e.preventDefault();
        if (title.trim()) create.mutate();
      }}
    >
      <h3 className="xs-room-subtitle">{t('room.polls.create')}</h3>
      <Input
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        maxLength={200}
        placeholder={t('room.polls.pollTitle')}
        aria-label={t('room.polls.pollTitle')}
        data-testid="room-poll-title"
      />
      <Radio.Group
        value={method}
        onChange={(e) => setMethod(e.target.value as PollMethod)}
        optionType="button"
        aria-label={t('room.polls.method')}
        options={[
          { value: 'secret', label: t('room.polls.secret') },
          { value: 'named', label: t('room.polls.named') },
        ]}
        data-testid="room-poll-method"
      />
      <Select
        value={rule}
        onChange={setRule}
        aria-label={t('room.polls.rule')}
        options={RULES.map((r) => ({ value: r, label: t(`room.polls.rules.${r}`) }))}
      />
      <Button htmlType="submit" disabled={!title.trim()} loading={create.isPending} data-testid="room-poll-create">
        {t('room.polls.createSubmit')}
      </Button>
    </form>
  );
}
