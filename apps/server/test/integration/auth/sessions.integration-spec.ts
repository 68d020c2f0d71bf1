import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../../support/http.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { auditActions, createUser, expectError, login, loginAdmin, refreshCookie } from './accounts.fixtures.js';

describe('refresh sessions: /api/auth/refresh, /logout, /me', () => {
  let t: TestApp;
  let adminToken: string;
  beforeAll(async () => {
    t = await startTestApp({ XS_LOGIN_IP_LIMIT: '1000' });
    adminToken = (await loginAdmin(t)).token;
  });
  afterAll(async () => t?.close());

  const refresh = (cookie?: string) => apiClient(t.baseUrl).post('/api/auth/refresh', {}, cookie ? { cookie } : {});
  const me = (token: string) => apiClient(t.baseUrl, token).get('/api/auth/me');
  const sessionIdOf = (cookie: string) => decodeURIComponent(cookie.split('=')[1]!).split('.')[0]!;
  /** Pretends the last rotation happened long enough ago that a stale token counts as reuse, not a race. */
  const ageSession = (cookie: string) =>
    t.db.prisma.session.update({
      where: { id: sessionIdOf(cookie) },
      data: { lastUsedAt: new Date(Date.now() - 60_000) },
    });

  async function newMember() {
    const user = await createUser(t, adminToken);
    return { ...user, ...(await login(t, user.username, user.password)) };
  }

  it('GET /me answers 401 without a token, with garbage, and with a token signed by someone else', async () => {
    expectError(await apiClient(t.baseUrl).get('/api/auth/me'), 401, 'authentication_required');
    expectError(await me('not.a.jwt'), 401, 'authentication_required');
    const forged =
      'eyJhbGciOiJIUzI1NiJ9.eyJ0diI6MCwic3ViIjoieCIsImlzcyI6InhpZXNoYW5nIiwiZXhwIjo0MTAyNDQ0ODAwfQ.c2lnbmF0dXJlLWJ5LWFub3RoZXIta2V5LTAwMDAwMDA';
    expectError(await me(forged), 401, 'authentication_required');
    const bare = await apiClient(t.baseUrl).get('/api/auth/me', { authorization: 'Basic YWRtaW46eA==' });
    expectError(bare, 401, 'authentication_required');
  });

  it('rotates the refresh token: a new cookie and access token each time, the old cookie no longer valid', async () => {
    const member = await newMember();
    const first = await refresh(member.cookie);
    expect(first.status).toBe(200);
    expect(first.body.user.id).toBe(member.userId);
    const rotated = refreshCookie(first);
    expect(rotated).not.toBe(member.cookie);
    expect(sessionIdOf(rotated)).toBe(sessionIdOf(member.cookie));
    expect((await me(first.body.accessToken)).status).toBe(200);
    const second = await refresh(rotated);
    expect(second.status).toBe(200);
    expect(refreshCookie(second)).not.toBe(rotated);
  });

  it('treats reuse of a rotated token as theft: the whole session is revoked, with its access tokens', async () => {
    const member = await newMember();
    const rotated = await refresh(member.cookie);
    const thiefsCopy = member.cookie;
    const legitimate = refreshCookie(rotated);
    await ageSession(legitimate);

    const reuse = await refresh(thiefsCopy);
    expectError(reuse, 401, 'authentication_required');
    expect(reuse.headers.get('set-cookie')).toMatch(/xs_refresh=;/);
    expectError(await refresh(legitimate), 401, 'authentication_required');
    expectError(await me(rotated.body.accessToken), 401, 'authentication_required');
    expect(await auditActions(t, sessionIdOf(legitimate))).toContain('auth.refresh_reuse_detected');
    // Other sessions of the same user are untouched: only the compromised one ends.
    expect((await me(member.token)).status).toBe(401);
    const other = await login(t, member.username, member.password);
    expect((await me(other.token)).status).toBe(200);
  });

  it('answers 409 without revoking when two tabs refresh with the same cookie at once', async () => {
    const member = await newMember();
    const results = await Promise.all([refresh(member.cookie), refresh(member.cookie)]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.error.code).toBe('conflict');
    expect(loser.headers.get('set-cookie')).toBeNull();
    const winner = results.find((r) => r.status === 200)!;
    expect((await refresh(refreshCookie(winner))).status).toBe(200);
  });

  it('answers 401 for a missing, malformed, unknown or expired refresh cookie', async () => {
    expectError(await refresh(), 401, 'authentication_required');
    expectError(await refresh('xs_refresh=garbage'), 401, 'authentication_required');
    expectError(
      await refresh(`xs_refresh=00000000-0000-4000-8000-000000000000.${'A'.repeat(43)}`),
      401,
      'authentication_required',
    );
    const member = await newMember();
    await t.db.prisma.session.update({
      where: { id: sessionIdOf(member.cookie) },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expectError(await refresh(member.cookie), 401, 'authentication_required');
  });

  it('keeps the absolute session expiry across rotations', async () => {
    const member = await newMember();
    const before = await t.db.prisma.session.findUniqueOrThrow({ where: { id: sessionIdOf(member.cookie) } });
    expect(before.expiresAt.getTime() - Date.now()).toBeGreaterThan(13.9 * 86_400_000);
    await refresh(member.cookie);
    const after = await t.db.prisma.session.findUniqueOrThrow({ where: { id: sessionIdOf(member.cookie) } });
    expect(after.expiresAt).toEqual(before.expiresAt);
  });

  it('logout ends the refresh session and the access token at once, and clears the cookie', async () => {
    const member = await newMember();
    const res = await apiClient(t.baseUrl, member.token).post('/api/auth/logout', {}, { cookie: member.cookie });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/xs_refresh=;.*Path=\/api\/auth/);
    expectError(await me(member.token), 401, 'authentication_required');
    expectError(await refresh(member.cookie), 401, 'authentication_required');
    expect(await auditActions(t, sessionIdOf(member.cookie))).toContain('auth.logout');
  });

  it('logout works with only the cookie, or only the bearer token, and is harmless without either', async () => {
    const a = await newMember();
    expect((await apiClient(t.baseUrl).post('/api/auth/logout', {}, { cookie: a.cookie })).status).toBe(204);
    expectError(await me(a.token), 401, 'authentication_required');

    const b = await newMember();
    expect((await apiClient(t.baseUrl, b.token).post('/api/auth/logout')).status).toBe(204);
    expectError(await refresh(b.cookie), 401, 'authentication_required');

    expect((await apiClient(t.baseUrl).post('/api/auth/logout')).status).toBe(204);
    expect(
      (await apiClient(t.baseUrl, 'garbage').post('/api/auth/logout', {}, { cookie: 'xs_refresh=x' })).status,
    ).toBe(204);
  });

  it('a session of a disabled account cannot be refreshed', async () => {
    const member = await newMember();
    await apiClient(t.baseUrl, adminToken).patch(`/api/users/${member.id}`, { disabled: true });
    expectError(await refresh(member.cookie), 401, 'authentication_required');
    expectError(await me(member.token), 401, 'authentication_required');
  });
});
