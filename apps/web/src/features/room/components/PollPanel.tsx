import type { MeetingLiveState, PollResults, PollView } from '@xieshang/protocol';
import { Button, Card, Popconfirm, Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../../shared/ui/FeedbackProvider';
import { roomApi } from '../api/room-api';
import { useRoomCommand } from '../hooks/useRoomCommand';

interface Props {
  state: MeetingLiveState;
  noteVoted(pollId: string, option: string): void;
}

/** Polls (表决), newest first: cast a ballot in one tap, live count while open, results after close. */
export function PollPanel({ state, noteVoted }: Props) {
  const { t } = useTranslation();
  // Drafts are the chair's business until they are opened.
  const polls = state.polls.filter((p) => p.status !== 'draft' || state.me.canRun);
  return (
    <Card size="small" title={<h2 className="xs-card-title">{t('room.polls.title')}</h2>} data-testid="room-polls">
      {polls.length === 0 ? (
        <p className="xs-muted">{t('room.polls.empty')}</p>
      ) : (
        <div className="xs-room-polls">
          {polls.map((p) => (
            <PollCard key={p.id} poll={p} state={state} noteVoted={noteVoted} />
          ))}
        </div>
      )}
    </Card>
  );
}

function PollCard({ poll, state, noteVoted }: { poll: PollView } & Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const open = useRoomCommand(() => roomApi.openPoll(poll.id));
  const close = useRoomCommand(() => roomApi.closePoll(poll.id));
  const vote = useRoomCommand(
    (option: string) => roomApi.castBallot(poll.id, option),
    () => toast.success(t('room.polls.voteRecorded')),
  );
  const entitled = state.attendance.entitled;
  const statusLabel = { draft: t('room.polls.draft'), open: t('room.polls.openStatus'), closed: t('room.polls.closed') }[poll.status];
  const me = state.attendance.attendees.find((a) => a.userId === state.me.userId);
  const voting = poll.canVote;
  return (
    <section
      className={`xs-room-poll${voting ? ' is-voting' : ''}`}
      data-testid="room-poll"
      data-poll-id={poll.id}
      data-status={poll.status}
      aria-label={poll.title}
    >
      <div className="xs-room-poll-head">
        <Tag color={poll.status === 'open' ? 'processing' : poll.status === 'closed' ? 'default' : 'warning'}>{statusLabel}</Tag>
        <Tag>{poll.method === 'named' ? t('room.polls.named') : t('room.polls.secret')}</Tag>
        <h3 className="xs-room-poll-title">{poll.title}</h3>
      </div>
      <p className="xs-small xs-muted">{t(`room.polls.rules.${poll.rule}`)}</p>

      {poll.status === 'open' && (
        <>
          <div className="xs-room-progress" data-testid="room-poll-progress" data-cast={poll.cast}>
            <span>{t('room.polls.progress', { cast: poll.cast, entitled })}</span>
            <Progress percent={entitled ? (poll.cast / entitled) * 100 : 0} showInfo={false} size="small" />
          </div>
          {voting && (
            <div className="xs-room-ballot" role="group" aria-label={poll.title}>
              {poll.options.map((option) => (
                <Button
                  key={option}
                  size="large"
                  autoInsertSpace={false}
                  type={option === '赞成' ? 'primary' : 'default'}
                  danger={option === '反对'}
                  disabled={vote.isPending}
                  loading={vote.isPending && vote.variables === option}
                  onClick={() =>
                    vote.mutate(option, {
                      onSuccess: () => noteVoted(poll.id, option),
                    })
                  }
                  data-testid="room-vote-option"
                >
                  {option}
                </Button>
              ))}
            </div>
          )}
          {poll.hasVoted && (
            <p className="xs-room-voted" data-testid="room-poll-voted">
              {t('room.polls.voted')}
              {poll.myChoice && ` · ${t('room.polls.yourChoice', { option: poll.myChoice })}`}
            </p>
          )}
          {!voting && !poll.hasVoted && me?.entitled && me.attendance !== 'checked_in' && (
            <p className="xs-small xs-muted">{t('room.attendance.checkInFirst')}</p>
          )}
        </>
      )}

      {poll.status === 'closed' && poll.hasVoted && (
        <p className="xs-room-voted xs-small">
          {t('room.polls.voted')}
          {poll.myChoice && ` · ${t('room.polls.yourChoice', { option: poll.myChoice })}`}
        </p>
      )}
      {poll.status === 'closed' && poll.results && <PollResultChart results={poll.results} options={poll.options} />}

      {state.me.canRun && poll.status !== 'closed' && (
        <div className="xs-room-poll-actions">
          {poll.status === 'draft' && (
            <Button type="primary" onClick={() => open.mutate()} loading={open.isPending} data-testid="room-poll-open">
              {t('room.polls.open')}
            </Button>
          )}
          {poll.status === 'open' && (
            <Popconfirm title={t('room.polls.closeConfirm')} onConfirm={() => close.mutate()} okButtonProps={{ 'data-testid': 'room-poll-close-confirm' }}>
              <Button danger loading={close.isPending} data-testid="room-poll-close">
                {t('room.polls.close')}
              </Button>
            </Popconfirm>
          )}
        </div>
      )}
    </section>
  );
}

/** Plain CSS bars: each option's share of the ballots cast. */
export function PollResultChart({ results, options }: { results: PollResults; options: string[] }) {
  const { t } = useTranslation();
  const color = { adopted: 'green', rejected: 'red', no_quorum: 'orange' }[results.outcome];
  return (
    <div className="xs-room-results" data-testid="room-poll-results" data-outcome={results.outcome}>
      <div className="xs-room-results-head">
        <strong>{t('room.polls.results')}</strong>
        <Tag color={color} data-testid="room-poll-outcome">
          {t(`room.polls.outcome.${results.outcome}`)}
        </Tag>
        <span className="xs-small xs-muted">
          {t('room.polls.cast', { count: results.cast })} · {t('room.polls.required', { count: results.required })}
        </span>
      </div>
      <ul className="xs-room-bars">
        {options.map((option) => {
          const n = results.counts[option] ?? 0;
          const pct = results.cast ? Math.round((n / results.cast) * 100) : 0;
          return (
            <li key={option} data-testid="room-result-row" data-option={option} data-count={n}>
              <span className="xs-room-bar-label">{option}</span>
              <span className="xs-room-bar-track" aria-hidden>
                <span className="xs-room-bar-fill" style={{ width: `${pct}%` }} data-option={option} />
              </span>
              <span className="xs-room-bar-value">
                {n} <span className="xs-muted xs-small">({pct}%)</span>
              </span>
            </li>
          );
        })}
      </ul>
      {results.votes && results.votes.length > 0 && (
        <details className="xs-small">
          <summary>{t('room.polls.votes')}</summary>
          <ul className="xs-room-people">
            {results.votes.map((v) => (
              <li key={v.userId}>
                {v.displayName}：{v.option}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
