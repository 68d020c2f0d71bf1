import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { weakPasswordReason } from '../auth/password-policy.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import { isUniqueViolation } from './unique-violation.js';

export const ADMIN_USERNAME = 'admin';

export type BootstrapOutcome = 'exists' | 'created' | 'taken';

/**
 * First start: when no admin exists, creates `admin` with XS_ADMIN_PASSWORD, or with a generated
 * password printed once to the console that must be changed at first sign-in. Safe across
 * restarts (it checks first) and across instances starting together (the unique username lets
 * exactly one insert win; the others roll back).
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureAdmin();
  }

  async ensureAdmin(): Promise<BootstrapOutcome> {
    if (await this.adminExists()) return 'exists';
    const configured = this.config.XS_ADMIN_PASSWORD;
    const password = configured ?? randomBytes(18).toString('base64url');
    const weak = configured ? weakPasswordReason(configured, ADMIN_USERNAME) : null;
    const created = await this.create(password, !configured || weak !== null);
    if (!created) return this.reportTaken();
    if (!configured) printPasswordBanner(password);
    if (weak) this.logger.warn(`XS_ADMIN_PASSWORD is weak (${weak}); admin must change it at first sign-in`);
    return 'created';
  }

  private async adminExists(): Promise<boolean> {
    return (await this.prisma.user.count({ where: { role: 'admin' } })) > 0;
  }

  /** False when another instance (or an old non-admin account) already holds the username. */
  private async create(password: string, mustChangePassword: boolean): Promise<boolean> {
    const passwordHash = await this.hasher.hash(password);
    try {
      await this.prisma.$transaction(async (tx) => {
        const admin = await tx.user.create({
          data: {
            username: ADMIN_USERNAME,
            displayName: '系统管理员',
            role: 'admin',
            passwordHash,
            mustChangePassword,
          },
        });
        await this.audit.append(tx, {
          actorId: null,
          action: 'user.created',
          entityType: 'user',
          entityId: admin.id,
          data: { username: ADMIN_USERNAME, role: 'admin', bootstrap: true },
        });
      });
      return true;
    } catch (e) {
      if (isUniqueViolation(e)) return false;
      throw e;
    }
  }

  private async reportTaken(): Promise<BootstrapOutcome> {
    if (await this.adminExists()) return 'exists';
    this.logger.error(`no admin account exists and the username "${ADMIN_USERNAME}" belongs to a non-admin account`);
    return 'taken';
  }
}

/** Straight to the console, not the structured log: logs are shipped elsewhere and kept for months. */
function printPasswordBanner(password: string): void {
  const rule = '='.repeat(72);
  process.stdout.write(
    [
      '',
      rule,
      '  Xieshang 协商 — administrator account created / 已创建管理员账号',
      `    username 用户名: ${ADMIN_USERNAME}`,
      `    password 密码:   ${password}`,
      '  This password is shown only once. Sign in now; you will be asked to change it.',
      '  密码仅显示这一次，请立即登录，系统会要求您修改密码。',
      rule,
      '',
      '',
    ].join('\n'),
  );
}
