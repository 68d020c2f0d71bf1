import type { ParticipantRole } from '@xieshang/protocol';
import { canEditMeeting, type MeetingActor } from '../access/meeting-access.js';

/** 预约发言 default: eight minutes (双周协商座谈会 practice; 即席发言 is usually five). */
export const DEFAULT_SPEAKING_LIMIT_SECONDS = 8 * 60;

/** Everyone who takes part may ask to speak; observers (列席旁听) only listen. */
export function canRequestToSpeak(role: ParticipantRole | null): boolean {
  return role === 'chair' || role === 'secretary' || role === 'member' || role === 'guest';
}

/** The chair (or the secretary/staff acting for the chair) grants, reorders and ends speeches. */
export function canModerateSpeakers(actor: MeetingActor): boolean {
  return canEditMeeting(actor);
}

/** A request is withdrawn by its author, or by whoever moderates. */
export function canWithdrawRequest(actor: MeetingActor, isAuthor: boolean): boolean {
  return isAuthor || canModerateSpeakers(actor);
}

/** A speaker may end their own speech; the chair may end anyone's. */
export function canEndSpeech(actor: MeetingActor, isSpeaker: boolean): boolean {
  return isSpeaker || canModerateSpeakers(actor);
}

/**
 * Checks a requested queue order: it must name every waiting request exactly once. Returns the
 * order to store, or null when it is not a permutation of the queue (someone joined or left
 * meanwhile — the client should reload and retry).
 */
export function reorderQueue(waiting: readonly string[], requested: readonly string[]): string[] | null {
  if (requested.length !== waiting.length) return null;
  const want = new Set(waiting);
  const seen = new Set<string>();
  for (const id of requested) {
    if (!want.has(id) || seen.has(id)) return null;
    seen.add(id);
  }
  return [...requested];
}
