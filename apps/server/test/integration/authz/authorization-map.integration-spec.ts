import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../../support/http.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { collectAuthorizationMap, registeredExpressRoutes, type RouteAccess } from './route-inventory.js';

/**
 * The whole authorization map — every HTTP route with @Public / @Roles, every socket handler —
 * compared with the committed authorization-map.snapshot.json. A new route, or a changed
 * permission, fails here until the snapshot is updated on purpose and reviewed:
 *   npx vitest run --project integration apps/server/test/integration/authz -u
 * Then the map is checked against the running server: signed-out calls get 401, and calls
 * by a plain member get 403 wherever the map names roles without `member`.
 */
describe('authorization map', () => {
  let t: TestApp;
  let map: ReturnType<typeof collectAuthorizationMap>;
  beforeAll(async () => {
    t = await startTestApp();
    map = collectAuthorizationMap(t.app);
  });
  afterAll(async () => t?.close());

  // Route params get an id that exists nowhere: the guard must answer before any lookup.
  const concrete = (r: RouteAccess) => r.path.replace(/:(\w+)/g, 'c0000000000000000000nowhere');

  // Routes Express serves that no controller declares (SwaggerUI mounts /api/docs itself).
  const outsideNest = () => {
    const declared = new Set(map.routes.map((r) => `${r.method} ${r.path}`));
    return (registeredExpressRoutes(t.app) ?? []).filter((r) => !declared.has(r));
  };

  it('matches the committed snapshot', async () => {
    const text = JSON.stringify({ ...map, outsideNest: outsideNest() }, null, 2) + '\n';
    await expect(text).toMatchFileSnapshot('./authorization-map.snapshot.json');
  });

  it('serves nothing outside the controllers but the OpenAPI pages', () => {
    for (const route of outsideNest()) expect(route).toMatch(/^GET \/api\/docs/);
  });

  it('keeps the public surface small and deliberate', () => {
    const publicRoutes = map.routes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.path}`);
    // Anything public must be one of these kinds: health, docs, sign-in/refresh/out, invitation links.
    for (const route of publicRoutes) expect(route).toMatch(/^\w+ \/api\/(health|docs|auth|invitations)\b/);
  });

  it('answers 401 to a signed-out caller on every non-public route', async () => {
    const anonymous = apiClient(t.baseUrl);
    const failures: string[] = [];
    for (const route of map.routes.filter((r) => r.access !== 'public')) {
      const res = await anonymous.request(route.method, concrete(route), route.method === 'GET' ? undefined : {});
      if (res.status !== 401 || res.body?.error?.code !== 'authentication_required') {
        failures.push(`${route.method} ${route.path} → ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers 403 to a member on every route restricted to other roles', async () => {
    const restricted = map.routes.filter((r) => r.access.startsWith('roles:') && !r.access.includes('member'));
    if (!restricted.length) return;
    const admin = await apiClient(t.baseUrl).post('/api/auth/login', {
      username: 'admin',
      password: 'admin-password-1',
    });
    expect(admin.status).toBe(200);
    const created = await apiClient(t.baseUrl, admin.body.accessToken).post('/api/users', {
      username: 'authz-member',
      displayName: '权限测试委员',
      password: 'member-password-1',
      role: 'member',
      mustChangePassword: false,
    });
    expect(created.status).toBe(201);
    const login = await apiClient(t.baseUrl).post('/api/auth/login', {
      username: 'authz-member',
      password: 'member-password-1',
    });
    expect(login.status).toBe(200);
    const member = apiClient(t.baseUrl, login.body.accessToken);
    const failures: string[] = [];
    for (const route of restricted) {
      const res = await member.request(route.method, concrete(route), route.method === 'GET' ? undefined : {});
      if (res.status !== 403)
        failures.push(`${route.method} ${route.path} → ${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(failures).toEqual([]);
  });
});
