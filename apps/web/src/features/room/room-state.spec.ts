import type { MeetingLiveState, PollPublic, PollResults } from '@xieshang/protocol';
import { describe, expect, it } from 'vitest';
import { applyRoomEvent, markVoted, timerElapsedMs } from './room-state';

const M = 'm1';
const ME = 'u-me';

function baseState(): MeetingLiveState {
  return {
    meetingId: M,
    title: '协商座谈会',
    status: 'live',
    startedAt: '2026-11-23T06:00:00.000Z',
    endedAt: null,
    serverTime: '2026-11-23T06:00:00.000Z',
    speakingLimitSeconds: 480,
    agenda: [
      { id: 'a1', position: 0, title: '通报', status: 'active', plannedMinutes: 10, presenterName: null },
      { id: 'a2', position: 1, title: '发言', status: 'pending', plannedMinutes: null, presenterName: null },
    ],
    currentAgendaItemId: 'a1',
    itemTimer: null,
    speakers: { queue: [], current: null },
    polls: [],
    opinions: [],
    attendance: {
      entitled: 3,
      present: 0,
      required: 2,
      quorumMet: false,
      attendees: [
        { userId: ME, displayName: '我', affiliation: null, role: 'member', attendance: 'confirmed', checkedInAt: null, entitled: true, presence: 'online' },
      ],
    },
    me: { userId: ME, role: 'member', canRun: false },
  };
}

function poll(over: Partial<PollPublic> = {}): PollPublic {
  return {
    id: 'p1', meetingId: M, agendaItemId: 'a1', title: '表决', description: null, method: 'secret',
    rule: 'simple_majority', quorum: null, allowGuests: false, options: ['赞成', '反对', '弃权'], status: 'open',
    documentVersionId: null, documentHash: null, createdAt: '2026-11-23T06:00:00.000Z', openedAt: null, closedAt: null,
    cast: 0, results: null, ...over,
  };
}

describe('applyRoomEvent', () => {
  it('session.state replaces everything; deltas before it are ignored', () => {
    expect(applyRoomEvent(null, { type: 'agenda.timer', payload: { meetingId: M, agendaItemId: 'a1', itemTimer: { runningSince: null, elapsedMs: 5, limitSeconds: null } } })).toBeNull();
    const s = baseState();
    expect(applyRoomEvent(null, { type: 'session.state', payload: s })).toBe(s);
  });

  it('ignores events of another meeting', () => {
    const s = baseState();
    expect(applyRoomEvent(s, { type: 'meeting.status', payload: { meetingId: 'other', status: 'ended', startedAt: null, endedAt: null } })).toBe(s);
  });

  it('moves the current agenda item', () => {
    const s = applyRoomEvent(baseState(), {
      type: 'agenda.current',
      payload: { meetingId: M, agenda: baseState().agenda.map((a) => ({ ...a, status: a.id === 'a2' ? 'active' : 'done' })), currentAgendaItemId: 'a2', itemTimer: null },
    })!;
    expect(s.currentAgendaItemId).toBe('a2');
    expect(s.agenda.map((a) => a.status)).toEqual(['done', 'active']);
  });

  it('my check-in updates attendance and makes an open poll votable', () => {
    let s = applyRoomEvent(baseState(), { type: 'poll.opened', payload: { meetingId: M, poll: poll() } })!;
    expect(s.polls[0]!.canVote).toBe(false);
    s = applyRoomEvent(s, {
      type: 'attendance.changed',
      payload: {
        meetingId: M,
        attendees: [{ ...s.attendance.attendees[0]!, attendance: 'checked_in' as const, checkedInAt: '2026-11-23T06:01:00.000Z' }],
        summary: { entitled: 3, present: 2, required: 2, quorumMet: true },
      },
    })!;
    expect(s.attendance).toMatchObject({ present: 2, quorumMet: true });
    expect(s.polls[0]!.canVote).toBe(true);
    s = applyRoomEvent(s, { type: 'presence.changed', payload: { meetingId: M, changes: [{ userId: ME, presence: 'away' }] } })!;
    expect(s.attendance.attendees[0]!.presence).toBe('away');
  });

  it('keeps the largest progress count, closes with results, and never re-enables a cast vote', () => {
    let s: MeetingLiveState = { ...baseState(), polls: [{ ...poll(), hasVoted: false, myChoice: null, canVote: true }] };
    s = applyRoomEvent(s, { type: 'poll.progress', payload: { meetingId: M, pollId: 'p1', cast: 2, entitled: 3 } })!;
    s = applyRoomEvent(s, { type: 'poll.progress', payload: { meetingId: M, pollId: 'p1', cast: 1, entitled: 3 } })!;
    expect(s.polls[0]!.cast).toBe(2);
    s = markVoted(s, 'p1', '赞成')!;
    expect(s.polls[0]).toMatchObject({ hasVoted: true, canVote: false, myChoice: '赞成', cast: 3 });
    // A re-sent poll.opened (e.g. another device) keeps what we know about our own vote.
    s = applyRoomEvent(s, { type: 'poll.opened', payload: { meetingId: M, poll: poll({ cast: 3 }) } })!;
    expect(s.polls[0]).toMatchObject({ hasVoted: true, canVote: false });
    const results: PollResults = {
      counts: { 赞成: 2, 反对: 1, 弃权: 0 }, cast: 3, abstained: 0, entitled: 3, present: 3,
      outcome: 'adopted', winner: null, required: 2, digest: 'x',
    };
    s = applyRoomEvent(s, { type: 'poll.closed', payload: { meetingId: M, pollId: 'p1', results } })!;
    expect(s.polls[0]).toMatchObject({ status: 'closed', results, canVote: false });
  });

  it('adds new opinions on top and replaces edited ones', () => {
    const opinion = {
      id: 'o1', meetingId: M, agendaItemId: 'a1', author: { id: 'u2', displayName: '李', affiliation: null }, stance: 'support' as const,
      content: '同意', adopted: false, adoptedAt: null, adoptedIntoPollId: null, createdAt: '2026-11-23T06:02:00.000Z', editedAt: null,
    };
    let s = applyRoomEvent(baseState(), { type: 'opinion.created', payload: { meetingId: M, opinion } })!;
    s = applyRoomEvent(s, { type: 'opinion.updated', payload: { meetingId: M, opinion: { ...opinion, content: '完全同意' } } })!;
    expect(s.opinions.map((o) => o.content)).toEqual(['完全同意']);
  });
});

describe('timerElapsedMs', () => {
  it('adds the running time measured on the server clock', () => {
    const since = Date.parse('2026-11-23T06:00:00.000Z');
    expect(timerElapsedMs({ runningSince: null, elapsedMs: 1234 }, since + 99_000, 0)).toBe(1234);
    // The client clock is 5 s behind the server.
    expect(timerElapsedMs({ runningSince: '2026-11-23T06:00:00.000Z', elapsedMs: 1000 }, since + 10_000 - 5_000, 5_000)).toBe(11_000);
  });
});
