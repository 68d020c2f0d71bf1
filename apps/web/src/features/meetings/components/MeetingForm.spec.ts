import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { toMeetingBody } from './MeetingForm';

describe('toMeetingBody', () => {
  it('sends UTC instants, clears blank optional text and keeps the status only when editable', () => {
    const start = dayjs('2026-12-01T09:00:37+08:00');
    const body = toMeetingBody({
      title: '  专题协商座谈会 ',
      kind: 'consultation',
      scheduledAt: start,
      endsAt: start.add(2, 'hour'),
      place: '  ',
      onlineUrl: 'https://meet.example.cn/j/1',
      topic: undefined,
      committeeId: undefined,
      status: 'draft',
    });
    expect(body).toEqual({
      title: '专题协商座谈会',
      kind: 'consultation',
      scheduledAt: '2026-12-01T01:00:00.000Z',
      endsAt: '2026-12-01T03:00:00.000Z',
      place: null,
      onlineUrl: 'https://meet.example.cn/j/1',
      topic: null,
      committeeId: null,
      status: 'draft',
    });
    expect(toMeetingBody({ title: 'x', kind: 'study', scheduledAt: start })).not.toHaveProperty('status');
  });
});
