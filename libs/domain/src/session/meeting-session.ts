import type { AgendaItemStatus, MeetingStatus } from '@xieshang/protocol';
import { canEditMeeting, type MeetingActor } from '../access/meeting-access.js';

/** The chair runs the meeting; the secretary (and staff, admin) may act for the chair. */
export function canRunMeeting(actor: MeetingActor): boolean {
  return canEditMeeting(actor);
}

/** A drafted or scheduled meeting starts; only a live one ends. */
export function canStartMeeting(status: MeetingStatus): boolean {
  return status === 'draft' || status === 'scheduled';
}

export function canEndMeeting(status: MeetingStatus): boolean {
  return status === 'live';
}

/** Agenda, timers, speakers and polls are driven only while the meeting is live. */
export function isLive(status: MeetingStatus): boolean {
  return status === 'live';
}

/**
 * Moving to another item closes the one that was current (done) — opinions on it are then
 * final — and makes the new one active. A closed item may be reopened (status back to active).
 */
export function agendaStatusesAfterMove(
  items: ReadonlyArray<{ id: string; status: AgendaItemStatus }>,
  fromId: string | null,
  toId: string | null,
): Map<string, AgendaItemStatus> {
  const changes = new Map<string, AgendaItemStatus>();
  for (const item of items) {
    if (item.id === toId) {
      if (item.status !== 'active') changes.set(item.id, 'active');
    } else if (item.id === fromId || item.status === 'active') {
      changes.set(item.id, 'done');
    }
  }
  return changes;
}
