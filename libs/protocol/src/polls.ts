import { z } from 'zod';
import { Id, IsoDateTime, Title } from './common.js';

/** 记名 (each member's choice is published after close) or 无记名 (ballots unlinkable to voters). */
export const PollMethod = z.enum(['named', 'secret']);
export type PollMethod = z.infer<typeof PollMethod>;

/**
 * How "adopted" is decided (the affirmative option's count against a base):
 * - simple_majority: more than half of the ballots that expressed a preference (abstentions excluded);
 * - majority_present: more than half of the entitled voters present (签到);
 * - two_thirds_entitled: at least two thirds of all entitled voters (应到).
 */
export const PollRule = z.enum(['simple_majority', 'majority_present', 'two_thirds_entitled']);
export type PollRule = z.infer<typeof PollRule>;

/**
 * Optional quorum: without it the poll's outcome is `no_quorum`. `basis` is what is counted
 * against the entitled voters — those present, or those who cast a ballot; `threshold` is
 * "more than half" or "at least two thirds".
 */
export const PollQuorum = z.object({
  basis: z.enum(['present', 'cast']),
  threshold: z.enum(['majority', 'two_thirds']),
});
export type PollQuorum = z.infer<typeof PollQuorum>;

export const PollStatus = z.enum(['draft', 'open', 'closed']);
export type PollStatus = z.infer<typeof PollStatus>;

export const PollOutcome = z.enum(['adopted', 'rejected', 'no_quorum']);
export type PollOutcome = z.infer<typeof PollOutcome>;

/** What an option means for the outcome; derived from its label on creation. */
export const PollOptionRole = z.enum(['for', 'against', 'abstain', 'choice']);
export type PollOptionRole = z.infer<typeof PollOptionRole>;

export const DEFAULT_POLL_OPTIONS = ['赞成', '反对', '弃权'] as const;

const OptionLabel = z.string().trim().min(1).max(60);

export const CreatePollBody = z.object({
  title: Title(200),
  description: z.string().trim().max(4000).nullable().optional(),
  method: PollMethod,
  /** Defaults to 赞成/反对/弃权. Labels must be distinct. */
  options: z
    .array(OptionLabel)
    .min(2)
    .max(20)
    .refine((o) => new Set(o).size === o.length, { message: 'options must be distinct' })
    .optional(),
  rule: PollRule.default('simple_majority'),
  quorum: PollQuorum.nullable().optional(),
  /** Guests (特邀) vote only when the poll says so; observers never. */
  allowGuests: z.boolean().default(false),
  agendaItemId: Id.nullable().optional(),
  /** A frozen document version the poll is about; its content hash becomes part of the poll. */
  documentVersionId: Id.nullable().optional(),
});
export type CreatePollBody = z.input<typeof CreatePollBody>;

export const CastBallotBody = z.object({ option: OptionLabel });
export type CastBallotBody = z.infer<typeof CastBallotBody>;

/** Deliberately nothing else: no ballot id, receipt or time that could later prove a choice. */
export const CastBallotResponse = z.object({ recorded: z.literal(true) });
export type CastBallotResponse = z.infer<typeof CastBallotResponse>;

export const NamedVote = z.object({ userId: Id, displayName: z.string(), option: z.string() });
export type NamedVote = z.infer<typeof NamedVote>;

export const PollResults = z.object({
  /** Every option label, with 0 for options nobody chose. */
  counts: z.record(z.string(), z.number().int()),
  /** Ballots cast, abstentions included. */
  cast: z.number().int(),
  abstained: z.number().int(),
  /** Entitled voters (应到) and those of them present (实到) when the poll closed. */
  entitled: z.number().int(),
  present: z.number().int(),
  outcome: PollOutcome,
  /** For a choice poll (no 赞成 option): the adopted option; null on a tie or rejection. */
  winner: z.string().nullable(),
  /** Votes the affirmative/leading option needed to be adopted. */
  required: z.number().int(),
  /** SHA-256 of the canonical ballot box + tally (see GET /api/polls/:id/ballot-box). */
  digest: z.string(),
  /** Named polls only: who chose what, in display-name order. */
  votes: z.array(NamedVote).optional(),
});
export type PollResults = z.infer<typeof PollResults>;

/** A poll as everyone in the meeting sees it. */
export const PollPublic = z.object({
  id: Id,
  meetingId: Id,
  agendaItemId: Id.nullable(),
  title: z.string(),
  description: z.string().nullable(),
  method: PollMethod,
  rule: PollRule,
  quorum: PollQuorum.nullable(),
  allowGuests: z.boolean(),
  options: z.array(z.string()),
  status: PollStatus,
  documentVersionId: Id.nullable(),
  documentHash: z.string().nullable(),
  createdAt: IsoDateTime,
  openedAt: IsoDateTime.nullable(),
  closedAt: IsoDateTime.nullable(),
  /** How many have voted so far (never what they chose). */
  cast: z.number().int(),
  results: PollResults.nullable(),
});
export type PollPublic = z.infer<typeof PollPublic>;

/** A poll as one caller sees it. */
export const PollView = PollPublic.extend({
  /** The caller has cast a ballot. For named polls the caller also sees their own choice. */
  hasVoted: z.boolean(),
  myChoice: z.string().nullable(),
  /** The caller may vote now (entitled, checked in, poll open, not yet voted). */
  canVote: z.boolean(),
});
export type PollView = z.infer<typeof PollView>;

export const PollList = z.object({ items: z.array(PollView) });
export type PollList = z.infer<typeof PollList>;

/**
 * The whole ballot box of a closed poll, for anyone in the meeting to recompute the tally and
 * the digest. Secret polls list ballots by their random id only.
 */
export const BallotBoxExport = z.object({
  pollId: Id,
  method: PollMethod,
  options: z.array(z.string()),
  ballots: z.array(z.object({ id: z.string(), option: z.string(), voterId: Id.nullable() })),
  /** Sorted ids of everyone who voted (the has-voted register). */
  voters: z.array(Id),
  counts: z.record(z.string(), z.number().int()),
  digest: z.string(),
});
export type BallotBoxExport = z.infer<typeof BallotBoxExport>;

// ── socket payloads ──
export const PollCreatedEvent = z.object({ meetingId: Id, poll: PollPublic });
export const PollOpenedEvent = z.object({ meetingId: Id, poll: PollPublic });
/** Throttled; `cast` only grows while a poll is open, so clients keep the largest value seen. */
export const PollProgressEvent = z.object({ meetingId: Id, pollId: Id, cast: z.number().int(), entitled: z.number().int() });
export const PollClosedEvent = z.object({ meetingId: Id, pollId: Id, results: PollResults });
/** Sent only to the voter's own connections (other devices learn they have voted). */
export const PollVotedEvent = z.object({ meetingId: Id, pollId: Id });
