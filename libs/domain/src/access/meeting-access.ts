import type { Attendance, GlobalRole, MeetingCapabilities, MeetingStatus, ParticipantRole } from '@xieshang/protocol';
import { canCheckIn, canRsvp, isCheckInOpen } from './attendance.js';

/** Who is asking, as far as meeting permissions are concerned. */
export interface MeetingActor {
  globalRole: GlobalRole;
  /** The actor's role in this meeting, or null when not a participant. */
  participantRole: ParticipantRole | null;
}

const isStaff = (a: MeetingActor) => a.globalRole === 'admin' || a.globalRole === 'staff';
const isOrganiser = (a: MeetingActor) => a.participantRole === 'chair' || a.participantRole === 'secretary';

/** Only participants (and staff/admin) can see a meeting. */
export function canViewMeeting(actor: MeetingActor): boolean {
  return isStaff(actor) || actor.participantRole !== null;
}

/** Chair, secretary, staff and admin change a meeting's details and agenda. */
export function canEditMeeting(actor: MeetingActor): boolean {
  return isStaff(actor) || isOrganiser(actor);
}

/** The same people manage the participant list and guest invitations. */
export function canManageParticipants(actor: MeetingActor): boolean {
  return canEditMeeting(actor);
}

/** Creating meetings is for the secretariat (staff) and admins. */
export function canCreateMeeting(globalRole: GlobalRole): boolean {
  return globalRole === 'admin' || globalRole === 'staff';
}

/** Details and agenda stay editable until the meeting has ended. */
export function isMeetingEditable(status: MeetingStatus): boolean {
  return status === 'draft' || status === 'scheduled' || status === 'live';
}

/** PATCH may move draft ⇄ scheduled, and archive an ended meeting. Live/ended come from start/end. */
export function canChangeStatusByEdit(from: MeetingStatus, to: MeetingStatus): boolean {
  if (from === to) return true;
  if ((from === 'draft' && to === 'scheduled') || (from === 'scheduled' && to === 'draft')) return true;
  return from === 'ended' && to === 'archived';
}

/**
 * Everything the caller may do with a meeting right now, for the client to show or hide
 * controls. The server checks each action with the same predicates, never with these flags.
 */
export function meetingCapabilities(
  actor: MeetingActor,
  status: MeetingStatus,
  ownAttendance: Attendance | null,
): MeetingCapabilities {
  const editable = isMeetingEditable(status);
  return {
    edit: canEditMeeting(actor) && editable,
    manageParticipants: canManageParticipants(actor) && editable,
    recordAttendance: canManageParticipants(actor) && isCheckInOpen(status),
    archive: canEditMeeting(actor) && canChangeStatusByEdit(status, 'archived') && status !== 'archived',
    rsvp: ownAttendance !== null && canRsvp(status, ownAttendance),
    checkIn: ownAttendance !== null && canCheckIn(status, ownAttendance),
  };
}
