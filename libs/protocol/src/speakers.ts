import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';
import { PersonRef } from './meetings.js';

export const SpeakerRequestStatus = z.enum(['queued', 'speaking', 'done', 'withdrawn']);
export type SpeakerRequestStatus = z.infer<typeof SpeakerRequestStatus>;

/** 申请发言: bound to the current agenda item unless one is named. */
export const RequestToSpeakBody = z.object({
  topic: z.string().trim().max(200).nullable().optional(),
  agendaItemId: Id.nullable().optional(),
});
export type RequestToSpeakBody = z.infer<typeof RequestToSpeakBody>;

/** Give the floor; the limit defaults to the meeting's speaking limit (8 minutes). */
export const GrantFloorBody = z.object({
  limitSeconds: z.number().int().min(30).max(3600).optional(),
});
export type GrantFloorBody = z.infer<typeof GrantFloorBody>;

/** The complete new order of the waiting queue: every queued request id exactly once. */
export const ReorderSpeakersBody = z.object({ requestIds: z.array(Id).max(500) });
export type ReorderSpeakersBody = z.infer<typeof ReorderSpeakersBody>;

export const SpeakerRequestView = z.object({
  id: Id,
  user: PersonRef,
  agendaItemId: Id.nullable(),
  topic: z.string().nullable(),
  status: SpeakerRequestStatus,
  requestedAt: IsoDateTime,
});
export type SpeakerRequestView = z.infer<typeof SpeakerRequestView>;

/** One speech as recorded for the minutes: who, on which item, from when to when. */
export const SpeechView = z.object({
  id: Id,
  requestId: Id.nullable(),
  speaker: PersonRef,
  agendaItemId: Id.nullable(),
  topic: z.string().nullable(),
  startedAt: IsoDateTime,
  endedAt: IsoDateTime.nullable(),
  limitSeconds: z.number().int(),
});
export type SpeechView = z.infer<typeof SpeechView>;

/** The waiting queue in order, and the speech under way (its timer runs from startedAt). */
export const SpeakersState = z.object({
  queue: z.array(SpeakerRequestView),
  current: SpeechView.nullable(),
});
export type SpeakersState = z.infer<typeof SpeakersState>;

export const SpeechList = z.object({ items: z.array(SpeechView) });
export type SpeechList = z.infer<typeof SpeechList>;

// ── socket payloads ──
export const SpeakersChangedEvent = SpeakersState.extend({ meetingId: Id });
