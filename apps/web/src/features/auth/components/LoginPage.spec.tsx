import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { session } from '../../../shared/auth/session';
import { i18nReady } from '../../../shared/i18n/i18n';
import { mockApi, renderWithApp } from '../../../shared/testing/render';
import { LoginPage, safeNext } from './LoginPage';

const user = {
  id: 'u1',
  username: 'wangjh',
  displayName: '王建华',
  role: 'member',
  disabled: false,
  affiliation: null,
  sector: null,
  mustChangePassword: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('LoginPage', () => {
  beforeAll(() => i18nReady);
  afterEach(() => session.end('logout'));

  it('only follows same-site next paths', () => {
    expect(safeNext('/meetings/abc?tab=1')).toBe('/meetings/abc?tab=1');
    expect(safeNext('//evil.example')).toBe('/meetings');
    expect(safeNext('/\\evil.example')).toBe('/meetings');
    expect(safeNext('https://evil.example')).toBe('/meetings');
    expect(safeNext(null)).toBe('/meetings');
  });

  it('asks for both fields before sending anything', async () => {
    const requests = mockApi({});
    renderWithApp(<LoginPage />);
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();
    expect(screen.getByTestId('login-username').getAttribute('aria-invalid')).toBe('true');
    expect(requests).toHaveLength(0);
  });

  it('shows the server message for wrong credentials', async () => {
    mockApi({
      'POST /api/auth/login': () => [401, { error: { code: 'invalid_credentials', message: '用户名或密码错误' } }],
    });
    renderWithApp(<LoginPage />);
    fireEvent.change(screen.getByTestId('login-username'), { target: { value: 'wangjh' } });
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    expect((await screen.findByTestId('login-error')).textContent).toContain('用户名或密码错误');
    expect(session.getState().status).not.toBe('signed-in');
  });

  it('signs in and goes to the page it was sent from', async () => {
    const requests = mockApi({ 'POST /api/auth/login': () => [200, { accessToken: 't', expiresIn: 900, user }] });
    renderWithApp(<LoginPage />, { route: '/login?next=/meetings/m1', path: '/login' });
    fireEvent.change(screen.getByTestId('login-username'), { target: { value: ' wangjh ' } });
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'member-password-1' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    await waitFor(() => expect(screen.getByTestId('elsewhere')).toBeTruthy());
    expect(requests[0]!.body).toEqual({ username: 'wangjh', password: 'member-password-1' });
    expect(session.getState()).toMatchObject({ status: 'signed-in', user: { username: 'wangjh' } });
  });
});
