import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { canHoldParticipantRole, invitationTokenHash, isInvitationUsable } from '@xieshang/domain';
import type { AcceptInvitationBody, AcceptInvitationResponse, InvitationPreview } from '@xieshang/protocol';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/errors/app-error.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import type { Invitation, Meeting, Prisma } from '../generated/prisma/client.js';
import { RefreshSessionsService } from './refresh-sessions.service.js';
import { signedIn, type SignedIn } from './signed-in.js';
import { TokenService } from './token.service.js';

/** Links are `/invite/<token>`; anything that cannot be such a token is rejected before a query. */
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{16,256}$/;

type UsableInvitation = Invitation & { meeting: Meeting };

/**
 * The guest side of invitation links (the organiser side creates them under the meeting): a
 * preview, and acceptance, which creates a password-less guest account, adds it to the meeting
 * with the invitation's role and signs it in with a token confined to that meeting.
 * Expired, revoked, used-up or unknown links all answer 404 invitation_invalid alike.
 */
@Injectable()
export class InvitationAcceptService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly sessions: RefreshSessionsService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.findUsable(this.prisma, token);
    return {
      meetingTitle: invitation.meeting.title,
      scheduledAt: invitation.meeting.scheduledAt.toISOString(),
      role: invitation.role,
      name: invitation.name,
      affiliation: invitation.affiliation,
    };
  }

  async accept(
    token: string,
    body: AcceptInvitationBody,
    userAgent: string | undefined,
  ): Promise<{ signedIn: SignedIn; body: AcceptInvitationResponse }> {
    const result = await this.prisma.$transaction(async (tx) => {
      const invitation = await this.findUsable(tx, token);
      await this.claimUse(tx, invitation.id);
      const user = await tx.user.create({
        data: {
          username: `guest-${randomBytes(6).toString('hex')}`,
          displayName: body.displayName,
          role: 'guest',
          affiliation: body.affiliation || invitation.affiliation,
        },
      });
      const participant = await tx.participant.create({
        data: {
          meetingId: invitation.meetingId,
          userId: user.id,
          role: invitation.role,
          attendance: 'confirmed',
          respondedAt: new Date(),
        },
      });
      const issued = await this.sessions.issue(tx, user.id, userAgent);
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'invitation.accepted',
        entityType: 'invitation',
        entityId: invitation.id,
        meetingId: invitation.meetingId,
        data: { userId: user.id, participantId: participant.id, role: invitation.role },
      });
      return { user, issued, meetingId: invitation.meetingId };
    });
    const session = await signedIn(this.tokens, result.user, result.issued, result.meetingId);
    return { signedIn: session, body: { ...session.body, meetingId: result.meetingId } };
  }

  private async findUsable(db: Prisma.TransactionClient | PrismaClient, token: string): Promise<UsableInvitation> {
    if (!TOKEN_FORMAT.test(token)) throw new AppError('invitation_invalid', undefined, 'malformed token');
    const invitation = await db.invitation.findUnique({
      where: { tokenHash: invitationTokenHash(token) },
      include: { meeting: true },
    });
    if (!invitation || !isUsable(invitation, new Date())) throw new AppError('invitation_invalid');
    return invitation;
  }

  /** Counts the use only while uses < maxUses, so two people racing for the last use cannot both get in. */
  private async claimUse(tx: Prisma.TransactionClient, invitationId: string): Promise<void> {
    const { count } = await tx.invitation.updateMany({
      where: {
        id: invitationId,
        revokedAt: null,
        expiresAt: { gt: new Date() },
        uses: { lt: this.prisma.invitation.fields.maxUses },
      },
      data: { uses: { increment: 1 } },
    });
    if (count !== 1) throw new AppError('invitation_invalid', undefined, 'used up concurrently');
  }
}

/** Active (not revoked, expired or used up), for a role a guest account may hold, in a meeting not yet archived. */
export function isUsable(invitation: UsableInvitation, now: Date): boolean {
  return (
    isInvitationUsable(invitation, now) &&
    canHoldParticipantRole('guest', invitation.role) &&
    invitation.meeting.status !== 'archived'
  );
}
