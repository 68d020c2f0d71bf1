import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type {
  GlobalRole,
  MinutesAction,
  MinutesConfirmationView,
  MinutesStatus,
  ParticipantRole,
  RecordedAttendance,
} from '@xieshang/protocol';

/*
 * The minutes approval flow as rules over plain values, so a service only loads, asks, writes:
 *   draft ──circulate──▶ circulated ──revise──▶ revised ──approve──▶ approved ──lock──▶ locked
 *                          ▲  confirm/comment      │ (circulate again)    ▲
 *                          └───────────────────────┘  circulated ─approve─┘
 * The secretary circulates and revises, participants confirm or comment while circulated and
 * before the deadline, the chair approves, and an approved text is locked (read-only, hashed).
 */

export interface MinutesActor {
  globalRole: GlobalRole;
  /** The actor's role in the meeting, or null when not a participant. */
  participantRole: ParticipantRole | null;
}

export interface MinutesFlowContext {
  status: MinutesStatus;
  /** Confirmation deadline set when circulated. */
  deadline: string | null;
  now: string | Date;
}

export type MinutesRefusal = 'wrong_status' | 'forbidden' | 'deadline_passed';
export type MinutesDecision = { ok: true; next: MinutesStatus } | { ok: false; reason: MinutesRefusal };

const FROM: Record<MinutesAction, readonly MinutesStatus[]> = {
  circulate: ['draft', 'revised'],
  confirm: ['circulated'],
  comment: ['circulated'],
  revise: ['circulated'],
  approve: ['circulated', 'revised'],
  lock: ['approved'],
};

const TO: Record<MinutesAction, MinutesStatus | null> = {
  circulate: 'circulated',
  confirm: null,
  comment: null,
  revise: 'revised',
  approve: 'approved',
  lock: 'locked',
};

const isStaff = (a: MinutesActor) => a.globalRole === 'admin' || a.globalRole === 'staff';

/** Who may take each action, independent of status. Staff may act for the secretary, never for the chair. */
function mayAct(action: MinutesAction, a: MinutesActor): boolean {
  switch (action) {
    case 'circulate':
    case 'revise':
      return a.participantRole === 'secretary' || a.participantRole === 'chair' || isStaff(a);
    case 'confirm':
    case 'comment':
      return a.participantRole != null && a.participantRole !== 'observer';
    case 'approve':
      return a.participantRole === 'chair';
    case 'lock':
      return a.participantRole === 'chair' || a.participantRole === 'secretary';
  }
}

/** Whether `actor` may take `action` now, and the status it leads to. */
export function decideMinutesAction(
  action: MinutesAction,
  actor: MinutesActor,
  ctx: MinutesFlowContext,
): MinutesDecision {
  if (!FROM[action].includes(ctx.status)) return { ok: false, reason: 'wrong_status' };
  if (!mayAct(action, actor)) return { ok: false, reason: 'forbidden' };
  if ((action === 'confirm' || action === 'comment') && ctx.deadline != null && toMs(ctx.now) > toMs(ctx.deadline)) {
    return { ok: false, reason: 'deadline_passed' };
  }
  return { ok: true, next: TO[action] ?? ctx.status };
}

/** The `can` map of a minutes view. */
export function minutesPermissions(actor: MinutesActor, ctx: MinutesFlowContext): Record<MinutesAction, boolean> {
  const actions: MinutesAction[] = ['circulate', 'confirm', 'comment', 'revise', 'approve', 'lock'];
  return Object.fromEntries(actions.map((a) => [a, decideMinutesAction(a, actor, ctx).ok])) as Record<
    MinutesAction,
    boolean
  >;
}

/** Locked minutes are read-only for everyone; before that the secretary and chair edit the text. */
export function canEditMinutesText(actor: MinutesActor, status: MinutesStatus): boolean {
  if (status === 'approved' || status === 'locked') return false;
  return actor.participantRole === 'secretary' || actor.participantRole === 'chair' || isStaff(actor);
}

export interface ConfirmationParticipant {
  userId: string;
  role: ParticipantRole;
  attendance: RecordedAttendance;
}

/**
 * Who is asked to confirm: everyone who attended the meeting as chair, member or guest (the
 * secretary wrote the text; observers only watched).
 */
export function expectedConfirmers(participants: ConfirmationParticipant[]): string[] {
  return participants
    .filter(
      (p) =>
        (p.role === 'chair' || p.role === 'member' || p.role === 'guest') &&
        (p.attendance === 'present' || p.attendance === 'late'),
    )
    .map((p) => p.userId);
}

/** Expected confirmers who have not yet confirmed the whole text. */
export function pendingConfirmers(
  participants: ConfirmationParticipant[],
  confirmations: MinutesConfirmationView[],
): string[] {
  const confirmed = new Set(confirmations.filter((c) => c.target.kind === 'whole').map((c) => c.userId));
  return expectedConfirmers(participants).filter((id) => !confirmed.has(id));
}

/**
 * The hash written to the audit chain when the minutes lock: SHA-256 of the text with line
 * endings and Unicode normalisation fixed, so the same words always hash alike.
 */
export function minutesContentHash(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n').normalize('NFC');
  return bytesToHex(sha256(utf8ToBytes(normalised)));
}

function toMs(t: string | Date): number {
  return typeof t === 'string' ? Date.parse(t) : t.getTime();
}
