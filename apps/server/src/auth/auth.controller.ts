import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ChangePasswordBody, LoginBody, LoginResponse, MeResponse } from '@xieshang/protocol';
import type { Request, Response } from 'express';
import { AppError } from '../common/errors/app-error.js';
import { ZodBody, ZodResponse } from '../common/validation/zod-decorators.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import type { AuthUser } from './auth-user.js';
import { CurrentUser, Public } from './auth.decorators.js';
import { bearerToken } from './auth.guard.js';
import { AuthService, type ClientInfo } from './auth.service.js';
import { clearRefreshCookie, clientIp, readRefreshCookie, setRefreshCookie } from './refresh-cookie.js';
import type { SignedIn } from './signed-in.js';

/** Thin HTTP layer over AuthService: validates, moves the refresh token in and out of its cookie. */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ZodResponse(LoginResponse)
  async login(
    @ZodBody(LoginBody) body: LoginBody,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    return this.withCookie(res, await retryAfterOnThrottle(res, () => this.auth.login(body, clientInfo(req))));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ZodResponse(LoginResponse)
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    try {
      return this.withCookie(res, await this.auth.refresh(readRefreshCookie(req)));
    } catch (e) {
      // A dead session's cookie is useless; a 409 (concurrent refresh) keeps the newer cookie the browser holds.
      if ((e as { status?: number }).status !== 409) clearRefreshCookie(res, this.config);
      throw e;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(readRefreshCookie(req), bearerToken(req));
    clearRefreshCookie(res, this.config);
  }

  @Get('me')
  @ApiBearerAuth()
  @ZodResponse(MeResponse)
  me(@CurrentUser() user: AuthUser): Promise<MeResponse> {
    return this.auth.me(user);
  }

  @Post('change-password')
  @ApiBearerAuth()
  @HttpCode(200)
  @ZodResponse(LoginResponse)
  async changePassword(
    @CurrentUser() user: AuthUser,
    @ZodBody(ChangePasswordBody) body: ChangePasswordBody,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    const signedIn = await retryAfterOnThrottle(res, () => this.auth.changePassword(user, body, clientInfo(req)));
    return this.withCookie(res, signedIn);
  }

  private withCookie(res: Response, signedIn: SignedIn): LoginResponse {
    setRefreshCookie(res, this.config, signedIn.refreshToken, signedIn.refreshExpiresAt);
    return signedIn.body;
  }
}

/** Seconds a throttled client should wait: the per-IP window is a minute, the hash queue drains in seconds. */
const RETRY_AFTER_SECONDS = '10';

/** A 429 tells the client when to try again (Retry-After); the error filter keeps headers already set. */
async function retryAfterOnThrottle<T>(res: Response, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AppError && e.code === 'too_many_requests') res.setHeader('Retry-After', RETRY_AFTER_SECONDS);
    throw e;
  }
}

export function clientInfo(req: Request): ClientInfo {
  const userAgent = req.headers['user-agent'];
  return { ip: clientIp(req), ...(userAgent ? { userAgent } : {}) };
}
