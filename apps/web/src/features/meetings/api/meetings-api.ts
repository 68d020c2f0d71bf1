import type {
  CreateMeetingBody,
  ListMeetingsQuery,
  MeetingDetail,
  MeetingList,
  MeetingSummary,
  RsvpBody,
  UpdateMeetingBody,
} from '@xieshang/protocol';
import { api } from '../../../shared/api/client';

/** The list query as sent: `status` is a comma-separated list (`scheduled,draft`). */
export type MeetingListParams = Omit<ListMeetingsQuery, 'status'> & { status?: string };

export const listMeetings = (query: MeetingListParams, signal?: AbortSignal) =>
  api<MeetingList>('/meetings', { query, signal });

export const getMeeting = (id: string, signal?: AbortSignal) =>
  api<MeetingDetail>(`/meetings/${encodeURIComponent(id)}`, { signal });

export const createMeeting = (body: CreateMeetingBody) => api<MeetingSummary>('/meetings', { method: 'POST', body });

export const updateMeeting = (id: string, body: UpdateMeetingBody) =>
  api<MeetingSummary>(`/meetings/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const rsvp = (id: string, body: RsvpBody) =>
  api<unknown>(`/meetings/${encodeURIComponent(id)}/rsvp`, { method: 'POST', body });

export const checkIn = (id: string) => api<unknown>(`/meetings/${encodeURIComponent(id)}/check-in`, { method: 'POST' });
