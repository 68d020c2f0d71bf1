import { classifyOptions, isEntitledVoter, type PollOptionSpec } from '@xieshang/domain';
import { ParticipantRole, type PollPublic, type PollQuorum, type PollResults, type PollView } from '@xieshang/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import { iso, isoOrNull } from '../meetings/person-ref.mapper.js';

export const pollInclude = { options: { orderBy: { position: 'asc' } } } as const satisfies Prisma.PollInclude;
export type PollRow = Prisma.PollGetPayload<{ include: typeof pollInclude }>;

export function optionSpecs(poll: PollRow): PollOptionSpec[] {
  return poll.options.map((o) => ({ label: o.label, role: o.role }));
}

/** Options as stored for a new poll: position and meaning (赞成/反对/弃权 or a choice). */
export function newPollOptions(labels: readonly string[]) {
  return classifyOptions(labels).map((o, position) => ({ position, label: o.label, role: o.role }));
}

/** Participant roles that may vote in a poll, for database filters (the rule itself is isEntitledVoter). */
export function entitledRoles(allowGuests: boolean): ParticipantRole[] {
  return ParticipantRole.options.filter((r) => isEntitledVoter(r, allowGuests));
}

export function toPollPublic(poll: PollRow, cast: number): PollPublic {
  return {
    id: poll.id,
    meetingId: poll.meetingId,
    agendaItemId: poll.agendaItemId,
    title: poll.title,
    description: poll.description,
    method: poll.method,
    rule: poll.rule,
    quorum: (poll.quorum as PollQuorum | null) ?? null,
    allowGuests: poll.allowGuests,
    options: poll.options.map((o) => o.label),
    status: poll.status,
    documentVersionId: poll.documentVersionId,
    documentHash: poll.documentHash,
    createdAt: iso(poll.createdAt),
    openedAt: isoOrNull(poll.openedAt),
    closedAt: isoOrNull(poll.closedAt),
    cast: poll.status === 'closed' && poll.results ? (poll.results as PollResults).cast : cast,
    results: poll.status === 'closed' ? ((poll.results as PollResults | null) ?? null) : null,
  };
}

export interface CallerVote {
  hasVoted: boolean;
  myChoice: string | null;
  canVote: boolean;
}

export function toPollView(poll: PollRow, cast: number, caller: CallerVote): PollView {
  return { ...toPollPublic(poll, cast), ...caller };
}
