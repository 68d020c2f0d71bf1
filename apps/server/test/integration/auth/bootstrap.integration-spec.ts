import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { AuditService } from '../../../src/audit/audit.service.js';
import { PasswordHasher } from '../../../src/auth/password-hasher.js';
import { loadConfig } from '../../../src/config/env.js';
import { applyPendingMigrations } from '../../../src/database/migrations.js';
import { AdminBootstrap } from '../../../src/users/admin-bootstrap.js';
import { apiClient } from '../../support/http.js';
import { freshDatabase, startTestApp, type TestApp } from '../../support/test-app.js';
import { expectError } from './accounts.fixtures.js';

describe('first start: the admin account', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  async function start(env: Record<string, string> = {}): Promise<TestApp> {
    const t = await startTestApp(env);
    cleanups.push(() => t.close());
    return t;
  }

  it('uses XS_ADMIN_PASSWORD, prints nothing, and audits the creation', async () => {
    const write = vi.spyOn(process.stdout, 'write');
    const t = await start();
    expect(write.mock.calls.flat().join('')).not.toContain('admin-password-1');
    const admin = await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
    expect(admin).toMatchObject({ role: 'admin', mustChangePassword: false, displayName: '系统管理员' });
    expect(admin.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const events = await t.db.prisma.auditEvent.findMany({ where: { entityId: admin.id } });
    expect(events.map((e) => e.action)).toEqual(['user.created']);
    expect(events[0]!.actorId).toBeNull();
  });

  it('without XS_ADMIN_PASSWORD generates a strong password, prints it once in a banner, and requires a change', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const t = await start({ XS_ADMIN_PASSWORD: '' });
    const printed = write.mock.calls.flat().join('');
    const match = /password 密码:\s+(\S+)/.exec(printed);
    expect(match).toBeTruthy();
    const password = match![1]!;
    expect(password.length).toBeGreaterThanOrEqual(24);
    expect(printed).toContain('shown only once');

    const res = await apiClient(t.baseUrl).post('/api/auth/login', { username: 'admin', password });
    expect(res.status).toBe(200);
    expect(res.body.user.mustChangePassword).toBe(true);

    // A restart finds the admin and prints nothing.
    write.mockClear();
    expect(await t.app.get(AdminBootstrap).ensureAdmin()).toBe('exists');
    expect(write.mock.calls.flat().join('')).not.toContain(password);
    expect(await t.db.prisma.user.count({ where: { role: 'admin' } })).toBe(1);
  });

  it('requires a change at first sign-in when XS_ADMIN_PASSWORD is a common password', async () => {
    const t = await start({ XS_ADMIN_PASSWORD: '88888888' });
    const admin = await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
    expect(admin.mustChangePassword).toBe(true);
    expectError(
      await apiClient(t.baseUrl).post('/api/auth/login', { username: 'admin', password: 'wrong-one' }),
      401,
      'invalid_credentials',
    );
  });

  it('creates exactly one admin when several instances start at once on the same database', async () => {
    const { db, drop } = await freshDatabase();
    cleanups.push(drop);
    await applyPendingMigrations(db.adapter);
    const config = loadConfig({ XS_ADMIN_PASSWORD: 'admin-password-1', XS_LOG_LEVEL: 'silent' });
    const hasher = new PasswordHasher();
    const instances = Array.from(
      { length: 4 },
      () => new AdminBootstrap(db.prisma, config, hasher, new AuditService(db.prisma)),
    );
    const outcomes = await Promise.all(instances.map((b) => b.ensureAdmin()));
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'exists')).toHaveLength(3);
    expect(await db.prisma.user.count()).toBe(1);
    expect(await db.prisma.auditEvent.count({ where: { action: 'user.created' } })).toBe(1);
  });

  it('does not take over a non-admin account that happens to be called admin', async () => {
    const { db, drop } = await freshDatabase();
    cleanups.push(drop);
    await applyPendingMigrations(db.adapter);
    await db.prisma.user.create({ data: { username: 'admin', displayName: '普通委员', role: 'member' } });
    const config = loadConfig({ XS_ADMIN_PASSWORD: 'admin-password-1', XS_LOG_LEVEL: 'silent' });
    const bootstrap = new AdminBootstrap(db.prisma, config, new PasswordHasher(), new AuditService(db.prisma));
    expect(await bootstrap.ensureAdmin()).toBe('taken');
    expect(await db.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } })).toMatchObject({ role: 'member' });
  });
});
