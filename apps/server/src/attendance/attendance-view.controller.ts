import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AttendanceView } from '@xieshang/protocol';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ZodResponse } from '../common/validation/zod-decorators.js';
import { AttendanceViewService } from './attendance-view.service.js';

@ApiTags('attendance')
@ApiBearerAuth()
@Controller('meetings/:id/attendance')
export class AttendanceViewController {
  constructor(private readonly attendance: AttendanceViewService) {}

  /** 应到 / 实到, whether the quorum is met, and every participant's check-in and presence. */
  @Get()
  @ZodResponse(AttendanceView)
  get(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.attendance.get(user, id);
  }
}
