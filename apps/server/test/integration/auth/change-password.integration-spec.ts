import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../../support/http.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { auditActions, createAndLogin, expectError, login, loginAdmin, refreshCookie } from './accounts.fixtures.js';

describe('POST /api/auth/change-password', () => {
  let t: TestApp;
  let adminToken: string;
  beforeAll(async () => {
    t = await startTestApp({ XS_LOGIN_IP_LIMIT: '1000', XS_LOGIN_MAX_FAILURES: '3' });
    adminToken = (await loginAdmin(t)).token;
  });
  afterAll(async () => t?.close());

  const change = (token: string, body: unknown) => apiClient(t.baseUrl, token).post('/api/auth/change-password', body);
  const me = (token: string) => apiClient(t.baseUrl, token).get('/api/auth/me');
  const refresh = (cookie: string) => apiClient(t.baseUrl).post('/api/auth/refresh', {}, { cookie });

  it('changes the password, ends every other session and token, and signs this device in afresh', async () => {
    const phone = await createAndLogin(t, adminToken);
    const laptop = await login(t, phone.username, phone.password);

    const res = await change(phone.token, { currentPassword: phone.password, newPassword: '新的密码-Secure-2026' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ expiresIn: 900, user: { id: phone.id, mustChangePassword: false } });
    const freshCookie = refreshCookie(res);

    for (const token of [phone.token, laptop.token]) expectError(await me(token), 401, 'authentication_required');
    for (const cookie of [phone.cookie, laptop.cookie])
      expectError(await refresh(cookie), 401, 'authentication_required');
    expect((await me(res.body.accessToken)).status).toBe(200);
    expect((await refresh(freshCookie)).status).toBe(200);

    const old = await apiClient(t.baseUrl).post('/api/auth/login', {
      username: phone.username,
      password: phone.password,
    });
    expectError(old, 401, 'invalid_credentials');
    expect((await login(t, phone.username, '新的密码-Secure-2026')).token).toBeTruthy();
    expect(await auditActions(t, phone.id)).toContain('auth.password_changed');
  });

  it('clears mustChangePassword set by a reset', async () => {
    const member = await createAndLogin(t, adminToken);
    await apiClient(t.baseUrl, adminToken).post(`/api/users/${member.id}/reset-password`, {
      password: 'Temp-Reset-2026',
    });
    const session = await login(t, member.username, 'Temp-Reset-2026');
    expect((await me(session.token)).body.mustChangePassword).toBe(true);
    const res = await change(session.token, { currentPassword: 'Temp-Reset-2026', newPassword: 'My-Own-Choice-77' });
    expect(res.body.user.mustChangePassword).toBe(false);
  });

  it('answers 403 wrong_password for a wrong current password, and locks after repeated tries', async () => {
    const member = await createAndLogin(t, adminToken);
    const body = { currentPassword: 'not-my-password', newPassword: 'Another-Strong-1' };
    expectError(await change(member.token, body), 403, 'wrong_password');
    expectError(await change(member.token, body), 403, 'wrong_password');
    expectError(await change(member.token, body), 423, 'account_locked');
    expectError(await change(member.token, { ...body, currentPassword: member.password }), 423, 'account_locked');
  });

  it('answers 400 weak_password for a common new password, naming the field', async () => {
    const member = await createAndLogin(t, adminToken);
    for (const newPassword of ['88888888', 'woaini1314', 'qwertyui', member.username]) {
      const res = await change(member.token, { currentPassword: member.password, newPassword });
      expectError(res, 400, 'weak_password');
      expect(res.body.error.fields).toEqual([{ path: 'newPassword', message: expect.any(String) }]);
    }
  });

  it('answers 400 with fields for a too short, missing or unchanged password', async () => {
    const member = await createAndLogin(t, adminToken);
    const short = await change(member.token, { currentPassword: member.password, newPassword: 'short' });
    expectError(short, 400, 'validation_failed');
    expect(short.body.error.fields[0].path).toBe('newPassword');
    const missing = await change(member.token, {});
    expect(missing.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'currentPassword',
      'newPassword',
    ]);
    const same = await change(member.token, { currentPassword: member.password, newPassword: member.password });
    expectError(same, 400, 'validation_failed');
    expect(same.body.error.fields[0].path).toBe('newPassword');
    const tooLong = await change(member.token, { currentPassword: member.password, newPassword: 'x'.repeat(129) });
    expectError(tooLong, 400, 'validation_failed');
  });

  it('accepts a 128-character passphrase (ASVS 6.2.9)', async () => {
    const member = await createAndLogin(t, adminToken);
    const passphrase = '协商议政'.repeat(16) + 'long-passphrase-'.repeat(4);
    expect(passphrase.length).toBe(128);
    const res = await change(member.token, { currentPassword: member.password, newPassword: passphrase });
    expect(res.status).toBe(200);
    expect((await login(t, member.username, passphrase)).token).toBeTruthy();
  });

  it('answers 401 without a token', async () => {
    expectError(
      await change('', { currentPassword: 'x', newPassword: 'Strong-Pass-99' }),
      401,
      'authentication_required',
    );
  });
});
