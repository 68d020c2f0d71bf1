import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AgendaState, AuditVerifyResponse, ItemTimerBody, MeetingLiveState, MoveAgendaBody } from '@xieshang/protocol';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ZodBody, ZodResponse } from '../common/validation/zod-decorators.js';
import { SessionService } from './session.service.js';

/**
 * The live meeting room over HTTP: the chair's commands (chair, secretary, staff, admin) and the
 * full room state. Every change is also pushed on the /meeting socket.
 */
@ApiTags('live meeting')
@ApiBearerAuth()
@Controller('meetings/:id')
export class SessionController {
  constructor(private readonly session: SessionService) {}

  /** draft/scheduled → live. 409 invalid_transition otherwise. */
  @Post('start')
  @HttpCode(200)
  @ZodResponse(MeetingLiveState)
  start(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.session.start(user, id);
  }

  /** live → ended: open polls are closed and tallied, the speech under way ends. */
  @Post('end')
  @HttpCode(200)
  @ZodResponse(MeetingLiveState)
  end(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.session.end(user, id);
  }

  /** The same state a socket receives on connect (`session.state`). */
  @Get('live')
  @ZodResponse(MeetingLiveState)
  state(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.session.state(user, id);
  }

  @Post('live/current-item')
  @HttpCode(200)
  @ZodResponse(AgendaState)
  moveAgenda(@CurrentUser() user: AuthUser, @Param('id') id: string, @ZodBody(MoveAgendaBody) body: MoveAgendaBody) {
    return this.session.moveAgenda(user, id, body);
  }

  @Post('live/item-timer')
  @HttpCode(200)
  @ZodResponse(AgendaState)
  itemTimer(@CurrentUser() user: AuthUser, @Param('id') id: string, @ZodBody(ItemTimerBody) body: ItemTimerBody) {
    return this.session.itemTimer(user, id, body);
  }

  /** Recomputes the meeting's audit hash chain: `intact: false` and `brokenAt` when any row was changed. */
  @Get('audit/verify')
  @ZodResponse(AuditVerifyResponse)
  verifyAudit(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.session.verifyAudit(user, id);
  }
}
