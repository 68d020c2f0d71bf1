import { describe, expect, it } from 'vitest';
import type { GlobalRole, MeetingStatus, ParticipantRole } from '@xieshang/protocol';
import {
  canChangeStatusByEdit,
  canCreateMeeting,
  canEditMeeting,
  canManageParticipants,
  canViewMeeting,
  isMeetingEditable,
} from './meeting-access.js';
import { canCreateUserWithRole, canManageUser } from './user-admin.js';

const globalRoles: GlobalRole[] = ['admin', 'staff', 'member', 'guest'];
const participantRoles: (ParticipantRole | null)[] = ['chair', 'secretary', 'member', 'guest', 'observer', null];

describe('meeting access matrix', () => {
  for (const globalRole of globalRoles) {
    for (const participantRole of participantRoles) {
      const actor = { globalRole, participantRole };
      const staff = globalRole === 'admin' || globalRole === 'staff';
      const organiser = participantRole === 'chair' || participantRole === 'secretary';
      it(`${globalRole} as ${participantRole ?? 'non-participant'}`, () => {
        expect(canViewMeeting(actor)).toBe(staff || participantRole !== null);
        expect(canEditMeeting(actor)).toBe(staff || organiser);
        expect(canManageParticipants(actor)).toBe(staff || organiser);
      });
    }
  }
  it('only staff and admins create meetings', () => {
    expect(globalRoles.filter(canCreateMeeting)).toEqual(['admin', 'staff']);
  });
});

describe('meeting status by edit', () => {
  const statuses: MeetingStatus[] = ['draft', 'scheduled', 'live', 'ended', 'archived'];
  const allowed = new Set(['draft>scheduled', 'scheduled>draft', 'ended>archived']);
  for (const from of statuses) {
    for (const to of statuses) {
      it(`${from} → ${to}`, () => {
        expect(canChangeStatusByEdit(from, to)).toBe(from === to || allowed.has(`${from}>${to}`));
      });
    }
  }
  it('details stay editable until the meeting ends', () => {
    expect(statuses.filter(isMeetingEditable)).toEqual(['draft', 'scheduled', 'live']);
  });
});

describe('user administration', () => {
  it('admins create any non-guest role; staff only members; members nobody', () => {
    expect(globalRoles.filter((r) => canCreateUserWithRole('admin', r))).toEqual(['admin', 'staff', 'member']);
    expect(globalRoles.filter((r) => canCreateUserWithRole('staff', r))).toEqual(['member']);
    expect(globalRoles.filter((r) => canCreateUserWithRole('member', r))).toEqual([]);
  });
  it('nobody manages themselves; staff manage members and guests', () => {
    expect(canManageUser('admin', 'admin', true)).toBe(false);
    expect(canManageUser('admin', 'staff', false)).toBe(true);
    expect(globalRoles.filter((r) => canManageUser('staff', r, false))).toEqual(['member', 'guest']);
    expect(globalRoles.filter((r) => canManageUser('member', r, false))).toEqual([]);
  });
});
