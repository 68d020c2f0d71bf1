import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateInvitationBody } from '@xieshang/protocol';
import { meetingKeys } from '../../meetings/api/meeting-keys';
import { createInvitation, listInvitations, revokeInvitation } from '../api/invitations-api';

export const invitationKeys = {
  list: (meetingId: string) => [...meetingKeys.all, 'invitations', meetingId] as const,
};

export function useInvitations(meetingId: string) {
  return useQuery({
    queryKey: invitationKeys.list(meetingId),
    queryFn: ({ signal }) => listInvitations(meetingId, signal),
  });
}

export function useInvitationMutations(meetingId: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: invitationKeys.list(meetingId) });
  return {
    create: useMutation({ mutationFn: (body: CreateInvitationBody) => createInvitation(meetingId, body), onSuccess }),
    revoke: useMutation({ mutationFn: (id: string) => revokeInvitation(meetingId, id), onSuccess }),
  };
}
