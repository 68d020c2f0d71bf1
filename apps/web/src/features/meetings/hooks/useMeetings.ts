import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateMeetingBody, RsvpBody, UpdateMeetingBody } from '@xieshang/protocol';
import { meetingKeys } from '../api/meeting-keys';
import {
  checkIn,
  createMeeting,
  getMeeting,
  listMeetings,
  type MeetingListParams,
  rsvp,
  updateMeeting,
} from '../api/meetings-api';

export function useMeetingList(params: MeetingListParams) {
  return useQuery({
    queryKey: meetingKeys.list(params),
    queryFn: ({ signal }) => listMeetings(params, signal),
    // Paging and filtering keep the previous page on screen instead of flashing skeletons.
    placeholderData: keepPreviousData,
  });
}

/** A meeting list read `pageSize` at a time; `fetchNextPage` loads more. */
export function useMeetingPages(params: Omit<MeetingListParams, 'offset' | 'limit'>, pageSize: number) {
  const base = { ...params, limit: pageSize };
  return useInfiniteQuery({
    queryKey: meetingKeys.pages(base),
    queryFn: ({ pageParam, signal }) => listMeetings({ ...base, offset: pageParam }, signal),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, page) => n + page.items.length, 0);
      return loaded < last.total && last.items.length > 0 ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
  });
}

export function useMeeting(id: string | undefined) {
  return useQuery({
    queryKey: meetingKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getMeeting(id!, signal),
    enabled: !!id,
  });
}

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMeetingBody) => createMeeting(body),
    meta: { toastError: false },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingKeys.lists() }),
  });
}

export function useUpdateMeeting(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMeetingBody) => updateMeeting(id, body),
    meta: { toastError: false },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: meetingKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: meetingKeys.lists() }),
      ]),
  });
}

/** RSVP and check-in change the caller's own attendance: refresh the detail and the lists. */
export function useMyAttendance(id: string) {
  const queryClient = useQueryClient();
  const onSuccess = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: meetingKeys.detail(id) }),
      queryClient.invalidateQueries({ queryKey: meetingKeys.lists() }),
    ]);
  return {
    rsvp: useMutation({ mutationFn: (body: RsvpBody) => rsvp(id, body), onSuccess }),
    checkIn: useMutation({ mutationFn: () => checkIn(id), onSuccess }),
  };
}
