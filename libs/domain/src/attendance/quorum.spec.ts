import { describe, expect, it } from 'vitest';
import type { Attendance, ParticipantRole } from '@xieshang/protocol';
import { attendanceCount, countsTowardsQuorum, isPresent } from './quorum.js';

const a = (role: ParticipantRole, attendance: Attendance) => ({ role, attendance });

describe('attendanceCount', () => {
  it('counts chair and members as entitled, checked-in ones as present', () => {
    const list = [
      a('chair', 'checked_in'),
      a('member', 'checked_in'),
      a('member', 'confirmed'),
      a('member', 'declined'),
      a('member', 'left'),
      a('secretary', 'checked_in'),
      a('guest', 'checked_in'),
      a('observer', 'checked_in'),
    ];
    expect(attendanceCount(list)).toEqual({ entitled: 5, present: 2, required: 3, quorumMet: false });
  });
  it('is quorate with more than half present', () => {
    const list = [...Array<Attendance>(16).fill('checked_in'), ...Array<Attendance>(14).fill('invited')].map((x) => a('member', x));
    expect(attendanceCount(list)).toEqual({ entitled: 30, present: 16, required: 16, quorumMet: true });
    list[0] = a('member', 'left');
    expect(attendanceCount(list).quorumMet).toBe(false);
  });
  it('exactly half is not a quorum', () => {
    const list = [a('member', 'checked_in'), a('member', 'invited')];
    expect(attendanceCount(list)).toMatchObject({ required: 2, quorumMet: false });
  });
  it('supports a two-thirds quorum', () => {
    const list = [a('member', 'checked_in'), a('member', 'checked_in'), a('member', 'invited')];
    expect(attendanceCount(list, 'two_thirds')).toMatchObject({ required: 2, quorumMet: true });
  });
  it('an empty list has no quorum', () => {
    expect(attendanceCount([])).toEqual({ entitled: 0, present: 0, required: 1, quorumMet: false });
  });
  it('role and attendance predicates', () => {
    expect((['chair', 'secretary', 'member', 'guest', 'observer'] as const).map(countsTowardsQuorum)).toEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
    expect((['invited', 'confirmed', 'declined', 'checked_in', 'left'] as const).map(isPresent)).toEqual([
      false,
      false,
      false,
      true,
      false,
    ]);
  });
});
