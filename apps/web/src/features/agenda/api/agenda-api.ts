import type { AgendaItemView, CreateAgendaItemBody, ReorderAgendaBody, UpdateAgendaItemBody } from '@xieshang/protocol';
import { api } from '../../../shared/api/client';

const base = (meetingId: string) => `/meetings/${encodeURIComponent(meetingId)}/agenda`;

export const createAgendaItem = (meetingId: string, body: CreateAgendaItemBody) =>
  api<AgendaItemView>(base(meetingId), { method: 'POST', body });

export const updateAgendaItem = (meetingId: string, itemId: string, body: UpdateAgendaItemBody) =>
  api<AgendaItemView>(`${base(meetingId)}/${encodeURIComponent(itemId)}`, { method: 'PATCH', body });

export const deleteAgendaItem = (meetingId: string, itemId: string) =>
  api<void>(`${base(meetingId)}/${encodeURIComponent(itemId)}`, { method: 'DELETE' });

export const reorderAgenda = (meetingId: string, body: ReorderAgendaBody) =>
  api<unknown>(`${base(meetingId)}/order`, { method: 'PUT', body });
