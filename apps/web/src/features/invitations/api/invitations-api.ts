import type {
  AcceptInvitationBody,
  AcceptInvitationResponse,
  CreateInvitationBody,
  InvitationList,
  InvitationPreview,
  InvitationView,
} from '@xieshang/protocol';
import { api } from '../../../shared/api/client';

const base = (meetingId: string) => `/meetings/${encodeURIComponent(meetingId)}/invitations`;

export const listInvitations = (meetingId: string, signal?: AbortSignal) =>
  api<InvitationList>(base(meetingId), { signal });

/** The answer carries `url` (`/invite/<token>`): the only time the secret link is visible. */
export const createInvitation = (meetingId: string, body: CreateInvitationBody) =>
  api<InvitationView>(base(meetingId), { method: 'POST', body });

export const revokeInvitation = (meetingId: string, invitationId: string) =>
  api<void>(`${base(meetingId)}/${encodeURIComponent(invitationId)}`, { method: 'DELETE' });

export const previewInvitation = (token: string, signal?: AbortSignal) =>
  api<InvitationPreview>(`/invitations/${encodeURIComponent(token)}`, { signal, skipRefresh: true });

export const acceptInvitation = (token: string, body: AcceptInvitationBody) =>
  api<AcceptInvitationResponse>(`/invitations/${encodeURIComponent(token)}/accept`, {
    method: 'POST',
    body,
    skipRefresh: true,
  });
