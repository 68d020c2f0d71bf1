import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AgendaItemView, MeetingDetail } from '@xieshang/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18nReady } from '../../../shared/i18n/i18n';
import { mockApi, renderWithApp } from '../../../shared/testing/render';
import { meetingKeys } from '../../meetings/api/meeting-keys';
import { useMeeting } from '../../meetings/hooks/useMeetings';
import { applyOrder } from '../hooks/useAgenda';
import { AgendaBuilder } from './AgendaBuilder';

const item = (id: string, position: number, title: string): AgendaItemView => ({
  id,
  meetingId: 'm1',
  position,
  title,
  description: null,
  plannedMinutes: 30,
  presenterId: null,
  presenterName: null,
  status: 'pending',
});

const meeting: MeetingDetail = {
  id: 'm1',
  title: '专题协商座谈会',
  topic: null,
  kind: 'consultation',
  status: 'scheduled',
  scheduledAt: '2026-12-01T01:00:00.000Z',
  endsAt: '2026-12-01T02:00:00.000Z',
  place: null,
  onlineUrl: null,
  committeeId: null,
  createdById: 'u1',
  startedAt: null,
  endedAt: null,
  participantCount: 0,
  myRole: null,
  myAttendance: null,
  agenda: [item('a', 0, '通报情况'), item('b', 1, '委员发言'), item('c', 2, '领导讲话')],
  participants: [],
  can: { edit: true, manageParticipants: true, recordAttendance: true, archive: false, rsvp: false, checkIn: false },
};

/** The builder as the editor page uses it: fed from the cached meeting detail. */
function Harness() {
  const { data } = useMeeting('m1');
  return data ? <AgendaBuilder meeting={data} /> : null;
}

const titles = () => screen.getAllByTestId('agenda-item-title-text').map((el) => el.textContent);

describe('AgendaBuilder', () => {
  beforeAll(() => i18nReady);

  it('applyOrder renumbers positions and ignores unknown ids', () => {
    expect(applyOrder(meeting.agenda, ['c', 'x', 'a', 'b']).map((i) => [i.id, i.position])).toEqual([
      ['c', 0],
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('moves an item down at once and saves the complete new order', async () => {
    let saved: unknown;
    let answer: () => void = () => undefined;
    mockApi({
      'GET /api/meetings/m1': () => [
        200,
        saved ? { ...meeting, agenda: applyOrder(meeting.agenda, (saved as { itemIds: string[] }).itemIds) } : meeting,
      ],
      'PUT /api/meetings/m1/agenda/order': (req) => {
        saved = req.body;
        // Held back until the test has seen the optimistic order.
        return new Promise((resolve) => {
          answer = () =>
            resolve([200, { items: applyOrder(meeting.agenda, (req.body as { itemIds: string[] }).itemIds) }]);
        });
      },
    });
    const { queryClient } = renderWithApp(<Harness />);
    await screen.findByTestId('agenda-builder');
    expect(titles()).toEqual(['通报情况', '委员发言', '领导讲话']);

    fireEvent.click(within(screen.getAllByTestId('agenda-item')[0]!).getByTestId('agenda-move-down'));
    // Optimistic: the new order shows while the server has not answered yet.
    await waitFor(() => expect(saved).toEqual({ itemIds: ['b', 'a', 'c'] }));
    expect(titles()).toEqual(['委员发言', '通报情况', '领导讲话']);
    answer();
    await waitFor(() => expect(queryClient.isMutating()).toBe(0));
    expect(titles()).toEqual(['委员发言', '通报情况', '领导讲话']);
    expect(queryClient.getQueryData<MeetingDetail>(meetingKeys.detail('m1'))?.agenda.map((i) => i.id)).toEqual([
      'b',
      'a',
      'c',
    ]);
  });

  it('puts the old order back when the server refuses', async () => {
    mockApi({
      'GET /api/meetings/m1': () => [200, meeting],
      'PUT /api/meetings/m1/agenda/order': () => [409, { error: { code: 'conflict', message: '操作与当前状态冲突' } }],
    });
    renderWithApp(<Harness />);
    await screen.findByTestId('agenda-builder');
    fireEvent.click(within(screen.getAllByTestId('agenda-item')[2]!).getByTestId('agenda-move-up'));
    await waitFor(() => expect(titles()).toEqual(['通报情况', '委员发言', '领导讲话']));
  });

  it('names every control for screen readers and warns when the agenda overruns', async () => {
    mockApi({ 'GET /api/meetings/m1': () => [200, meeting] });
    renderWithApp(<Harness />);
    await screen.findByTestId('agenda-builder');
    expect(screen.getAllByTestId('agenda-drag-handle')[0]!.getAttribute('aria-label')).toBe('调整顺序：通报情况');
    expect(screen.getAllByTestId('agenda-move-up')[0]!.hasAttribute('disabled')).toBe(true);
    // 3 × 30 minutes in a one-hour meeting.
    expect(screen.getByText('议程计划时长超出会议时间 30 分钟')).toBeTruthy();
  });
});
