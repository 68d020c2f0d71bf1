import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from './meeting-io.adapter.js';
import { SocketRateLimit } from './socket-rate-limit.js';

describe(isAllowedOrigin.name, () => {
  const req = (origin: string | undefined, host = 'xs.example.gov.cn') => ({ headers: { origin, host } });
  it('allows same-origin and listed origins, and requests without an Origin', () => {
    expect(isAllowedOrigin(req('https://xs.example.gov.cn'), [])).toBe(true);
    expect(isAllowedOrigin(req('http://127.0.0.1:3000', '127.0.0.1:3000'), [])).toBe(true);
    expect(isAllowedOrigin(req('https://app.example.gov.cn'), ['https://app.example.gov.cn'])).toBe(true);
    expect(isAllowedOrigin(req(undefined), [])).toBe(true);
  });
  it('refuses foreign, look-alike and malformed origins', () => {
    expect(isAllowedOrigin(req('https://evil.example'), [])).toBe(false);
    expect(isAllowedOrigin(req('https://xs.example.gov.cn.evil.example'), [])).toBe(false);
    expect(isAllowedOrigin(req('https://xs.example.gov.cn:8443'), [])).toBe(false);
    expect(isAllowedOrigin(req('null'), [])).toBe(false);
    expect(isAllowedOrigin(req('not a url'), [])).toBe(false);
  });
});

describe(SocketRateLimit.name, () => {
  it('allows a burst, then refills at the sustained rate, per connection', () => {
    const limit = new SocketRateLimit(5, 2);
    const a = {};
    const b = {};
    const t0 = 1_000_000;
    expect(Array.from({ length: 7 }, () => limit.allow(a, t0))).toEqual([true, true, true, true, true, false, false]);
    expect(limit.allow(b, t0)).toBe(true);
    expect(limit.allow(a, t0 + 499)).toBe(false);
    expect(limit.allow(a, t0 + 500)).toBe(true);
    expect(limit.allow(a, t0 + 10_000)).toBe(true);
  });
});
