import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AddParticipantBody, ParticipantRole } from '@xieshang/protocol';
import { meetingKeys } from '../../meetings/api/meeting-keys';
import { userKeys } from '../../users/api/user-keys';
import { listUsers } from '../../users/api/users-api';
import { addParticipant, removeParticipant, updateParticipant } from '../api/participants-api';

export function useParticipantMutations(meetingId: string) {
  const queryClient = useQueryClient();
  // The detail carries the participant list; lists show the participant count.
  const onSuccess = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meetingId) }),
      queryClient.invalidateQueries({ queryKey: meetingKeys.lists() }),
    ]);
  return {
    add: useMutation({ mutationFn: (body: AddParticipantBody) => addParticipant(meetingId, body), onSuccess }),
    changeRole: useMutation({
      mutationFn: ({ id, role }: { id: string; role: ParticipantRole }) => updateParticipant(meetingId, id, { role }),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => removeParticipant(meetingId, id), onSuccess }),
  };
}

/** Accounts matching a search term, for the participant picker (first 20). */
export function useUserSearch(q: string) {
  const query = { q: q || undefined, limit: 20 };
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => listUsers(query, signal),
    staleTime: 60_000,
  });
}
