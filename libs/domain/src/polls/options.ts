import type { PollOptionRole } from '@xieshang/protocol';

export interface PollOptionSpec {
  label: string;
  role: PollOptionRole;
}

const FOR_LABELS = new Set(['赞成', '同意', 'yes', 'for', 'approve', 'aye']);
const AGAINST_LABELS = new Set(['反对', '不同意', 'no', 'against', 'nay']);
const ABSTAIN_LABELS = new Set(['弃权', 'abstain', 'abstention']);

function labelRole(label: string): PollOptionRole {
  const key = label.trim().toLowerCase();
  if (FOR_LABELS.has(key)) return 'for';
  if (AGAINST_LABELS.has(key)) return 'against';
  if (ABSTAIN_LABELS.has(key)) return 'abstain';
  return 'choice';
}

/**
 * Reads what each option means from its label. A poll is a motion (表决一项决议) when it has
 * exactly one affirmative option (赞成) and every other option is against (反对) or an
 * abstention (弃权); the outcome then depends on the affirmative count. Any other set of labels
 * is a choice between alternatives: abstentions stay abstentions, everything else is a choice.
 */
export function classifyOptions(labels: readonly string[]): PollOptionSpec[] {
  const roles = labels.map(labelRole);
  const isMotion = roles.filter((r) => r === 'for').length === 1 && roles.every((r) => r !== 'choice');
  return labels.map((label, i) => {
    const role = roles[i]!;
    return { label, role: isMotion || role === 'abstain' ? role : 'choice' };
  });
}

export function isMotion(options: readonly PollOptionSpec[]): boolean {
  return options.some((o) => o.role === 'for');
}
