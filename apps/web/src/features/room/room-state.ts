import type {
  MeetingLiveState,
  PollPublic,
  PollView,
  ServerToClientEventName,
  ServerToClientPayload,
} from '@xieshang/protocol';

/** One server event as the reducer sees it: its name and its (protocol-typed) payload. */
export type RoomEvent = {
  [E in ServerToClientEventName]: { type: E; payload: ServerToClientPayload<E> };
}[ServerToClientEventName];

/** How many recent opinions the feed keeps (the server's full state sends the newest ones too). */
export const OPINION_FEED_LIMIT = 200;

/** A public poll seen from this caller: keep what we knew about our own vote. */
function asView(poll: PollPublic, known: PollView | undefined, state: MeetingLiveState): PollView {
  const hasVoted = known?.hasVoted ?? false;
  const role = state.me.role;
  const entitled = role === 'chair' || role === 'member' || (role === 'guest' && poll.allowGuests);
  const checkedIn = state.attendance.attendees.some((a) => a.userId === state.me.userId && a.attendance === 'checked_in');
  return {
    ...poll,
    hasVoted,
    myChoice: known?.myChoice ?? null,
    canVote: poll.status === 'open' && !hasVoted && entitled && checkedIn,
  };
}

function upsertPoll(state: MeetingLiveState, poll: PollPublic): PollView[] {
  const known = state.polls.find((p) => p.id === poll.id);
  const view = asView(poll, known, state);
  return known ? state.polls.map((p) => (p.id === poll.id ? view : p)) : [view, ...state.polls];
}

/**
 * Applies one socket event to the room state. Pure, so it is unit-tested without a socket.
 * Events for another meeting are ignored; `session.state` replaces everything.
 */
export function applyRoomEvent(state: MeetingLiveState | null, event: RoomEvent): MeetingLiveState | null {
  if (event.type === 'session.state') return event.payload;
  if (!state || event.payload.meetingId !== state.meetingId) return state;
  switch (event.type) {
    case 'meeting.status': {
      const { status, startedAt, endedAt } = event.payload;
      return { ...state, status, startedAt, endedAt };
    }
    case 'agenda.current': {
      const { agenda, currentAgendaItemId, itemTimer } = event.payload;
      return { ...state, agenda, currentAgendaItemId, itemTimer };
    }
    case 'agenda.timer':
      return event.payload.agendaItemId === state.currentAgendaItemId
        ? { ...state, itemTimer: event.payload.itemTimer }
        : state;
    case 'attendance.changed': {
      // Batched: the participants whose attendance changed, and the new counts.
      const { attendees: changed, summary } = event.payload;
      const byId = new Map(changed.map((a) => [a.userId, a]));
      const known = new Set(state.attendance.attendees.map((a) => a.userId));
      const attendees = [
        ...state.attendance.attendees.map((a) => byId.get(a.userId) ?? a),
        ...changed.filter((a) => !known.has(a.userId)),
      ];
      const next = { ...state, attendance: { ...summary, attendees } };
      // Checking in may make open polls votable for me.
      if (!byId.has(state.me.userId)) return next;
      return { ...next, polls: next.polls.map((p) => asView(p, p, next)) };
    }
    case 'presence.changed': {
      const changes = new Map(event.payload.changes.map((c) => [c.userId, c.presence]));
      const attendees = state.attendance.attendees.map((a) => {
        const presence = changes.get(a.userId);
        return presence ? { ...a, presence } : a;
      });
      return { ...state, attendance: { ...state.attendance, attendees } };
    }
    case 'speakers.changed': {
      const { queue, current } = event.payload;
      return { ...state, speakers: { queue, current } };
    }
    case 'opinion.created':
    case 'opinion.updated': {
      const { opinion } = event.payload;
      const exists = state.opinions.some((o) => o.id === opinion.id);
      const opinions = exists
        ? state.opinions.map((o) => (o.id === opinion.id ? opinion : o))
        : [opinion, ...state.opinions].slice(0, OPINION_FEED_LIMIT);
      return { ...state, opinions };
    }
    case 'poll.created':
    case 'poll.opened':
      return { ...state, polls: upsertPoll(state, event.payload.poll) };
    case 'poll.progress': {
      const { pollId, cast } = event.payload;
      // Progress is throttled and may arrive out of order: the count only grows while open.
      return {
        ...state,
        polls: state.polls.map((p) => (p.id === pollId && p.status === 'open' ? { ...p, cast: Math.max(p.cast, cast) } : p)),
      };
    }
    case 'poll.closed': {
      const { pollId, results } = event.payload;
      return {
        ...state,
        polls: state.polls.map((p) =>
          p.id === pollId ? { ...p, status: 'closed', results, cast: results.cast, canVote: false } : p,
        ),
      };
    }
    case 'poll.voted': {
      const { pollId } = event.payload;
      return {
        ...state,
        polls: state.polls.map((p) => (p.id === pollId ? { ...p, hasVoted: true, canVote: false } : p)),
      };
    }
  }
}

/** A ballot this client just cast (the HTTP answer carries no choice; we remember it locally). */
export function markVoted(state: MeetingLiveState | null, pollId: string, option: string): MeetingLiveState | null {
  if (!state) return state;
  return {
    ...state,
    polls: state.polls.map((p) =>
      p.id === pollId
        ? { ...p, hasVoted: true, canVote: false, myChoice: option, cast: p.hasVoted ? p.cast : p.cast + 1 }
        : p,
    ),
  };
}

/** Milliseconds a timer has run at `now`, given the offset between server and client clocks. */
export function timerElapsedMs(
  timer: { runningSince: string | null; elapsedMs: number },
  now: number,
  clockOffsetMs: number,
): number {
  if (!timer.runningSince) return timer.elapsedMs;
  return timer.elapsedMs + Math.max(0, now + clockOffsetMs - Date.parse(timer.runningSince));
}
