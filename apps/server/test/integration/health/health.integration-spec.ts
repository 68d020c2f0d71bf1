import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../../support/http.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('reports ok and which database is in use', async () => {
    const res = await apiClient(t.baseUrl).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', db: process.env.XS_TEST_DATABASE_URL ? 'postgresql' : 'pglite' });
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('answers unknown API routes with the JSON error shape, in Chinese by default', async () => {
    const res = await apiClient(t.baseUrl).get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: '未找到该内容' } });
    const en = await apiClient(t.baseUrl).get('/api/nope', { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.body.error.message).toBe('Not found');
  });

  it('rejects malformed JSON with 400, not 500', async () => {
    const res = await apiClient(t.baseUrl).request('POST', '/api/health', '{"broken', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('serves the OpenAPI document', async () => {
    const res = await apiClient(t.baseUrl).get('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.paths['/api/health']).toBeDefined();
  });
});
