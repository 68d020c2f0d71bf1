import type { CommitteeMemberView, CommitteeView } from '@xieshang/protocol';
import type { Committee, CommitteeMember } from '../generated/prisma/client.js';
import { iso, toPersonRef, type PersonRefRow } from '../meetings/person-ref.mapper.js';

export type CommitteeRow = Committee & { _count: { members: number } };
export type CommitteeMemberRow = CommitteeMember & { user: PersonRefRow };

export function toCommitteeView(c: CommitteeRow): CommitteeView {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    parentId: c.parentId,
    memberCount: c._count.members,
    createdAt: iso(c.createdAt),
  };
}

export function toCommitteeMemberView(m: CommitteeMemberRow): CommitteeMemberView {
  return { userId: m.userId, user: toPersonRef(m.user), title: m.title, joinedAt: iso(m.joinedAt) };
}
