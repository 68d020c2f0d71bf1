import type { SpeakerRequestView, SpeechView } from '@xieshang/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import { iso, isoOrNull, personRefSelect, toPersonRef } from '../meetings/person-ref.mapper.js';

export const speakerRequestInclude = { user: { select: personRefSelect } } as const satisfies Prisma.SpeakerRequestInclude;
export type SpeakerRequestRow = Prisma.SpeakerRequestGetPayload<{ include: typeof speakerRequestInclude }>;

export const speechInclude = { user: { select: personRefSelect } } as const satisfies Prisma.SpeechInclude;
export type SpeechRow = Prisma.SpeechGetPayload<{ include: typeof speechInclude }>;

export function toSpeakerRequestView(r: SpeakerRequestRow): SpeakerRequestView {
  return {
    id: r.id,
    user: toPersonRef(r.user),
    agendaItemId: r.agendaItemId,
    topic: r.topic,
    status: r.status,
    requestedAt: iso(r.requestedAt),
  };
}

export function toSpeechView(s: SpeechRow): SpeechView {
  return {
    id: s.id,
    requestId: s.requestId,
    speaker: toPersonRef(s.user),
    agendaItemId: s.agendaItemId,
    topic: s.topic,
    startedAt: iso(s.startedAt),
    endedAt: isoOrNull(s.endedAt),
    limitSeconds: s.limitSeconds,
  };
}
