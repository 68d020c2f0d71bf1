import type { Attendance, ParticipantRole, PollStatus } from '@xieshang/protocol';
import { canEditMeeting, type MeetingActor } from '../access/meeting-access.js';

/** Chair and members vote; guests (特邀) only when the poll allows it; secretaries and observers never. */
export function isEntitledVoter(role: ParticipantRole | null, allowGuests: boolean): boolean {
  switch (role) {
    case 'chair':
    case 'member':
      return true;
    case 'guest':
      return allowGuests;
    case 'secretary':
    case 'observer':
    case null:
      return false;
  }
}

/** Why a ballot is refused, as the error code the API returns; null when it may be cast. */
export type BallotRefusal = 'poll_not_open' | 'not_entitled_to_vote' | 'not_checked_in' | 'already_voted';

export function ballotRefusal(v: {
  pollStatus: PollStatus;
  role: ParticipantRole | null;
  attendance: Attendance | null;
  allowGuests: boolean;
  hasVoted: boolean;
}): BallotRefusal | null {
  if (v.pollStatus !== 'open') return 'poll_not_open';
  if (!isEntitledVoter(v.role, v.allowGuests)) return 'not_entitled_to_vote';
  // Whoever votes is counted as present: a ballot needs a check-in (签到) first.
  if (v.attendance !== 'checked_in') return 'not_checked_in';
  if (v.hasVoted) return 'already_voted';
  return null;
}

/** Chair, secretary and staff create, open and close polls. */
export function canManagePolls(actor: MeetingActor): boolean {
  return canEditMeeting(actor);
}

/** draft → open → closed, nothing else. */
export function canTransitionPoll(from: PollStatus, to: PollStatus): boolean {
  return (from === 'draft' && to === 'open') || (from === 'open' && to === 'closed');
}
