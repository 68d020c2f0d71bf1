import { Inject, Injectable } from '@nestjs/common';
import { canManageCommittees, canViewCommittees } from '@xieshang/domain';
import type {
  AddCommitteeMemberBody,
  CommitteeDetail,
  CommitteeList,
  CommitteeMemberView,
  CommitteeView,
  CreateCommitteeBody,
} from '@xieshang/protocol';
import type { z } from 'zod';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import { personRefSelect } from '../meetings/person-ref.mapper.js';
import { toCommitteeMemberView, toCommitteeView } from './committee.mapper.js';

type CreateCommitteeInput = z.output<typeof CreateCommitteeBody>;
type AddCommitteeMemberInput = z.output<typeof AddCommitteeMemberBody>;

const withMemberCount = { _count: { select: { members: true } } } as const;
const memberInclude = { user: { select: personRefSelect } } as const;

/**
 * Committees (政协 bodies) and groups (委员活动小组, 专委会, 界别小组), with their members.
 * Committee events are not meeting events: they go to the global audit chain.
 */
@Injectable()
export class CommitteesService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser): Promise<CommitteeList> {
    if (!canViewCommittees(user.role)) throw new AppError('forbidden');
    const rows = await this.prisma.committee.findMany({
      include: withMemberCount,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return { items: rows.map(toCommitteeView) };
  }

  async get(user: AuthUser, committeeId: string): Promise<CommitteeDetail> {
    if (!canViewCommittees(user.role)) throw new AppError('forbidden');
    const row = await this.prisma.committee.findUnique({
      where: { id: committeeId },
      include: {
        ...withMemberCount,
        members: { include: memberInclude, orderBy: [{ joinedAt: 'asc' }, { userId: 'asc' }] },
      },
    });
    if (!row) throw new AppError('not_found');
    return { ...toCommitteeView(row), members: row.members.map(toCommitteeMemberView) };
  }

  async create(user: AuthUser, body: CreateCommitteeInput): Promise<CommitteeView> {
    if (!canManageCommittees(user.role)) throw new AppError('forbidden');
    const row = await this.prisma.$transaction(async (tx) => {
      if (body.parentId) {
        const parent = await tx.committee.findUnique({ where: { id: body.parentId }, select: { id: true } });
        if (!parent) throw new AppError('validation_failed', [{ path: 'parentId', message: 'unknown committee' }]);
      }
      const created = await tx.committee.create({
        data: { name: body.name, kind: body.kind, parentId: body.parentId ?? null },
        include: withMemberCount,
      });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'committee.created',
        entityType: 'committee',
        entityId: created.id,
        data: { name: created.name, kind: created.kind, parentId: created.parentId },
      });
      return created;
    });
    return toCommitteeView(row);
  }

  /** 404 for an unknown committee or user; 409 already_member. */
  async addMember(user: AuthUser, committeeId: string, body: AddCommitteeMemberInput): Promise<CommitteeMemberView> {
    if (!canManageCommittees(user.role)) throw new AppError('forbidden');
    const row = await this.prisma.$transaction(async (tx) => {
      const [committee, member] = await Promise.all([
        tx.committee.findUnique({ where: { id: committeeId }, select: { id: true } }),
        tx.user.findUnique({ where: { id: body.userId }, select: { id: true, role: true } }),
      ]);
      if (!committee || !member) throw new AppError('not_found');
      if (member.role === 'guest') {
        throw new AppError('validation_failed', [{ path: 'userId', message: 'guest accounts cannot be members' }]);
      }
      const existing = await tx.committeeMember.findUnique({
        where: { committeeId_userId: { committeeId, userId: body.userId } },
        select: { userId: true },
      });
      if (existing) throw new AppError('already_member');
      const created = await tx.committeeMember.create({
        data: { committeeId, userId: body.userId, title: body.title ?? null },
        include: memberInclude,
      });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'committee.member_added',
        entityType: 'committee',
        entityId: committeeId,
        data: { userId: body.userId, title: created.title },
      });
      return created;
    });
    return toCommitteeMemberView(row);
  }

  async removeMember(user: AuthUser, committeeId: string, userId: string): Promise<void> {
    if (!canManageCommittees(user.role)) throw new AppError('forbidden');
    await this.prisma.$transaction(async (tx) => {
      const existing = await tx.committeeMember.findUnique({ where: { committeeId_userId: { committeeId, userId } } });
      if (!existing) throw new AppError('not_found');
      await tx.committeeMember.delete({ where: { committeeId_userId: { committeeId, userId } } });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'committee.member_removed',
        entityType: 'committee',
        entityId: committeeId,
        data: { userId },
      });
    });
  }
}
