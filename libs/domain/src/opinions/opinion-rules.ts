import type { AgendaItemStatus, MeetingStatus, ParticipantRole } from '@xieshang/protocol';
import { canEditMeeting, type MeetingActor } from '../access/meeting-access.js';

/** Members, the chair, secretaries and guests give opinions; observers do not. */
export function canGiveOpinion(role: ParticipantRole | null): boolean {
  return role === 'chair' || role === 'secretary' || role === 'member' || role === 'guest';
}

/** Opinions on an item are taken before and during the meeting, until the item is closed. */
export function isOpinionWindowOpen(meetingStatus: MeetingStatus, itemStatus: AgendaItemStatus): boolean {
  const meetingOpen = meetingStatus === 'scheduled' || meetingStatus === 'live';
  return meetingOpen && (itemStatus === 'pending' || itemStatus === 'active');
}

/** The author edits their own opinion while the window is open; nobody else edits its text. */
export function canEditOpinion(isAuthor: boolean, meetingStatus: MeetingStatus, itemStatus: AgendaItemStatus): boolean {
  return isAuthor && isOpinionWindowOpen(meetingStatus, itemStatus);
}

/** The chair (or secretary/staff for the chair) marks an opinion as adopted (采纳) into a consensus item. */
export function canAdoptOpinion(actor: MeetingActor, meetingStatus: MeetingStatus): boolean {
  return canEditMeeting(actor) && (meetingStatus === 'scheduled' || meetingStatus === 'live' || meetingStatus === 'ended');
}
