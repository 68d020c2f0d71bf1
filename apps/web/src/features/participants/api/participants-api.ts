import type { AddParticipantBody, ParticipantView, UpdateParticipantBody } from '@xieshang/protocol';
import { api } from '../../../shared/api/client';

const base = (meetingId: string) => `/meetings/${encodeURIComponent(meetingId)}/participants`;

export const addParticipant = (meetingId: string, body: AddParticipantBody) =>
  api<ParticipantView>(base(meetingId), { method: 'POST', body });

export const updateParticipant = (meetingId: string, participantId: string, body: UpdateParticipantBody) =>
  api<ParticipantView>(`${base(meetingId)}/${encodeURIComponent(participantId)}`, { method: 'PATCH', body });

export const removeParticipant = (meetingId: string, participantId: string) =>
  api<void>(`${base(meetingId)}/${encodeURIComponent(participantId)}`, { method: 'DELETE' });
