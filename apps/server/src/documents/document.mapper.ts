import { documentCapabilities, type DocumentActor } from '@xieshang/domain';
import type { DocumentSummary, DocumentVersionView, DocumentView, PersonRef } from '@xieshang/protocol';
import type { Document, DocumentVersion } from '../generated/prisma/client.js';

/** The columns a PersonRef needs. */
export const personSelect = { id: true, displayName: true, affiliation: true } as const;

type WithOwner = Document & { owner: PersonRef };

export function toDocumentSummary(d: WithOwner): DocumentSummary {
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    owner: d.owner,
    meetingId: d.meetingId,
    agendaItemId: d.agendaItemId,
    locked: d.locked,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export function toDocumentView(d: WithOwner, coAuthors: PersonRef[], actor: DocumentActor): DocumentView {
  return {
    ...toDocumentSummary(d),
    lockedAt: d.lockedAt?.toISOString() ?? null,
    coAuthors,
    can: documentCapabilities(actor, d.locked),
  };
}

export function toVersionView(v: DocumentVersion & { author: PersonRef }): DocumentVersionView {
  return {
    id: v.id,
    documentId: v.documentId,
    number: v.number,
    name: v.name,
    kind: v.kind,
    author: v.author,
    createdAt: v.createdAt.toISOString(),
    contentHash: v.contentHash,
    sourceVersionId: v.sourceVersionId,
    textLength: v.text.length,
  };
}
