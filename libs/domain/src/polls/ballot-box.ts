import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { PollMethod } from '@xieshang/protocol';
import { canonicalJson } from '../audit/hash-chain.js';
import { UnknownOptionError, countBallots, type TallyResult } from './tally.js';
import type { PollOptionSpec } from './options.js';

/** One ballot as it is published: a random id, the option, and the voter only in named polls. */
export interface CanonicalBallot {
  id: string;
  option: string;
  voterId: string | null;
}

export interface BallotBox {
  pollId: string;
  method: PollMethod;
  options: readonly string[];
  ballots: readonly CanonicalBallot[];
  /** Everyone in the has-voted register. */
  voters: readonly string[];
  counts: Readonly<Record<string, number>>;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * SHA-256 over the canonical ballot box: ballots sorted by id (never in submission order),
 * the sorted register, both sizes and the tally. Appended to the meeting's audit chain when the
 * poll closes, so any member can recompute it from the export and a changed, added or removed
 * ballot shows.
 */
export function ballotBoxDigest(box: BallotBox): string {
  const ballots = [...box.ballots].sort((a, b) => byCodeUnit(a.id, b.id)).map((b) => [b.id, b.option, b.voterId]);
  const voters = [...box.voters].sort(byCodeUnit);
  const canonical = canonicalJson({
    v: 1,
    pollId: box.pollId,
    method: box.method,
    options: box.options,
    ballots,
    nBallots: ballots.length,
    voters,
    nVoted: voters.length,
    counts: box.counts,
  });
  return bytesToHex(sha256(utf8ToBytes(canonical)));
}

export interface BallotBoxCheck {
  /** The ballots add up to the published counts. */
  countsMatch: boolean;
  /** As many ballots as names in the register. */
  oneBallotPerVoter: boolean;
  /** Named ballots carry exactly the register's voters; secret ballots carry none. */
  votersConsistent: boolean;
  digestMatches: boolean;
  intact: boolean;
}

/** Recomputes everything a member can check from an exported ballot box and its published digest. */
export function verifyBallotBox(box: BallotBox, options: readonly PollOptionSpec[], digest: string): BallotBoxCheck {
  let recounted: Record<string, number> | null;
  try {
    recounted = countBallots(
      options,
      box.ballots.map((b) => b.option),
    );
  } catch (e) {
    if (!(e instanceof UnknownOptionError)) throw e;
    recounted = null;
  }
  const countsMatch = recounted !== null && canonicalJson(recounted) === canonicalJson(box.counts);
  const oneBallotPerVoter = box.ballots.length === box.voters.length && new Set(box.voters).size === box.voters.length;
  const ballotVoters = box.ballots.map((b) => b.voterId);
  const votersConsistent =
    box.method === 'secret'
      ? ballotVoters.every((v) => v === null)
      : canonicalJson([...ballotVoters].sort()) === canonicalJson([...box.voters].sort());
  const digestMatches = ballotBoxDigest(box) === digest;
  return {
    countsMatch,
    oneBallotPerVoter,
    votersConsistent,
    digestMatches,
    intact: countsMatch && oneBallotPerVoter && votersConsistent && digestMatches,
  };
}

/** What the audit chain records about a closed poll: the tally and the digest, never a choice by name. */
export function pollClosedAuditData(result: TallyResult, digest: string, nVoted: number) {
  return {
    counts: result.counts,
    cast: result.cast,
    abstained: result.abstained,
    entitled: result.entitled,
    present: result.present,
    outcome: result.outcome,
    winner: result.winner,
    required: result.required,
    nVoted,
    digest,
  };
}
