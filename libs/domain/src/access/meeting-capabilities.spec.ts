import { describe, expect, it } from 'vitest';
import type { GlobalRole, MeetingStatus, ParticipantRole } from '@xieshang/protocol';
import { canManageCommittees, canViewCommittees } from './committee-admin.js';
import { meetingCapabilities } from './meeting-access.js';
import { canBeAddedAsParticipant, canHoldParticipantRole } from './participant-roles.js';

const statuses: MeetingStatus[] = ['draft', 'scheduled', 'live', 'ended', 'archived'];

describe('meetingCapabilities', () => {
  const secretary = { globalRole: 'member' as GlobalRole, participantRole: 'secretary' as ParticipantRole };
  const member = { globalRole: 'member' as GlobalRole, participantRole: 'member' as ParticipantRole };
  const staff = { globalRole: 'staff' as GlobalRole, participantRole: null };

  it('organisers edit and manage until the end, record attendance while check-in is open, archive after', () => {
    const byStatus = statuses.map((s) => meetingCapabilities(secretary, s, 'confirmed'));
    expect(byStatus.map((c) => c.edit)).toEqual([true, true, true, false, false]);
    expect(byStatus.map((c) => c.manageParticipants)).toEqual([true, true, true, false, false]);
    expect(byStatus.map((c) => c.recordAttendance)).toEqual([false, true, true, false, false]);
    expect(byStatus.map((c) => c.archive)).toEqual([false, false, false, true, false]);
  });

  it('plain members only answer and check themselves in', () => {
    expect(meetingCapabilities(member, 'scheduled', 'invited')).toEqual({
      edit: false,
      manageParticipants: false,
      recordAttendance: false,
      archive: false,
      rsvp: true,
      checkIn: true,
    });
    expect(meetingCapabilities(member, 'live', 'checked_in')).toMatchObject({ rsvp: false, checkIn: false });
  });

  it('staff who are not on the list manage but have nothing to answer', () => {
    expect(meetingCapabilities(staff, 'scheduled', null)).toEqual({
      edit: true,
      manageParticipants: true,
      recordAttendance: true,
      archive: false,
      rsvp: false,
      checkIn: false,
    });
  });
});

describe('committee administration', () => {
  const roles: GlobalRole[] = ['admin', 'staff', 'member', 'guest'];
  it('staff and admins manage; everyone but guests sees', () => {
    expect(roles.filter(canManageCommittees)).toEqual(['admin', 'staff']);
    expect(roles.filter(canViewCommittees)).toEqual(['admin', 'staff', 'member']);
  });
});

describe('participant roles by account', () => {
  const roles: ParticipantRole[] = ['chair', 'secretary', 'member', 'guest', 'observer'];
  it('guest accounts are never added by hand and hold only guest or observer roles', () => {
    expect(canBeAddedAsParticipant('guest')).toBe(false);
    expect(canBeAddedAsParticipant('member')).toBe(true);
    expect(roles.filter((r) => canHoldParticipantRole('guest', r))).toEqual(['guest', 'observer']);
    expect(roles.filter((r) => canHoldParticipantRole('member', r))).toEqual(roles);
  });
});
