import { Inject, Injectable } from '@nestjs/common';
import { auditEntryHash, GENESIS_HASH, verifyAuditChain, type ChainVerification } from '@xieshang/domain';
import { currentRequestId } from '../common/context/request-context.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import type { Prisma } from '../generated/prisma/client.js';

export interface AuditInput {
  actorId: string | null;
  /** Dotted verb, e.g. `meeting.created`, `user.disabled`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Meeting the event belongs to: it is then chained in that meeting's own log. */
  meetingId?: string | null;
  data?: Prisma.InputJsonValue;
}

export const scopeOf = (meetingId?: string | null) => (meetingId ? `meeting:${meetingId}` : 'global');

/**
 * Appends hash-chained audit events inside the caller's transaction, so an action and its
 * audit record commit together or not at all. Appends to one chain are serialised with a
 * transaction-scoped advisory lock; UNIQUE(scope, seq) and UNIQUE(scope, prevHash) are the
 * backstop against forks.
 */
@Injectable()
export class AuditService {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async append(tx: Prisma.TransactionClient, input: AuditInput): Promise<void> {
    const scope = scopeOf(input.meetingId);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${scope}))`;
    const last = await tx.auditEvent.findFirst({
      where: { scope },
      orderBy: { seq: 'desc' },
      select: { seq: true, hash: true },
    });
    const prevHash = last?.hash ?? GENESIS_HASH;
    const content = {
      scope,
      seq: (last?.seq ?? 0) + 1,
      at: new Date(),
      actorId: input.actorId,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      data: input.data ?? null,
    };
    await tx.auditEvent.create({
      data: {
        ...content,
        data: input.data,
        meetingId: input.meetingId ?? null,
        requestId: currentRequestId() ?? null,
        prevHash,
        hash: auditEntryHash(prevHash, content),
      },
    });
  }

  /** Convenience for actions that are nothing but the audit record. */
  async record(input: AuditInput): Promise<void> {
    await this.prisma.$transaction((tx) => this.append(tx, input));
  }

  async verify(scope: string): Promise<ChainVerification> {
    const rows = await this.prisma.auditEvent.findMany({ where: { scope }, orderBy: { seq: 'asc' } });
    return verifyAuditChain(rows.map((r) => ({ ...r, data: r.data ?? null })));
  }
}
