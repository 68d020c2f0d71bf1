import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.js';

describe('loadConfig', () => {
  it('applies defaults to an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, XS_DATA_DIR: './data', XS_ACCESS_TOKEN_TTL: 900, XS_CORS_ORIGINS: [] });
    expect(c.DATABASE_URL).toBeUndefined();
  });
  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
  it('parses lists and booleans', () => {
    const c = loadConfig({ XS_CORS_ORIGINS: 'https://a.example, https://b.example', XS_LOG_PRETTY: 'true' });
    expect(c.XS_CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(c.XS_LOG_PRETTY).toBe(true);
  });
  it('names every bad variable in one error', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', XS_JWT_SECRET: 'short' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toContain('PORT');
      expect(msg).toContain('DATABASE_URL');
      expect(msg).toContain('XS_JWT_SECRET');
    }
  });
});
