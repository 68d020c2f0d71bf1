import type { Attendance, ParticipantRole } from '@xieshang/protocol';
import { requiredCount, type Threshold } from '../polls/tally.js';

/** 应到: the members who count towards the quorum (chair and members; not secretaries, guests or observers). */
export function countsTowardsQuorum(role: ParticipantRole): boolean {
  return role === 'chair' || role === 'member';
}

/** 实到: checked in and not left. */
export function isPresent(attendance: Attendance): boolean {
  return attendance === 'checked_in';
}

export interface AttendanceCount {
  entitled: number;
  present: number;
  /** Members who must be present for the quorum. */
  required: number;
  quorumMet: boolean;
}

/**
 * Entitled vs present and whether the meeting is quorate. The default quorum is more than half
 * of the members (会议须有过半数委员出席); a committee may configure two thirds.
 */
export function attendanceCount(
  attendees: ReadonlyArray<{ role: ParticipantRole; attendance: Attendance }>,
  threshold: Threshold = 'majority',
): AttendanceCount {
  const members = attendees.filter((a) => countsTowardsQuorum(a.role));
  const entitled = members.length;
  const present = members.filter((a) => isPresent(a.attendance)).length;
  const required = requiredCount(threshold, entitled);
  return { entitled, present, required, quorumMet: present >= required };
}
