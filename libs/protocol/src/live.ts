import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';
import { errorMessages, type ErrorCode } from './errors.js';
import { AgendaItemStatus, Attendance, MeetingStatus, ParticipantRole } from './meetings.js';
import { OpinionEvent, OpinionView } from './opinions.js';
import {
  PollClosedEvent,
  PollCreatedEvent,
  PollOpenedEvent,
  PollProgressEvent,
  PollView,
  PollVotedEvent,
} from './polls.js';
import { SpeakersChangedEvent, SpeakersState } from './speakers.js';

/**
 * The live meeting room: socket.io namespace `/meeting`. A client connects with
 * `io(BASE + MEETING_NAMESPACE, { auth: { token, meetingId } })` (never a token in the URL),
 * receives `session.state` at once, then the events below. Commands are HTTP endpoints;
 * the socket only pushes what changed. A refused connection gets `connect_error` whose
 * `message` is an error code (`authentication_required`, `not_found`, `forbidden`, …) and
 * whose `data` is `{ code, message }`.
 */
export const MEETING_NAMESPACE = '/meeting';

export const SocketAuth = z.object({ token: z.string().min(1).max(4096), meetingId: Id });
export type SocketAuth = z.infer<typeof SocketAuth>;

// ── attendance ──
export const Presence = z.enum(['online', 'away', 'offline']);
export type Presence = z.infer<typeof Presence>;

export const AttendeeView = z.object({
  userId: Id,
  displayName: z.string(),
  affiliation: z.string().nullable(),
  role: ParticipantRole,
  attendance: Attendance,
  checkedInAt: IsoDateTime.nullable(),
  /** Counted in 应到 (entitled to vote: chair and members). */
  entitled: z.boolean(),
  presence: Presence,
});
export type AttendeeView = z.infer<typeof AttendeeView>;

/** 应到 / 实到 and whether the attendance quorum (more than half) is met. */
export const AttendanceSummary = z.object({
  entitled: z.number().int(),
  present: z.number().int(),
  required: z.number().int(),
  quorumMet: z.boolean(),
});
export type AttendanceSummary = z.infer<typeof AttendanceSummary>;

export const AttendanceView = AttendanceSummary.extend({ attendees: z.array(AttendeeView) });
export type AttendanceView = z.infer<typeof AttendanceView>;

/** Check in (签到) or leave: yourself, or — chair/secretary/staff — someone else. */
export const AttendanceBody = z.object({ userId: Id.optional() });
export type AttendanceBody = z.infer<typeof AttendanceBody>;

// ── chair controls ──
/** A timer: elapsed = elapsedMs + (now − runningSince) while running. Compare with serverTime. */
export const TimerView = z.object({
  runningSince: IsoDateTime.nullable(),
  elapsedMs: z.number().int(),
  limitSeconds: z.number().int().nullable(),
});
export type TimerView = z.infer<typeof TimerView>;

/** Move to an agenda item (null: none current). The previous item is marked done. */
export const MoveAgendaBody = z.object({ agendaItemId: Id.nullable() });
export type MoveAgendaBody = z.infer<typeof MoveAgendaBody>;

export const ItemTimerBody = z.object({
  action: z.enum(['start', 'pause', 'reset']),
  /** New limit in seconds (null: no limit); unchanged when omitted. */
  limitSeconds: z.number().int().min(10).max(86400).nullable().optional(),
});
export type ItemTimerBody = z.infer<typeof ItemTimerBody>;

export const LiveAgendaItem = z.object({
  id: Id,
  position: z.number().int(),
  title: z.string(),
  status: AgendaItemStatus,
  plannedMinutes: z.number().int().nullable(),
  presenterName: z.string().nullable(),
});
export type LiveAgendaItem = z.infer<typeof LiveAgendaItem>;

export const AgendaState = z.object({
  agenda: z.array(LiveAgendaItem),
  currentAgendaItemId: Id.nullable(),
  itemTimer: TimerView.nullable(),
});
export type AgendaState = z.infer<typeof AgendaState>;

/** The whole room as one caller sees it: sent on every (re)connect, rebuilt from the database. */
export const MeetingLiveState = AgendaState.extend({
  meetingId: Id,
  title: z.string(),
  status: MeetingStatus,
  startedAt: IsoDateTime.nullable(),
  endedAt: IsoDateTime.nullable(),
  serverTime: IsoDateTime,
  speakingLimitSeconds: z.number().int(),
  speakers: SpeakersState,
  /** Every poll of the meeting, newest first, from the caller's side (hasVoted, canVote). */
  polls: z.array(PollView),
  /** The most recent opinions, newest first. */
  opinions: z.array(OpinionView),
  attendance: AttendanceView,
  me: z.object({
    userId: Id,
    role: ParticipantRole.nullable(),
    /** May run the meeting (chair, secretary, staff, admin). */
    canRun: z.boolean(),
  }),
});
export type MeetingLiveState = z.infer<typeof MeetingLiveState>;

// ── socket events ──
export const MeetingStatusEvent = z.object({
  meetingId: Id,
  status: MeetingStatus,
  startedAt: IsoDateTime.nullable(),
  endedAt: IsoDateTime.nullable(),
});
export const AgendaCurrentEvent = AgendaState.extend({ meetingId: Id });
export const AgendaTimerEvent = z.object({ meetingId: Id, agendaItemId: Id, itemTimer: TimerView });
/** Batched (at most a few per second per meeting): the participants whose attendance changed, and the new counts. */
export const AttendanceChangedEvent = z.object({ meetingId: Id, attendees: z.array(AttendeeView), summary: AttendanceSummary });
/** Batched like attendance: a connect storm at the opening costs a few pushes, not one per person. */
export const PresenceChangedEvent = z.object({
  meetingId: Id,
  changes: z.array(z.object({ userId: Id, presence: Presence })),
});

/** Server → client events and their payloads: the one definition both ends use. */
export const ServerToClientEventSchemas = {
  'session.state': MeetingLiveState,
  'meeting.status': MeetingStatusEvent,
  'agenda.current': AgendaCurrentEvent,
  'agenda.timer': AgendaTimerEvent,
  'attendance.changed': AttendanceChangedEvent,
  'presence.changed': PresenceChangedEvent,
  'speakers.changed': SpeakersChangedEvent,
  'opinion.created': OpinionEvent,
  'opinion.updated': OpinionEvent,
  'poll.created': PollCreatedEvent,
  'poll.opened': PollOpenedEvent,
  'poll.progress': PollProgressEvent,
  'poll.closed': PollClosedEvent,
  'poll.voted': PollVotedEvent,
} as const;
type ServerSchemas = typeof ServerToClientEventSchemas;
export type ServerToClientEventName = keyof ServerSchemas;
export type ServerToClientPayload<E extends ServerToClientEventName> = z.infer<ServerSchemas[E]>;
export type ServerToClientEvents = { [E in ServerToClientEventName]: (payload: ServerToClientPayload<E>) => void };

/** Every client → server event is acknowledged with this shape; bad input gets ok: false. */
export const SocketError = z.object({ code: z.string(), message: z.string() });
export type SocketError = z.infer<typeof SocketError>;
export type SocketAck<T = undefined> = { ok: true; data: T } | { ok: false; error: SocketError };

export const PresenceSetPayload = z.object({ presence: z.enum(['online', 'away']) });
export type PresenceSetPayload = z.infer<typeof PresenceSetPayload>;

/** Client → server events. `session.sync` asks for a fresh `MeetingLiveState` in the ack. */
export const ClientToServerEventSchemas = {
  'session.sync': z.object({}).strict(),
  'presence.set': PresenceSetPayload,
} as const;
export type ClientToServerEvents = {
  'session.sync': (payload: Record<string, never>, ack: (res: SocketAck<MeetingLiveState>) => void) => void;
  'presence.set': (payload: PresenceSetPayload, ack: (res: SocketAck) => void) => void;
};

/** The error a client sees in a nack or a connect_error (Chinese message; the code is stable). */
export function socketError(code: ErrorCode): SocketError {
  return { code, message: errorMessages[code].zh };
}

/** Rooms: everyone in a meeting, and one user's own connections within it. */
export const meetingRoom = (meetingId: string) => `meeting:${meetingId}`;
export const meetingUserRoom = (meetingId: string, userId: string) => `meeting:${meetingId}:user:${userId}`;
