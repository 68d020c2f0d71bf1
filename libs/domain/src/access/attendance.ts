import type { Attendance, MeetingStatus } from '@xieshang/protocol';

/**
 * Attendance rules for one participant. RSVP answers the invitation before the meeting
 * (or, late, while it runs); check-in records presence and is the source of 履职 attendance
 * records, so once someone has been in the room their row is no longer an RSVP.
 */

/** Check-in (self or 代签 by the secretary) is open from the moment a meeting is announced until it ends. */
export function isCheckInOpen(status: MeetingStatus): boolean {
  return status === 'scheduled' || status === 'live';
}

/** A participant may answer (or change the answer) until they have been in the room, and until the meeting ends. */
export function canRsvp(status: MeetingStatus, attendance: Attendance): boolean {
  const meetingOpen = status === 'draft' || status === 'scheduled' || status === 'live';
  const notYetPresent = attendance === 'invited' || attendance === 'confirmed' || attendance === 'declined';
  return meetingOpen && notYetPresent;
}

/** Checking in is possible from any other attendance (a decliner who came anyway, re-entry after leaving). */
export function canCheckIn(status: MeetingStatus, attendance: Attendance): boolean {
  return isCheckInOpen(status) && attendance !== 'checked_in';
}

/**
 * Whether a participant may be taken off the list: people who have checked in are part of the
 * meeting's attendance record and stay on it.
 */
export function canRemoveParticipant(attendance: Attendance): boolean {
  return attendance !== 'checked_in' && attendance !== 'left';
}
