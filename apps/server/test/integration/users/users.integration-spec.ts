import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../../support/http.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import {
  auditActions,
  createAndLogin,
  createUser,
  expectError,
  login,
  loginAdmin,
  uniqueName,
} from '../auth/accounts.fixtures.js';

describe('users API', () => {
  let t: TestApp;
  let admin: { token: string; userId: string };
  let staff: Awaited<ReturnType<typeof createAndLogin>>;
  let member: Awaited<ReturnType<typeof createAndLogin>>;
  beforeAll(async () => {
    t = await startTestApp({ XS_LOGIN_IP_LIMIT: '1000', XS_LOGIN_MAX_FAILURES: '2' });
    admin = await loginAdmin(t);
    staff = await createAndLogin(t, admin.token, 'staff');
    member = await createAndLogin(t, admin.token, 'member');
  });
  afterAll(async () => t?.close());

  const as = (token?: string) => apiClient(t.baseUrl, token);
  const body = (overrides: Record<string, unknown> = {}) => ({
    username: uniqueName('wang'),
    displayName: '王委员',
    password: 'Weiyuan-Strong-1',
    role: 'member',
    affiliation: '县农业农村局',
    sector: '农业界',
    phone: '13912345678',
    ...overrides,
  });

  describe('POST /api/users', () => {
    it('creates an account (201) with the secretariat view, never the password hash', async () => {
      const input = body();
      const res = await as(admin.token).post('/api/users', input);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        username: input.username.toLowerCase(),
        displayName: '王委员',
        role: 'member',
        disabled: false,
        affiliation: '县农业农村局',
        sector: '农业界',
        phone: '13912345678',
        mustChangePassword: true,
        lockedUntil: null,
      });
      expect(res.body).not.toHaveProperty('passwordHash');
      expect(await auditActions(t, res.body.id)).toEqual(['user.created']);
      // The first sign-in works with the initial password and asks for a new one.
      const first = await as().post('/api/auth/login', { username: input.username, password: input.password });
      expect(first.body.user.mustChangePassword).toBe(true);
    });

    it('lets staff create members, but not staff or admins (403)', async () => {
      expect((await as(staff.token).post('/api/users', body())).status).toBe(201);
      expectError(await as(staff.token).post('/api/users', body({ role: 'staff' })), 403, 'forbidden');
      expectError(await as(staff.token).post('/api/users', body({ role: 'admin' })), 403, 'forbidden');
      expect((await as(admin.token).post('/api/users', body({ role: 'staff' }))).status).toBe(201);
    });

    it('answers 403 to members, 401 without a token', async () => {
      expectError(await as(member.token).post('/api/users', body()), 403, 'forbidden');
      expectError(await as().post('/api/users', body()), 401, 'authentication_required');
    });

    it('answers 400 with the failing fields', async () => {
      const res = await as(admin.token).post('/api/users', {
        username: 'has space',
        displayName: '',
        password: 'short',
        role: 'guest',
        phone: 'x'.repeat(40),
      });
      expectError(res, 400, 'validation_failed');
      expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
        'displayName',
        'password',
        'phone',
        'role',
        'username',
      ]);
    });

    it('answers 400 weak_password for a common password', async () => {
      const res = await as(admin.token).post('/api/users', body({ password: '12345678' }));
      expectError(res, 400, 'weak_password');
      expect(res.body.error.fields[0].path).toBe('password');
    });

    it('answers 409 username_taken for a duplicate, in any letter case, also when two requests race', async () => {
      expectError(await as(admin.token).post('/api/users', body({ username: 'Admin' })), 409, 'username_taken');
      const username = uniqueName('race');
      const results = await Promise.all([
        as(admin.token).post('/api/users', body({ username })),
        as(staff.token).post('/api/users', body({ username: username.toUpperCase() })),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)!.body.error.code).toBe('username_taken');
    });

    it('accepts Chinese usernames', async () => {
      const res = await as(admin.token).post('/api/users', body({ username: `张委员${Date.now() % 1000}` }));
      expect(res.status).toBe(201);
    });
  });

  describe('GET /api/users', () => {
    let disabledId: string;
    beforeAll(async () => {
      const created = await as(admin.token).post('/api/users', body({ displayName: '赵停用', phone: '13700000000' }));
      disabledId = created.body.id;
      await as(admin.token).patch(`/api/users/${disabledId}`, { disabled: true });
    });

    it('lists active accounts for any member (participant picker) without phones or lock state', async () => {
      const res = await as(member.token).get('/api/users');
      expect(res.status).toBe(200);
      expect(res.body.total).toBeGreaterThanOrEqual(3);
      expect(res.body.items.length).toBe(res.body.total);
      for (const item of res.body.items) {
        expect(item).not.toHaveProperty('phone');
        expect(item).not.toHaveProperty('lockedUntil');
        expect(item).not.toHaveProperty('passwordHash');
        expect(item.disabled).toBe(false);
      }
      expect(res.body.items.map((u: { id: string }) => u.id)).not.toContain(disabledId);
    });

    it('shows staff the phones, and disabled accounts when asked; members cannot see disabled ones', async () => {
      const res = await as(staff.token).get('/api/users?includeDisabled=true&q=赵停用');
      expect(res.body.items).toEqual([
        expect.objectContaining({ id: disabledId, disabled: true, phone: '13700000000' }),
      ]);
      const hidden = await as(member.token).get('/api/users?includeDisabled=true&q=赵停用');
      expect(hidden.body).toEqual({ items: [], total: 0 });
    });

    it('searches names, usernames and affiliations, filters by role, and pages', async () => {
      const q = await as(member.token).get(`/api/users?q=${encodeURIComponent('农业农村')}`);
      expect(q.body.items.length).toBeGreaterThan(0);
      for (const u of q.body.items) expect(u.affiliation).toContain('农业农村');
      const staffOnly = await as(member.token).get('/api/users?role=staff');
      expect(staffOnly.body.items.every((u: { role: string }) => u.role === 'staff')).toBe(true);
      const page = await as(member.token).get('/api/users?limit=1&offset=1');
      expect(page.body.items).toHaveLength(1);
      expect(page.body.total).toBeGreaterThan(1);
    });

    it('leaves guest accounts out unless asked for', async () => {
      const guest = await t.db.prisma.user.create({
        data: { username: uniqueName('guest-'), displayName: '特邀嘉宾', role: 'guest' },
      });
      const all = await as(member.token).get('/api/users?limit=500');
      expect(all.body.items.map((u: { id: string }) => u.id)).not.toContain(guest.id);
      const guests = await as(member.token).get('/api/users?role=guest');
      expect(guests.body.items.map((u: { id: string }) => u.id)).toContain(guest.id);
    });

    it('answers 400 for bad query parameters and 401 without a token', async () => {
      expectError(await as(member.token).get('/api/users?role=king'), 400, 'validation_failed');
      expectError(await as(member.token).get('/api/users?limit=0'), 400, 'validation_failed');
      expectError(await as(member.token).get('/api/users?includeDisabled=maybe'), 400, 'validation_failed');
      expectError(await as().get('/api/users'), 401, 'authentication_required');
    });
  });

  describe('GET /api/users/:id', () => {
    it('returns the member view to members and the detail to staff', async () => {
      const target = await createUser(t, admin.token, { phone: '13600000000' });
      const seenByMember = await as(member.token).get(`/api/users/${target.id}`);
      expect(seenByMember.status).toBe(200);
      expect(seenByMember.body).not.toHaveProperty('phone');
      const seenByStaff = await as(staff.token).get(`/api/users/${target.id}`);
      expect(seenByStaff.body.phone).toBe('13600000000');
    });

    it('answers 404 for an unknown id and 401 without a token', async () => {
      expectError(await as(member.token).get('/api/users/does-not-exist'), 404, 'not_found');
      expectError(await as().get(`/api/users/${member.id}`), 401, 'authentication_required');
    });
  });

  describe('PATCH /api/users/:id', () => {
    it('updates fields and records which fields changed (not their values)', async () => {
      const target = await createUser(t, admin.token);
      const res = await as(staff.token).patch(`/api/users/${target.id}`, {
        displayName: '李四',
        phone: '13500000000',
        sector: null,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ displayName: '李四', phone: '13500000000', sector: null });
      const event = await t.db.prisma.auditEvent.findFirstOrThrow({
        where: { entityId: target.id, action: 'user.updated' },
      });
      expect(event.data).toEqual({ fields: ['displayName', 'phone'] });
      expect(JSON.stringify(event.data)).not.toContain('13500000000');
    });

    it('follows the domain rules: staff manage members only, nobody manages themselves, only admins grant staff', async () => {
      const other = await createUser(t, admin.token);
      expectError(await as(staff.token).patch(`/api/users/${admin.userId}`, { displayName: 'x' }), 403, 'forbidden');
      expectError(await as(staff.token).patch(`/api/users/${staff.id}`, { displayName: 'x' }), 403, 'forbidden');
      expectError(await as(admin.token).patch(`/api/users/${admin.userId}`, { disabled: true }), 403, 'forbidden');
      expectError(await as(staff.token).patch(`/api/users/${other.id}`, { role: 'staff' }), 403, 'forbidden');
      expectError(await as(member.token).patch(`/api/users/${other.id}`, { displayName: 'x' }), 403, 'forbidden');
      const promoted = await as(admin.token).patch(`/api/users/${other.id}`, { role: 'staff' });
      expect(promoted.body.role).toBe('staff');
      const event = await t.db.prisma.auditEvent.findFirstOrThrow({
        where: { entityId: other.id, action: 'user.updated' },
      });
      expect(event.data).toEqual({ fields: ['role'], role: { from: 'member', to: 'staff' } });
    });

    it('disabling ends every token and session of the account at once; enabling lets it sign in again', async () => {
      const target = await createAndLogin(t, admin.token);
      const res = await as(staff.token).patch(`/api/users/${target.id}`, { disabled: true });
      expect(res.body.disabled).toBe(true);
      expectError(await as(target.token).get('/api/auth/me'), 401, 'authentication_required');
      expectError(await as().post('/api/auth/refresh', {}, { cookie: target.cookie }), 401, 'authentication_required');
      expectError(
        await as().post('/api/auth/login', { username: target.username, password: target.password }),
        403,
        'account_disabled',
      );

      await as(staff.token).patch(`/api/users/${target.id}`, { disabled: false });
      expect((await login(t, target.username, target.password)).token).toBeTruthy();
      expect(await auditActions(t, target.id)).toEqual(['user.created', 'user.disabled', 'user.enabled']);
    });

    it('answers 400 with fields, 404 for unknown ids, 401 without a token', async () => {
      const target = await createUser(t, admin.token);
      const bad = await as(admin.token).patch(`/api/users/${target.id}`, {
        role: 'guest',
        disabled: 'yes',
        displayName: '',
      });
      expectError(bad, 400, 'validation_failed');
      expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
        'disabled',
        'displayName',
        'role',
      ]);
      expectError(await as(admin.token).patch('/api/users/nope', { displayName: 'x' }), 404, 'not_found');
      expectError(await as().patch(`/api/users/${target.id}`, { displayName: 'x' }), 401, 'authentication_required');
    });

    it('writes nothing for a patch that changes nothing', async () => {
      const target = await createUser(t, admin.token);
      const row = await t.db.prisma.user.findUniqueOrThrow({ where: { id: target.id } });
      expect((await as(admin.token).patch(`/api/users/${target.id}`, { displayName: row.displayName })).status).toBe(
        200,
      );
      expect(await auditActions(t, target.id)).toEqual(['user.created']);
    });
  });

  describe('POST /api/users/:id/reset-password', () => {
    it('sets a new initial password, unlocks the account and ends its sessions', async () => {
      const target = await createAndLogin(t, admin.token);
      for (let i = 0; i < 2; i++)
        await as().post('/api/auth/login', { username: target.username, password: 'wrong-guess-99' });
      expectError(
        await as().post('/api/auth/login', { username: target.username, password: target.password }),
        423,
        'account_locked',
      );

      const res = await as(staff.token).post(`/api/users/${target.id}/reset-password`, {
        password: 'Reset-By-Staff-1',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ mustChangePassword: true, lockedUntil: null });
      expectError(await as(target.token).get('/api/auth/me'), 401, 'authentication_required');
      expectError(await as().post('/api/auth/refresh', {}, { cookie: target.cookie }), 401, 'authentication_required');
      const signedIn = await as().post('/api/auth/login', { username: target.username, password: 'Reset-By-Staff-1' });
      expect(signedIn.body.user.mustChangePassword).toBe(true);
      expect(await auditActions(t, target.id)).toContain('user.password_reset');
    });

    it('refuses weak passwords (400), self-service (403), guests (403), members (403), unknown ids (404)', async () => {
      const target = await createUser(t, admin.token);
      const weak = await as(admin.token).post(`/api/users/${target.id}/reset-password`, { password: 'a1234567' });
      expectError(weak, 400, 'weak_password');
      const short = await as(admin.token).post(`/api/users/${target.id}/reset-password`, { password: 'a1' });
      expectError(short, 400, 'validation_failed');
      const strong = { password: 'Strong-Reset-2026' };
      expectError(await as(staff.token).post(`/api/users/${staff.id}/reset-password`, strong), 403, 'forbidden');
      expectError(await as(staff.token).post(`/api/users/${admin.userId}/reset-password`, strong), 403, 'forbidden');
      expectError(await as(member.token).post(`/api/users/${target.id}/reset-password`, strong), 403, 'forbidden');
      const guest = await t.db.prisma.user.create({
        data: { username: uniqueName('guest-'), displayName: '嘉宾', role: 'guest' },
      });
      expectError(await as(admin.token).post(`/api/users/${guest.id}/reset-password`, strong), 403, 'forbidden');
      expectError(await as(admin.token).post('/api/users/nope/reset-password', strong), 404, 'not_found');
      expectError(await as().post(`/api/users/${target.id}/reset-password`, strong), 401, 'authentication_required');
    });
  });
});
