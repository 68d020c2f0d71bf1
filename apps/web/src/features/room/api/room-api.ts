import type {
  AgendaState,
  AttendanceView,
  CastBallotResponse,
  CreateOpinionBody,
  CreatePollBody,
  DocumentList,
  ItemTimerBody,
  OpinionStance,
  OpinionView,
  PollView,
  SpeakersState,
} from '@xieshang/protocol';
import { api } from '../../../shared/api/client';

/** The live room's commands. Their effects come back to every client through the socket. */
export const roomApi = {
  start: (meetingId: string) => api<unknown>(`/meetings/${meetingId}/start`, { method: 'POST' }),
  end: (meetingId: string) => api<unknown>(`/meetings/${meetingId}/end`, { method: 'POST' }),
  checkIn: (meetingId: string) => api<unknown>(`/meetings/${meetingId}/check-in`, { method: 'POST' }),
  attendance: (meetingId: string) => api<AttendanceView>(`/meetings/${meetingId}/attendance`),
  moveTo: (meetingId: string, agendaItemId: string | null) =>
    api<AgendaState>(`/meetings/${meetingId}/live/current-item`, { method: 'POST', body: { agendaItemId } }),
  itemTimer: (meetingId: string, body: ItemTimerBody) =>
    api<AgendaState>(`/meetings/${meetingId}/live/item-timer`, { method: 'POST', body }),

  requestToSpeak: (meetingId: string, topic: string | null) =>
    api<unknown>(`/meetings/${meetingId}/speakers`, { method: 'POST', body: { topic } }),
  withdraw: (meetingId: string, requestId: string) =>
    api<SpeakersState>(`/meetings/${meetingId}/speakers/${requestId}/withdraw`, { method: 'POST' }),
  grant: (meetingId: string, requestId: string) =>
    api<SpeakersState>(`/meetings/${meetingId}/speakers/${requestId}/grant`, { method: 'POST', body: {} }),
  reorderSpeakers: (meetingId: string, requestIds: string[]) =>
    api<SpeakersState>(`/meetings/${meetingId}/speakers/order`, { method: 'PUT', body: { requestIds } }),
  endSpeech: (meetingId: string) => api<SpeakersState>(`/meetings/${meetingId}/speakers/end`, { method: 'POST' }),

  postOpinion: (meetingId: string, body: CreateOpinionBody) =>
    api<OpinionView>(`/meetings/${meetingId}/opinions`, { method: 'POST', body }),
  adoptOpinion: (opinionId: string, adopted: boolean) =>
    api<OpinionView>(`/opinions/${opinionId}/adopt`, { method: 'POST', body: { adopted } }),

  createPoll: (meetingId: string, body: CreatePollBody) =>
    api<PollView>(`/meetings/${meetingId}/polls`, { method: 'POST', body }),
  openPoll: (pollId: string) => api<PollView>(`/polls/${pollId}/open`, { method: 'POST' }),
  closePoll: (pollId: string) => api<PollView>(`/polls/${pollId}/close`, { method: 'POST' }),
  castBallot: (pollId: string, option: string) =>
    api<CastBallotResponse>(`/polls/${pollId}/ballots`, { method: 'POST', body: { option } }),

  itemDocuments: (meetingId: string, agendaItemId: string) =>
    api<DocumentList>('/documents', { query: { meetingId, agendaItemId, limit: 5 } }),
};

export const STANCES: OpinionStance[] = ['support', 'oppose', 'supplement', 'other'];
