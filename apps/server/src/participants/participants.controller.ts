import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AddParticipantBody, ParticipantList, ParticipantView, UpdateParticipantBody } from '@xieshang/protocol';
import type { z } from 'zod';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ZodBody, ZodResponse } from '../common/validation/zod-decorators.js';
import { ParticipantsService } from './participants.service.js';

/** The participant list. Anyone who sees the meeting reads it; chair, secretary, staff and admin change it. */
@ApiTags('participants')
@ApiBearerAuth()
@Controller('meetings/:id/participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Get()
  @ZodResponse(ParticipantList)
  list(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.participants.list(user, id);
  }

  /** 404 for an unknown user, 409 already_participant. */
  @Post()
  @ZodResponse(ParticipantView, 201)
  add(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @ZodBody(AddParticipantBody) body: z.output<typeof AddParticipantBody>,
  ) {
    return this.participants.add(user, id, body);
  }

  @Patch(':participantId')
  @ZodResponse(ParticipantView)
  changeRole(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('participantId') participantId: string,
    @ZodBody(UpdateParticipantBody) body: z.output<typeof UpdateParticipantBody>,
  ) {
    return this.participants.changeRole(user, id, participantId, body);
  }

  /** 409 invalid_transition for someone who has already checked in. */
  @Delete(':participantId')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('participantId') participantId: string) {
    return this.participants.remove(user, id, participantId);
  }
}
