import type { OpinionView } from '@xieshang/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import { iso, isoOrNull, personRefSelect, toPersonRef } from '../meetings/person-ref.mapper.js';

export const opinionInclude = { author: { select: personRefSelect } } as const satisfies Prisma.OpinionInclude;
export type OpinionRow = Prisma.OpinionGetPayload<{ include: typeof opinionInclude }>;

export function toOpinionView(o: OpinionRow): OpinionView {
  return {
    id: o.id,
    meetingId: o.meetingId,
    agendaItemId: o.agendaItemId,
    author: toPersonRef(o.author),
    stance: o.stance,
    content: o.content,
    adopted: o.adopted,
    adoptedAt: isoOrNull(o.adoptedAt),
    adoptedIntoPollId: o.adoptedIntoPollId,
    createdAt: iso(o.createdAt),
    editedAt: isoOrNull(o.editedAt),
  };
}
