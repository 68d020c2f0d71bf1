import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../../support/http.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { ADMIN, auditActions, createUser, expectError, loginAdmin, refreshCookie } from './accounts.fixtures.js';

describe('POST /api/auth/login', () => {
  let t: TestApp;
  let adminToken: string;
  beforeAll(async () => {
    // Lockout is what these tests exercise; keep the per-IP limiter (tested below) out of the way.
    t = await startTestApp({ XS_LOGIN_IP_LIMIT: '1000', XS_LOGIN_MAX_FAILURES: '3', XS_LOGIN_LOCK_MINUTES: '10' });
    adminToken = (await loginAdmin(t)).token;
  });
  afterAll(async () => t?.close());
  const api = () => apiClient(t.baseUrl);

  it('returns an access token and the user, and sets the refresh cookie', async () => {
    const res = await api().post('/api/auth/login', ADMIN);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ expiresIn: 900, user: { username: 'admin', role: 'admin', disabled: false } });
    expect(res.body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^xs_refresh=[0-9a-f-]{36}\.[\w-]{43};/);
    expect(cookie).toContain('Path=/api/auth');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');
    const me = await apiClient(t.baseUrl, res.body.accessToken).get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: 'admin', meetingScope: null });
  });

  it('stores only the SHA-256 of the refresh token, with the client that signed in', async () => {
    const res = await api().post('/api/auth/login', ADMIN);
    const token = decodeURIComponent(refreshCookie(res).slice('xs_refresh='.length));
    const sessionId = token.split('.')[0]!;
    const row = await t.db.prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(token.split('.')[1]);
    expect(row.userAgent).toContain('node');
  });

  it('matches usernames regardless of case and full-width letters', async () => {
    expect((await api().post('/api/auth/login', { username: 'ADMIN', password: ADMIN.password })).status).toBe(200);
    expect((await api().post('/api/auth/login', { username: 'ａｄｍｉｎ', password: ADMIN.password })).status).toBe(
      200,
    );
  });

  it('answers 400 with the failing fields for a malformed body', async () => {
    const res = await api().post('/api/auth/login', { username: '', password: 42 });
    expectError(res, 400, 'validation_failed');
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['password', 'username']);
    expectError(
      await api().request('POST', '/api/auth/login', '[1,2', { 'content-type': 'application/json' }),
      400,
      'validation_failed',
    );
  });

  it('answers the same 401 for an unknown user and a wrong password', async () => {
    const unknown = await api().post('/api/auth/login', { username: 'nobody-here', password: 'whatever-123' });
    expectError(unknown, 401, 'invalid_credentials');
    const user = await createUser(t, adminToken);
    const wrong = await api().post('/api/auth/login', { username: user.username, password: 'not-the-password' });
    expectError(wrong, 401, 'invalid_credentials');
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('locks the account after XS_LOGIN_MAX_FAILURES failures, even for the right password, until the lock expires', async () => {
    const user = await createUser(t, adminToken);
    const attempt = (password: string) => api().post('/api/auth/login', { username: user.username, password });
    expectError(await attempt('wrong-1-password'), 401, 'invalid_credentials');
    expectError(await attempt('wrong-2-password'), 401, 'invalid_credentials');
    expectError(await attempt('wrong-3-password'), 423, 'account_locked');
    expectError(await attempt(user.password), 423, 'account_locked');

    const row = await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    const lockedFor = row.lockedUntil!.getTime() - Date.now();
    expect(lockedFor).toBeGreaterThan(9 * 60_000);
    expect(lockedFor).toBeLessThanOrEqual(10 * 60_000);
    expect(await auditActions(t, user.id)).toContain('auth.account_locked');

    const detail = await apiClient(t.baseUrl, adminToken).get(`/api/users/${user.id}`);
    expect(detail.body.lockedUntil).toBe(row.lockedUntil!.toISOString());

    await t.db.prisma.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await attempt(user.password)).status).toBe(200);
  });

  it('resets the failure count after a successful sign-in', async () => {
    const user = await createUser(t, adminToken);
    const attempt = (password: string) => api().post('/api/auth/login', { username: user.username, password });
    await attempt('wrong-password-a');
    await attempt('wrong-password-b');
    expect((await attempt(user.password)).status).toBe(200);
    expectError(await attempt('wrong-password-c'), 401, 'invalid_credentials');
    expectError(await attempt('wrong-password-d'), 401, 'invalid_credentials');
  });

  it('answers 403 account_disabled for a disabled account, only with the right password', async () => {
    const user = await createUser(t, adminToken);
    await apiClient(t.baseUrl, adminToken).patch(`/api/users/${user.id}`, { disabled: true });
    expectError(
      await api().post('/api/auth/login', { username: user.username, password: 'a-wrong-password' }),
      401,
      'invalid_credentials',
    );
    expectError(
      await api().post('/api/auth/login', { username: user.username, password: user.password }),
      403,
      'account_disabled',
    );
  });

  it('never lets a password-less guest account sign in with a password', async () => {
    const guest = await t.db.prisma.user.create({
      data: { username: 'guest-nopass', displayName: '特邀', role: 'guest' },
    });
    expectError(
      await api().post('/api/auth/login', { username: guest.username, password: 'anything-at-all' }),
      401,
      'invalid_credentials',
    );
  });

  it('serves a burst of parallel sign-ins (a meeting opening) without errors', async () => {
    const members = await Promise.all(Array.from({ length: 6 }, () => createUser(t, adminToken)));
    const burst = await Promise.all(
      Array.from({ length: 60 }, (_, i) => {
        const m = members[i % members.length]!;
        return api().post('/api/auth/login', { username: m.username, password: m.password });
      }),
    );
    expect(burst.map((r) => r.status)).toEqual(Array(60).fill(200));
  });

  it('answers in English when asked', async () => {
    const res = await api().post(
      '/api/auth/login',
      { username: 'nobody', password: 'whatever-123' },
      { 'accept-language': 'en' },
    );
    expect(res.body.error.message).toBe('Wrong username or password');
  });
});

describe('per-IP sign-in limiter and secure cookies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ XS_LOGIN_IP_LIMIT: '4', XS_LOGIN_MAX_FAILURES: '100', XS_SECURE_COOKIES: 'true' });
  });
  afterAll(async () => t?.close());

  it('marks the refresh cookie Secure when XS_SECURE_COOKIES is set', async () => {
    const res = await apiClient(t.baseUrl).post('/api/auth/login', ADMIN);
    expect(res.headers.get('set-cookie')).toContain('Secure');
  });

  it('does not count successful sign-ins, then answers 429 with Retry-After once the limit of failures is reached', async () => {
    const api = apiClient(t.baseUrl);
    const parallel = await Promise.all(Array.from({ length: 12 }, () => api.post('/api/auth/login', ADMIN)));
    expect(parallel.map((r) => r.status)).toEqual(Array(12).fill(200));
    for (let i = 0; i < 4; i++) {
      expectError(
        await api.post('/api/auth/login', { username: `someone${i}`, password: 'guessing-123' }),
        401,
        'invalid_credentials',
      );
    }
    const blocked = await api.post('/api/auth/login', { username: 'someone-else', password: 'guessing-123' });
    expectError(blocked, 429, 'too_many_requests');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // The window is per client address and applies to the right password too (the limiter cannot tell).
    expectError(await api.post('/api/auth/login', ADMIN), 429, 'too_many_requests');
  });
});
