import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { canManageParticipants, invitationPath, invitationTokenHash, isMeetingEditable } from '@xieshang/domain';
import type { CreateInvitationBody, InvitationList, InvitationView } from '@xieshang/protocol';
import type { z } from 'zod';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import { toInvitationView } from './invitation.mapper.js';
import { MeetingAccessService } from './meeting-access.service.js';

type CreateInvitationInput = z.output<typeof CreateInvitationBody>;

const HOUR_MS = 3_600_000;

/**
 * Guest invitation links, organiser side: create (the link is shown once), list, revoke.
 * Accepting a link is the auth module's job; it finds the row by invitationTokenHash(token).
 */
@Injectable()
export class InvitationsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly access: MeetingAccessService,
    private readonly audit: AuditService,
  ) {}

  async create(user: AuthUser, meetingId: string, body: CreateInvitationInput): Promise<InvitationView> {
    await this.access.require(user, meetingId, canManageParticipants);
    // 32 random bytes: unguessable; only the hash is stored, so the link cannot be shown again.
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const invitation = await this.prisma.$transaction(async (tx) => {
      const meeting = await this.access.lockForWrite(tx, meetingId);
      if (!isMeetingEditable(meeting.status)) throw new AppError('meeting_not_editable');
      const created = await tx.invitation.create({
        data: {
          meetingId,
          tokenHash: invitationTokenHash(token),
          role: body.role,
          name: body.name || null,
          affiliation: body.affiliation || null,
          maxUses: body.maxUses,
          expiresAt: new Date(now.getTime() + body.expiresInHours * HOUR_MS),
          createdById: user.id,
        },
      });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'invitation.created',
        entityType: 'invitation',
        entityId: created.id,
        meetingId,
        data: {
          role: created.role,
          name: created.name,
          maxUses: created.maxUses,
          expiresAt: created.expiresAt.toISOString(),
        },
      });
      return created;
    });
    return toInvitationView(invitation, now, invitationPath(token));
  }

  async list(user: AuthUser, meetingId: string): Promise<InvitationList> {
    await this.access.require(user, meetingId, canManageParticipants);
    const rows = await this.prisma.invitation.findMany({
      where: { meetingId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    const now = new Date();
    return { items: rows.map((r) => toInvitationView(r, now)) };
  }

  /** Revoking stops the link at once; guests who already joined stay participants. Repeating it is a no-op. */
  async revoke(user: AuthUser, meetingId: string, invitationId: string): Promise<void> {
    await this.access.require(user, meetingId, canManageParticipants);
    await this.prisma.$transaction(async (tx) => {
      await this.access.lockForWrite(tx, meetingId);
      const invitation = await tx.invitation.findFirst({ where: { id: invitationId, meetingId } });
      if (!invitation) throw new AppError('not_found');
      if (invitation.revokedAt) return;
      await tx.invitation.update({ where: { id: invitationId }, data: { revokedAt: new Date() } });
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'invitation.revoked',
        entityType: 'invitation',
        entityId: invitationId,
        meetingId,
      });
    });
  }
}
