import { describe, expect, it } from 'vitest';
import type { Attendance, ParticipantRole, PollStatus } from '@xieshang/protocol';
import { ballotRefusal, canManagePolls, canTransitionPoll, isEntitledVoter } from './voting-rights.js';

const roles: (ParticipantRole | null)[] = ['chair', 'secretary', 'member', 'guest', 'observer', null];

describe('isEntitledVoter', () => {
  it('entitles chair and members; guests only when allowed; never secretaries, observers or outsiders', () => {
    expect(roles.map((r) => isEntitledVoter(r, false))).toEqual([true, false, true, false, false, false]);
    expect(roles.map((r) => isEntitledVoter(r, true))).toEqual([true, false, true, true, false, false]);
  });
});

describe('ballotRefusal', () => {
  const ok = { pollStatus: 'open' as PollStatus, role: 'member' as ParticipantRole, attendance: 'checked_in' as Attendance, allowGuests: false, hasVoted: false };
  it('accepts a checked-in member of an open poll who has not voted', () => {
    expect(ballotRefusal(ok)).toBeNull();
  });
  it('refuses in order: poll state, entitlement, presence, second ballot', () => {
    expect(ballotRefusal({ ...ok, pollStatus: 'draft' })).toBe('poll_not_open');
    expect(ballotRefusal({ ...ok, pollStatus: 'closed', role: 'observer' })).toBe('poll_not_open');
    expect(ballotRefusal({ ...ok, role: 'observer' })).toBe('not_entitled_to_vote');
    expect(ballotRefusal({ ...ok, role: 'guest' })).toBe('not_entitled_to_vote');
    expect(ballotRefusal({ ...ok, role: 'guest', allowGuests: true })).toBeNull();
    expect(ballotRefusal({ ...ok, role: null })).toBe('not_entitled_to_vote');
    expect(ballotRefusal({ ...ok, attendance: 'confirmed' })).toBe('not_checked_in');
    expect(ballotRefusal({ ...ok, attendance: 'left' })).toBe('not_checked_in');
    expect(ballotRefusal({ ...ok, hasVoted: true })).toBe('already_voted');
  });
});

describe('poll management', () => {
  it('is for chair, secretary, staff and admin', () => {
    expect(canManagePolls({ globalRole: 'member', participantRole: 'chair' })).toBe(true);
    expect(canManagePolls({ globalRole: 'member', participantRole: 'secretary' })).toBe(true);
    expect(canManagePolls({ globalRole: 'staff', participantRole: null })).toBe(true);
    expect(canManagePolls({ globalRole: 'member', participantRole: 'member' })).toBe(false);
    expect(canManagePolls({ globalRole: 'guest', participantRole: 'guest' })).toBe(false);
  });
  it('moves only draft → open → closed', () => {
    const s: PollStatus[] = ['draft', 'open', 'closed'];
    const allowed = s.flatMap((a) => s.filter((b) => canTransitionPoll(a, b)).map((b) => `${a}>${b}`));
    expect(allowed).toEqual(['draft>open', 'open>closed']);
  });
});
