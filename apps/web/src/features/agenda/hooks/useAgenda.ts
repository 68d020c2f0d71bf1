import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AgendaItemView, CreateAgendaItemBody, MeetingDetail, UpdateAgendaItemBody } from '@xieshang/protocol';
import { meetingKeys } from '../../meetings/api/meeting-keys';
import { createAgendaItem, deleteAgendaItem, reorderAgenda, updateAgendaItem } from '../api/agenda-api';

/** Puts items in the order of `ids`, renumbering positions from 0. */
export function applyOrder(items: AgendaItemView[], ids: string[]): AgendaItemView[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return ids.flatMap((id) => byId.get(id) ?? []).map((item, position) => ({ ...item, position }));
}

/** Agenda edits go through the meeting detail, which carries the agenda. */
export function useAgendaMutations(meetingId: string) {
  const queryClient = useQueryClient();
  const key = meetingKeys.detail(meetingId);
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });

  const create = useMutation({
    mutationFn: (body: CreateAgendaItemBody) => createAgendaItem(meetingId, body),
    meta: { toastError: false },
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateAgendaItemBody }) => updateAgendaItem(meetingId, id, body),
    meta: { toastError: false },
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: (id: string) => deleteAgendaItem(meetingId, id), onSuccess: refresh });

  // Reordering shows the new order at once; a refused reorder puts the old one back. Reorders
  // run one after another (scope) so the server sees them in the order they were made, and the
  // agenda is refetched only after the last one, so a quick series of moves never flickers back.
  const reorderKey = ['agenda-order', meetingId];
  const reorder = useMutation({
    mutationKey: reorderKey,
    scope: { id: reorderKey.join(':') },
    mutationFn: (itemIds: string[]) => reorderAgenda(meetingId, { itemIds }),
    onMutate: async (itemIds) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<MeetingDetail>(key);
      if (previous)
        queryClient.setQueryData<MeetingDetail>(key, { ...previous, agenda: applyOrder(previous.agenda, itemIds) });
      return { previous };
    },
    onError: (_error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () => (queryClient.isMutating({ mutationKey: reorderKey }) <= 1 ? refresh() : undefined),
  });

  return { create, update, remove, reorder };
}
