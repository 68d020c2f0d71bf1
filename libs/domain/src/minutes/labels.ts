import type {
  OpinionStance,
  ParticipantRole,
  PollMethod,
  PollOutcome,
  PollQuorum,
  PollRule,
  RecordedAttendance,
} from '@xieshang/protocol';

/* The words the minutes use for recorded facts. The minutes are a Chinese document whatever the UI language. */

/** The order stances are reported in. */
export const STANCE_ORDER: readonly OpinionStance[] = ['support', 'oppose', 'supplement', 'other'];

export const STANCE_LABEL: Record<OpinionStance, string> = {
  support: '赞成',
  oppose: '反对',
  supplement: '补充',
  other: '其他',
};

export const POLL_METHOD_LABEL: Record<PollMethod, string> = {
  named: '记名表决',
  secret: '无记名投票表决',
};

/** The rules as `PollRule` defines them (abstentions never count towards 赞成). */
export const POLL_RULE_LABEL: Record<PollRule, string> = {
  simple_majority: '以超过有效表决票（不含弃权票）的半数通过',
  majority_present: '以超过到会人数的半数通过',
  two_thirds_entitled: '以达到应到人数的三分之二通过',
};

/** 「到会人数超过应到人数的半数」 — the condition for a poll's result to count. */
export function pollQuorumLabel(q: PollQuorum): string {
  const who = q.basis === 'present' ? '到会人数' : '投票人数';
  return q.threshold === 'majority' ? `${who}超过应到人数的半数` : `${who}达到应到人数的三分之二`;
}

export const POLL_OUTCOME_LABEL: Record<PollOutcome, string> = {
  adopted: '通过',
  rejected: '未通过',
  no_quorum: '未达到规定人数，表决无效',
};

export const ROLE_LABEL: Record<ParticipantRole, string> = {
  chair: '主持人',
  secretary: '记录人',
  member: '委员',
  guest: '列席',
  observer: '旁听',
};

export const ATTENDANCE_LABEL: Record<RecordedAttendance, string> = {
  present: '出席',
  late: '迟到',
  absent: '缺席',
  leave: '请假',
};
