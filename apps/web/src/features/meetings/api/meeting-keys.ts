import type { MeetingListParams } from './meetings-api';

/**
 * Query keys for meetings. Agenda, participant and invitation mutations invalidate
 * `detail(id)` (the detail carries agenda and participants); meeting edits also invalidate lists.
 */
export const meetingKeys = {
  all: ['meetings'] as const,
  lists: () => [...meetingKeys.all, 'list'] as const,
  list: (params: MeetingListParams) => [...meetingKeys.lists(), params] as const,
  /** A list read page by page ("load more"); `params` without offset. */
  pages: (params: MeetingListParams) => [...meetingKeys.lists(), 'pages', params] as const,
  detail: (id: string) => [...meetingKeys.all, 'detail', id] as const,
};
