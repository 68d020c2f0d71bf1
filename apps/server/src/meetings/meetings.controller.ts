import { Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CreateMeetingBody,
  ListMeetingsQuery,
  MeetingDetail,
  MeetingList,
  UpdateMeetingBody,
} from '@xieshang/protocol';
import type { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ZodBody, ZodQuery, ZodResponse } from '../common/validation/zod-decorators.js';
import { MeetingsService } from './meetings.service.js';

/**
 * Meetings. Visibility: participants see their meetings, staff and admins all of them, guests
 * only the meeting of their invitation; an invisible meeting answers 404.
 */
@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Post()
  @Roles('admin', 'staff')
  @ZodResponse(MeetingDetail, 201)
  create(@CurrentUser() user: AuthUser, @ZodBody(CreateMeetingBody) body: z.output<typeof CreateMeetingBody>) {
    return this.meetings.create(user, body);
  }

  @Get()
  @ZodResponse(MeetingList)
  list(@CurrentUser() user: AuthUser, @ZodQuery(ListMeetingsQuery) query: z.output<typeof ListMeetingsQuery>) {
    return this.meetings.list(user, query);
  }

  @Get(':id')
  @ZodResponse(MeetingDetail)
  get(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.meetings.get(user, id);
  }

  /** Chair, secretary, staff, admin. 409 meeting_not_editable once ended; 409 invalid_transition for a status move PATCH may not make. */
  @Patch(':id')
  @ZodResponse(MeetingDetail)
  update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @ZodBody(UpdateMeetingBody) body: z.output<typeof UpdateMeetingBody>,
  ) {
    return this.meetings.update(user, id, body);
  }
}
