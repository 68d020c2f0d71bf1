import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18nReady } from '../i18n/i18n';
import { session } from '../auth/session';
import { mockApi } from '../testing/render';
import { ApiError } from './api-error';
import { api, buildUrl } from './client';

const user = {
  id: 'u1',
  username: 'admin',
  displayName: '管理员',
  role: 'admin',
  disabled: false,
  affiliation: null,
  sector: null,
  mustChangePassword: false,
  createdAt: '2026-01-01T00:00:00.000Z',
} as const;

describe('api client', () => {
  beforeAll(() => i18nReady);
  afterEach(() => session.end('logout'));

  it('drops empty query values and keeps the rest', () => {
    expect(buildUrl('/meetings', { status: 'live,ended', q: '', kind: undefined, limit: 12, x: null })).toBe(
      '/api/meetings?status=live%2Cended&limit=12',
    );
  });

  it('sends the token and the UI language, and returns the JSON body', async () => {
    session.start({ accessToken: 'token-1', user });
    const requests = mockApi({ 'GET /api/meetings': () => [200, { items: [], total: 0 }] });
    await expect(api('/meetings')).resolves.toEqual({ items: [], total: 0 });
    expect(requests[0]!.headers.Authorization).toBe('Bearer token-1');
    expect(requests[0]!.headers['Accept-Language']).toBe('zh-CN');
  });

  it('refreshes an expired token once and retries the request', async () => {
    session.start({ accessToken: 'old', user });
    const requests = mockApi({
      'GET /api/meetings': (req) =>
        req.headers.Authorization === 'Bearer new'
          ? [200, { items: [], total: 0 }]
          : [401, { error: { code: 'token_expired', message: '登录已过期' } }],
      'POST /api/auth/refresh': () => [200, { accessToken: 'new', expiresIn: 900, user }],
    });
    await expect(api('/meetings')).resolves.toEqual({ items: [], total: 0 });
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/meetings',
      'POST /api/auth/refresh',
      'GET /api/meetings',
    ]);
    expect(session.accessToken()).toBe('new');
  });

  it('ends the session when the refresh is refused', async () => {
    session.start({ accessToken: 'old', user });
    mockApi({
      'GET /api/meetings': () => [401, { error: { code: 'token_expired', message: '登录已过期' } }],
      'POST /api/auth/refresh': () => [401, { error: { code: 'authentication_required', message: '请先登录' } }],
    });
    await expect(api('/meetings')).rejects.toMatchObject({ status: 401 });
    expect(session.getState()).toMatchObject({ status: 'signed-out', reason: 'expired' });
  });

  it('shares one refresh between concurrent requests', async () => {
    session.start({ accessToken: 'old', user });
    const requests = mockApi({
      'GET /api/a': (req) =>
        req.headers.Authorization === 'Bearer new'
          ? [200, 1]
          : [401, { error: { code: 'token_expired', message: '' } }],
      'GET /api/b': (req) =>
        req.headers.Authorization === 'Bearer new'
          ? [200, 2]
          : [401, { error: { code: 'token_expired', message: '' } }],
      'POST /api/auth/refresh': () => [200, { accessToken: 'new', expiresIn: 900, user }],
    });
    await expect(Promise.all([api('/a'), api('/b')])).resolves.toEqual([1, 2]);
    expect(requests.filter((r) => r.url === '/api/auth/refresh')).toHaveLength(1);
  });

  it('turns error bodies into ApiError with code, message and fields', async () => {
    mockApi({
      'POST /api/meetings': () => [
        400,
        {
          error: {
            code: 'validation_failed',
            message: '提交的内容有误',
            fields: [{ path: 'title', message: 'Required' }],
          },
        },
      ],
    });
    const error = await api('/meetings', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(ApiError.is(error, 'validation_failed')).toBe(true);
    expect(error).toMatchObject({ status: 400, message: '提交的内容有误', fields: [{ path: 'title' }] });
  });

  it('reports a network failure in the UI language', async () => {
    globalThis.fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    await expect(api('/meetings')).rejects.toMatchObject({
      code: 'network_error',
      message: '网络连接失败，请检查网络后重试',
    });
  });
});
