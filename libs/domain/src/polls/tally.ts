import type { PollOutcome, PollQuorum, PollRule } from '@xieshang/protocol';
import type { PollOptionSpec } from './options.js';

/** "More than half" or "at least two thirds" of a base. */
export type Threshold = 'majority' | 'two_thirds';

/**
 * The smallest count that meets the threshold against a base, and never less than one: nothing
 * is adopted, and no quorum is met, by nobody.
 */
export function requiredCount(threshold: Threshold, base: number): number {
  const n = threshold === 'majority' ? Math.floor(base / 2) + 1 : Math.ceil((2 * base) / 3);
  return Math.max(1, n);
}

export interface TallyInput {
  options: readonly PollOptionSpec[];
  /** The chosen option's label, one entry per ballot. */
  ballots: readonly string[];
  rule: PollRule;
  quorum: PollQuorum | null;
  /** Entitled voters (应到) and how many of them were present (实到) at the close. */
  entitled: number;
  present: number;
}

export interface TallyResult {
  counts: Record<string, number>;
  cast: number;
  abstained: number;
  entitled: number;
  present: number;
  outcome: PollOutcome;
  winner: string | null;
  /** Votes the affirmative (or leading) option needed. */
  required: number;
  quorumMet: boolean;
}

export class UnknownOptionError extends Error {
  constructor(readonly option: string) {
    super(`ballot for an option the poll does not have: ${option}`);
  }
}

/** Counts per option label, every option present (0 when nobody chose it). */
export function countBallots(options: readonly PollOptionSpec[], ballots: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(options.map((o) => [o.label, 0]));
  for (const b of ballots) {
    if (!Object.hasOwn(counts, b)) throw new UnknownOptionError(b);
    counts[b]! += 1;
  }
  return counts;
}

/**
 * Tallies a closed poll and applies its rule.
 * - simple_majority: the affirmative option needs more than half of the ballots that expressed a
 *   preference (abstentions are recorded but not counted in the base), so a tie is rejected;
 * - majority_present: more than half of those present;
 * - two_thirds_entitled: at least two thirds of everyone entitled.
 * Whoever cast a ballot was present, so `present` is never taken below `cast` (nor `entitled`
 * below either). In a choice poll the single leading option must meet the same threshold;
 * a tie for the lead adopts nothing. An unmet quorum overrides everything: `no_quorum`.
 */
export function tally(input: TallyInput): TallyResult {
  const counts = countBallots(input.options, input.ballots);
  const cast = input.ballots.length;
  const abstained = input.options.filter((o) => o.role === 'abstain').reduce((n, o) => n + counts[o.label]!, 0);
  const present = Math.max(input.present, cast);
  const entitled = Math.max(input.entitled, present);

  const required = requiredForRule(input.rule, { cast, abstained, present, entitled });
  const quorumMet = input.quorum
    ? (input.quorum.basis === 'present' ? present : cast) >= requiredCount(input.quorum.threshold, entitled)
    : true;

  const base = { counts, cast, abstained, entitled, present, required, quorumMet };
  if (!quorumMet) return { ...base, outcome: 'no_quorum', winner: null };

  const affirmative = input.options.find((o) => o.role === 'for');
  if (affirmative) {
    const adopted = counts[affirmative.label]! >= required;
    return { ...base, outcome: adopted ? 'adopted' : 'rejected', winner: null };
  }
  const choices = input.options.filter((o) => o.role === 'choice');
  const top = Math.max(0, ...choices.map((o) => counts[o.label]!));
  const leaders = choices.filter((o) => counts[o.label] === top);
  if (leaders.length === 1 && top >= required) return { ...base, outcome: 'adopted', winner: leaders[0]!.label };
  return { ...base, outcome: 'rejected', winner: null };
}

function requiredForRule(
  rule: PollRule,
  n: { cast: number; abstained: number; present: number; entitled: number },
): number {
  switch (rule) {
    case 'simple_majority':
      return requiredCount('majority', n.cast - n.abstained);
    case 'majority_present':
      return requiredCount('majority', n.present);
    case 'two_thirds_entitled':
      return requiredCount('two_thirds', n.entitled);
  }
}
