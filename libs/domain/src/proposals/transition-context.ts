import type { ConversionTarget, ProposalSettings, ProposalStatus } from '@xieshang/protocol';
import type { DeadlineCalendar } from '../calendar/deadlines.js';
import type { ProposalActor, ProposalEvent, ProposalEventType, ProposalRefusal } from './events.js';
import type { ProposalState } from './state.js';

/** Who is told: users, units' staff, or the proposal office. */
export interface NoticeAudience {
  userIds?: string[];
  unitIds?: string[];
  office?: boolean;
}

/** Kinds of 履职 credit a proposal step earns (consumed by the duty-record feature). */
export type ProposalDutyKind = 'proposal_registered' | 'proposal_key';

export type ProposalEffect =
  /** In-app notification; `notice` is an i18n key such as `proposal.registered`. */
  | { type: 'notify'; to: NoticeAudience; notice: string; data?: Record<string, unknown> }
  /** 并案: link this proposal to the one it was merged into. */
  | { type: 'merged_into'; targetId: string }
  /** 转: create the 社情民意 draft / 意见建议 / 委员来信 from this proposal. */
  | { type: 'convert_to'; target: ConversionTarget }
  /** 履职 credit for a proposer (first proposer or co-signer). */
  | { type: 'duty_event'; userId: string; kind: ProposalDutyKind; role: 'initiator' | 'cosigner' };

/** One line of the proposal's timeline: who, when, what, and why. */
export interface ProposalTimelineRecord {
  at: Date;
  actorId: string | null;
  action: ProposalEventType;
  fromStatus: ProposalStatus;
  toStatus: ProposalStatus;
  note: string | null;
  data?: Record<string, unknown>;
}

export type ProposalTransitionResult =
  | { ok: true; next: ProposalState; effects: ProposalEffect[]; entry: ProposalTimelineRecord }
  | ProposalRefusal;

/** What a handler sees: a private copy of the state it may change in place. */
export interface HandlerContext<E extends ProposalEvent = ProposalEvent> {
  s: ProposalState;
  event: E;
  actor: ProposalActor;
  settings: ProposalSettings;
  now: Date;
  cal: DeadlineCalendar;
}

export interface HandlerOutcome {
  effects: ProposalEffect[];
  note?: string | null;
  data?: Record<string, unknown>;
}

export type Handler<E extends ProposalEvent = ProposalEvent> = (ctx: HandlerContext<E>) => HandlerOutcome | ProposalRefusal;

export function isRefusal(x: HandlerOutcome | ProposalRefusal): x is ProposalRefusal {
  return 'ok' in x && x.ok === false;
}

/** All who put their name to the proposal. */
export function proposersOf(s: ProposalState): string[] {
  return s.signers.map((x) => x.userId);
}

export function notify(to: NoticeAudience, notice: string, data?: Record<string, unknown>): ProposalEffect {
  return data ? { type: 'notify', to, notice, data } : { type: 'notify', to, notice };
}

export function blank(text: string | undefined | null): boolean {
  return !text || !text.trim();
}
