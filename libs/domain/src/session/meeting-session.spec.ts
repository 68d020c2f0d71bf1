import { describe, expect, it } from 'vitest';
import type { MeetingStatus } from '@xieshang/protocol';
import { agendaStatusesAfterMove, canEndMeeting, canRunMeeting, canStartMeeting, isLive } from './meeting-session.js';

const statuses: MeetingStatus[] = ['draft', 'scheduled', 'live', 'ended', 'archived'];

describe('meeting session lifecycle', () => {
  it('starts from draft or scheduled, ends only when live', () => {
    expect(statuses.filter(canStartMeeting)).toEqual(['draft', 'scheduled']);
    expect(statuses.filter(canEndMeeting)).toEqual(['live']);
    expect(statuses.filter(isLive)).toEqual(['live']);
  });
  it('is run by the chair, secretary, staff and admin', () => {
    expect(canRunMeeting({ globalRole: 'member', participantRole: 'chair' })).toBe(true);
    expect(canRunMeeting({ globalRole: 'member', participantRole: 'secretary' })).toBe(true);
    expect(canRunMeeting({ globalRole: 'admin', participantRole: null })).toBe(true);
    expect(canRunMeeting({ globalRole: 'member', participantRole: 'member' })).toBe(false);
    expect(canRunMeeting({ globalRole: 'member', participantRole: 'observer' })).toBe(false);
  });
});

describe('agendaStatusesAfterMove', () => {
  const items = [
    { id: 'a', status: 'done' as const },
    { id: 'b', status: 'active' as const },
    { id: 'c', status: 'pending' as const },
  ];
  it('closes the current item and activates the next', () => {
    expect(Object.fromEntries(agendaStatusesAfterMove(items, 'b', 'c'))).toEqual({ b: 'done', c: 'active' });
  });
  it('reopens a closed item', () => {
    expect(Object.fromEntries(agendaStatusesAfterMove(items, 'b', 'a'))).toEqual({ a: 'active', b: 'done' });
  });
  it('moving to nothing closes the current item; a stray active item is closed too', () => {
    expect(Object.fromEntries(agendaStatusesAfterMove(items, 'b', null))).toEqual({ b: 'done' });
    expect(Object.fromEntries(agendaStatusesAfterMove(items, null, 'c'))).toEqual({ b: 'done', c: 'active' });
  });
  it('staying on the same item changes nothing', () => {
    expect(agendaStatusesAfterMove(items, 'b', 'b').size).toBe(0);
  });
});
