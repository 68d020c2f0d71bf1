import { Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AcceptInvitationBody, AcceptInvitationResponse, InvitationPreview } from '@xieshang/protocol';
import type { Request, Response } from 'express';
import { ZodBody, ZodResponse } from '../common/validation/zod-decorators.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { Public } from './auth.decorators.js';
import { InvitationAcceptService } from './invitation-accept.service.js';
import { setRefreshCookie } from './refresh-cookie.js';

/** Public: whoever holds the link may look at it and accept it (the link itself is the credential). */
@ApiTags('invitations')
@Controller('invitations')
export class InvitationAcceptController {
  constructor(
    private readonly invitations: InvitationAcceptService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':token')
  @Public()
  @ZodResponse(InvitationPreview)
  preview(@Param('token') token: string): Promise<InvitationPreview> {
    return this.invitations.preview(token);
  }

  @Post(':token/accept')
  @Public()
  @HttpCode(200)
  @ZodResponse(AcceptInvitationResponse)
  async accept(
    @Param('token') token: string,
    @ZodBody(AcceptInvitationBody) body: AcceptInvitationBody,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AcceptInvitationResponse> {
    const accepted = await this.invitations.accept(token, body, req.headers['user-agent']);
    setRefreshCookie(res, this.config, accepted.signedIn.refreshToken, accepted.signedIn.refreshExpiresAt);
    return accepted.body;
  }
}
