import type { DocumentCapabilities, GlobalRole, ParticipantRole } from '@xieshang/protocol';

/** Who is asking, as far as one document's permissions are concerned. */
export interface DocumentActor {
  globalRole: GlobalRole;
  isOwner: boolean;
  isCoAuthor: boolean;
  /** The actor's role in the document's meeting; null without a meeting or when not a participant. */
  participantRole: ParticipantRole | null;
}

/** What the server does with a co-editing connection. */
export type CollabAccess = 'edit' | 'read' | 'none';

const isStaff = (a: DocumentActor) => a.globalRole === 'admin' || a.globalRole === 'staff';
const isAuthor = (a: DocumentActor) => a.isOwner || a.isCoAuthor;
const isOrganiser = (a: DocumentActor) => a.participantRole === 'chair' || a.participantRole === 'secretary';

/** Authors, every participant of the meeting (observers included) and the secretariat see a document. */
export function canViewDocument(a: DocumentActor): boolean {
  return isAuthor(a) || a.participantRole !== null || isStaff(a);
}

/**
 * Owner, co-authors and the meeting's participants write; observers only read. Staff see every
 * document but write only where they are an author or a participant (add yourself as co-author).
 * Ignores the lock: see canEditDocumentContent.
 */
export function isDocumentWriter(a: DocumentActor): boolean {
  return isAuthor(a) || (a.participantRole !== null && a.participantRole !== 'observer');
}

/** Typing into the live text: writers, while the document is not locked. */
export function canEditDocumentContent(a: DocumentActor, locked: boolean): boolean {
  return !locked && isDocumentWriter(a);
}

/** Lock/unlock and co-authors: the owner, the meeting's chair and secretary, and the secretariat. */
export function canManageDocument(a: DocumentActor): boolean {
  return a.isOwner || isOrganiser(a) || isStaff(a);
}

export function collabAccess(a: DocumentActor, locked: boolean): CollabAccess {
  if (canEditDocumentContent(a, locked)) return 'edit';
  return canViewDocument(a) ? 'read' : 'none';
}

/**
 * Creating a document: for a meeting, its participants except observers (and staff); without a
 * meeting, any signed-in account except invitation guests, who only work inside their meeting.
 */
export function canCreateDocument(
  globalRole: GlobalRole,
  meeting: { participantRole: ParticipantRole | null } | null,
): boolean {
  const staff = globalRole === 'admin' || globalRole === 'staff';
  if (!meeting) return globalRole !== 'guest';
  return staff || (meeting.participantRole !== null && meeting.participantRole !== 'observer');
}

/** Everything the caller may do, for the client; the server checks each action with the predicates above. */
export function documentCapabilities(a: DocumentActor, locked: boolean): DocumentCapabilities {
  const writer = isDocumentWriter(a);
  return {
    edit: canEditDocumentContent(a, locked),
    rename: writer || canManageDocument(a),
    lock: canManageDocument(a),
    manageCoAuthors: canManageDocument(a),
    saveVersion: writer || canManageDocument(a),
    restoreVersion: canEditDocumentContent(a, locked),
  };
}
