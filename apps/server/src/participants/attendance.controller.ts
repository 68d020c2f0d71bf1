import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParticipantView, RsvpBody } from '@xieshang/protocol';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ZodBody, ZodResponse } from '../common/validation/zod-decorators.js';
import { AttendanceService } from './attendance.service.js';

/** RSVP and check-in (签到 / 代签). 409 invalid_transition when the meeting or the participant's state does not allow it. */
@ApiTags('participants')
@ApiBearerAuth()
@Controller('meetings/:id')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Post('rsvp')
  @HttpCode(200)
  @ZodResponse(ParticipantView)
  rsvp(@CurrentUser() user: AuthUser, @Param('id') id: string, @ZodBody(RsvpBody) body: RsvpBody) {
    return this.attendance.rsvp(user, id, body);
  }

  @Post('check-in')
  @HttpCode(200)
  @ZodResponse(ParticipantView)
  checkIn(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.attendance.checkInSelf(user, id);
  }

  @Post('participants/:participantId/check-in')
  @HttpCode(200)
  @ZodResponse(ParticipantView)
  checkInOnBehalf(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('participantId') participantId: string,
  ) {
    return this.attendance.checkInOnBehalf(user, id, participantId);
  }
}
