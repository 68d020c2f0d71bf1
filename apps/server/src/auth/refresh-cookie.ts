import type { CookieOptions, Request, Response } from 'express';
import type { AppConfig } from '../config/env.js';

/** Public contract: the refresh token lives only in this HttpOnly cookie, sent only to /api/auth. */
export const REFRESH_COOKIE = 'xs_refresh';

function cookieOptions(config: Pick<AppConfig, 'XS_SECURE_COOKIES'>): CookieOptions {
  // SameSite=Strict keeps other sites from triggering a refresh or logout (CSRF, ASVS 3.3.2).
  return { httpOnly: true, sameSite: 'strict', path: '/api/auth', secure: config.XS_SECURE_COOKIES };
}

export function setRefreshCookie(res: Response, config: AppConfig, token: string, expiresAt: Date): void {
  res.cookie(REFRESH_COOKIE, token, { ...cookieOptions(config), expires: expiresAt });
}

export function clearRefreshCookie(res: Response, config: AppConfig): void {
  res.clearCookie(REFRESH_COOKIE, cookieOptions(config));
}

export function readRefreshCookie(req: Request): unknown {
  return (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
}

/** The client address for throttling (honours X-Forwarded-For only when XS_TRUST_PROXY is set). */
export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
