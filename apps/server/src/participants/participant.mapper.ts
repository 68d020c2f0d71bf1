import type { ParticipantView } from '@xieshang/protocol';
import type { Participant } from '../generated/prisma/client.js';
import { iso, isoOrNull, personRefSelect, toPersonRef, type PersonRefRow } from '../meetings/person-ref.mapper.js';

export type ParticipantRow = Participant & { user: PersonRefRow };

/** Include for participant queries, and the list order: chair, secretary, member, guest, observer (enum order), then by invitation. */
export const participantInclude = { user: { select: personRefSelect } } as const;
export const participantOrder = [{ role: 'asc' }, { invitedAt: 'asc' }, { id: 'asc' }] as const;

export function toParticipantView(p: ParticipantRow): ParticipantView {
  return {
    id: p.id,
    userId: p.userId,
    user: toPersonRef(p.user),
    role: p.role,
    attendance: p.attendance,
    invitedAt: iso(p.invitedAt),
    respondedAt: isoOrNull(p.respondedAt),
    checkedInAt: isoOrNull(p.checkedInAt),
    leftAt: isoOrNull(p.leftAt),
  };
}
