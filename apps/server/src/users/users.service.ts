import { Inject, Injectable } from '@nestjs/common';
import { canCreateUserWithRole, canManageUser } from '@xieshang/domain';
import type {
  CreateUserBody,
  ListUsersQuery,
  UpdateUserBody,
  UserDetail,
  UserList,
  UserView,
} from '@xieshang/protocol';
import type { z } from 'zod';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { assertStrongPassword } from '../auth/password-policy.js';
import { RefreshSessionsService } from '../auth/refresh-sessions.service.js';
import { AppError } from '../common/errors/app-error.js';
import { RoomEvents } from '../session/room-events.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import type { Prisma, User } from '../generated/prisma/client.js';
import { isUniqueViolation } from './unique-violation.js';
import { isStaffRole, normalizeUsername, toUserDetail, userViewFor } from './user-view.js';

type CreateUser = z.output<typeof CreateUserBody>;
type ListUsers = z.output<typeof ListUsersQuery>;

/**
 * Accounts are created and managed by admins and the secretariat (no open sign-up). The rules
 * of who may manage whom are in libs/domain (user-admin.ts); this class applies them, writes
 * in one transaction with the audit event, and ends sessions when access is taken away.
 */
@Injectable()
export class UsersService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly hasher: PasswordHasher,
    private readonly sessions: RefreshSessionsService,
    private readonly audit: AuditService,
    private readonly room: RoomEvents,
  ) {}

  async create(actor: AuthUser, body: CreateUser): Promise<UserDetail> {
    if (!canCreateUserWithRole(actor.role, body.role))
      throw new AppError('forbidden', undefined, `create ${body.role}`);
    const username = normalizeUsername(body.username);
    assertStrongPassword(body.password, username, 'password');
    // Cheap early answer before spending a hash; the unique index still decides races.
    if (await this.prisma.user.findUnique({ where: { username }, select: { id: true } }))
      throw new AppError('username_taken');
    const passwordHash = await this.hasher.hash(body.password);
    try {
      return await this.prisma.$transaction(async (tx) => {
        const user = await tx.user.create({
          data: {
            username,
            displayName: body.displayName,
            passwordHash,
            role: body.role,
            affiliation: body.affiliation || null,
            sector: body.sector || null,
            phone: body.phone || null,
            mustChangePassword: body.mustChangePassword,
          },
        });
        await this.audit.append(tx, {
          actorId: actor.id,
          action: 'user.created',
          entityType: 'user',
          entityId: user.id,
          data: { username, role: body.role },
        });
        return toUserDetail(user);
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('username_taken');
      throw e;
    }
  }

  /** Feeds the participant picker: every signed-in non-guest may list; only staff see phones and disabled accounts. */
  async list(actor: AuthUser, query: ListUsers): Promise<UserList> {
    const staff = isStaffRole(actor.role);
    const where: Prisma.UserWhereInput = {
      // Guest accounts belong to one meeting each; they are listed only when asked for.
      role: query.role ?? { not: 'guest' },
      ...(staff && query.includeDisabled ? {} : { disabled: false }),
      ...(query.q ? { OR: searchFields(query.q) } : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.user.findMany({
        where,
        orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
        take: query.limit,
        skip: query.offset,
      }),
      this.prisma.user.count({ where }),
    ]);
    return { items: rows.map((u) => userViewFor(actor.role, u)), total };
  }

  /** Guests may look only at themselves; everyone else at any account. */
  async get(actor: AuthUser, id: string): Promise<UserView | UserDetail> {
    if (actor.role === 'guest' && actor.id !== id) throw new AppError('forbidden');
    return userViewFor(actor.role, await this.load(id));
  }

  async update(actor: AuthUser, id: string, patch: UpdateUserBody): Promise<UserDetail> {
    const target = await this.loadManageable(actor, id);
    if (patch.role && patch.role !== target.role && !canCreateUserWithRole(actor.role, patch.role)) {
      throw new AppError('forbidden', undefined, `grant ${patch.role}`);
    }
    const changed = changedFields(target, patch);
    if (changed.length === 0) return toUserDetail(target);
    const disabling = patch.disabled === true && !target.disabled;
    const detail = await this.prisma.$transaction(async (tx) => {
      const updated = await tx.user.update({
        where: { id },
        // Disabling ends every access token (tokenVersion) and refresh session at once (ASVS 7.4.2).
        data: { ...patch, ...(disabling ? { tokenVersion: { increment: 1 } } : {}) },
      });
      if (disabling) await this.sessions.revokeAll(tx, id);
      await this.auditUpdate(tx, actor, target, updated, changed);
      return toUserDetail(updated);
    });
    // After commit: a disabled account's open meeting-room sockets close now, on every instance.
    if (disabling) this.room.disconnectAccount(id);
    return detail;
  }

  /** Sets a new initial password, unlocks the account and ends its sessions. */
  async resetPassword(actor: AuthUser, id: string, password: string): Promise<UserDetail> {
    const target = await this.loadManageable(actor, id);
    if (target.role === 'guest') throw new AppError('forbidden', undefined, 'guest accounts have no password');
    assertStrongPassword(password, target.username, 'password');
    const passwordHash = await this.hasher.hash(password);
    const detail = await this.prisma.$transaction(async (tx) => {
      const updated = await tx.user.update({
        where: { id },
        data: {
          passwordHash,
          mustChangePassword: true,
          failedLogins: 0,
          lockedUntil: null,
          tokenVersion: { increment: 1 },
        },
      });
      await this.sessions.revokeAll(tx, id);
      await this.audit.append(tx, {
        actorId: actor.id,
        action: 'user.password_reset',
        entityType: 'user',
        entityId: id,
      });
      return toUserDetail(updated);
    });
    this.room.disconnectAccount(id);
    return detail;
  }

  private async load(id: string): Promise<User> {
    const user = await this.prisma.user.findUnique({ where: { id } });
    if (!user) throw new AppError('not_found');
    return user;
  }

  private async loadManageable(actor: AuthUser, id: string): Promise<User> {
    const target = await this.load(id);
    if (!canManageUser(actor.role, target.role, actor.id === id)) throw new AppError('forbidden');
    return target;
  }

  /**
   * user.updated names the changed fields (not their values: phones stay out of the log), with
   * the role's old and new value; user.disabled / user.enabled are events of their own.
   */
  private async auditUpdate(
    tx: Prisma.TransactionClient,
    actor: AuthUser,
    before: User,
    after: User,
    changed: string[],
  ) {
    const base = { actorId: actor.id, entityType: 'user', entityId: before.id };
    const fields = changed.filter((f) => f !== 'disabled');
    if (fields.length) {
      const role = fields.includes('role') ? { role: { from: before.role, to: after.role } } : {};
      await this.audit.append(tx, { ...base, action: 'user.updated', data: { fields, ...role } });
    }
    if (changed.includes('disabled')) {
      await this.audit.append(tx, { ...base, action: after.disabled ? 'user.disabled' : 'user.enabled' });
    }
  }
}

function searchFields(q: string): Prisma.UserWhereInput[] {
  const contains = { contains: q, mode: 'insensitive' as const };
  return [{ username: contains }, { displayName: contains }, { affiliation: contains }, { sector: contains }];
}

function changedFields(target: User, patch: UpdateUserBody): string[] {
  return (Object.keys(patch) as (keyof UpdateUserBody)[]).filter(
    (key) => patch[key] !== undefined && patch[key] !== target[key],
  );
}
