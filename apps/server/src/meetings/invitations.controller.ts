import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateInvitationBody, InvitationList, InvitationView } from '@xieshang/protocol';
import type { z } from 'zod';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ZodBody, ZodResponse } from '../common/validation/zod-decorators.js';
import { InvitationsService } from './invitations.service.js';

/** Guest invitation links of a meeting (chair, secretary, staff, admin). */
@ApiTags('invitations')
@ApiBearerAuth()
@Controller('meetings/:id/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  /** The answer's `url` (`/invite/<token>`) is the only time the link is shown. */
  @Post()
  @ZodResponse(InvitationView, 201)
  create(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @ZodBody(CreateInvitationBody) body: z.output<typeof CreateInvitationBody>,
  ) {
    return this.invitations.create(user, id, body);
  }

  @Get()
  @ZodResponse(InvitationList)
  list(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.invitations.list(user, id);
  }

  @Delete(':invitationId')
  @HttpCode(204)
  revoke(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('invitationId') invitationId: string) {
    return this.invitations.revoke(user, id, invitationId);
  }
}
