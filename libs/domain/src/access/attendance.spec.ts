import { describe, expect, it } from 'vitest';
import type { Attendance, MeetingStatus } from '@xieshang/protocol';
import { canCheckIn, canRemoveParticipant, canRsvp, isCheckInOpen } from './attendance.js';

const statuses: MeetingStatus[] = ['draft', 'scheduled', 'live', 'ended', 'archived'];
const attendances: Attendance[] = ['invited', 'confirmed', 'declined', 'checked_in', 'left'];

describe('attendance rules', () => {
  it('check-in is open from announcement until the end', () => {
    expect(statuses.filter(isCheckInOpen)).toEqual(['scheduled', 'live']);
  });

  for (const status of statuses) {
    for (const attendance of attendances) {
      it(`${status} meeting, ${attendance} participant`, () => {
        const open = status === 'draft' || status === 'scheduled' || status === 'live';
        const beforeRoom = attendance === 'invited' || attendance === 'confirmed' || attendance === 'declined';
        expect(canRsvp(status, attendance)).toBe(open && beforeRoom);
        expect(canCheckIn(status, attendance)).toBe(
          (status === 'scheduled' || status === 'live') && attendance !== 'checked_in',
        );
      });
    }
  }

  it('people who were in the room stay on the list', () => {
    expect(attendances.filter(canRemoveParticipant)).toEqual(['invited', 'confirmed', 'declined']);
  });
});
