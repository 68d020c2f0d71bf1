import { Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { GrantFloorBody, ReorderSpeakersBody, RequestToSpeakBody, SpeakersState, SpeechList } from '@xieshang/protocol';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ZodBody, ZodResponse } from '../common/validation/zod-decorators.js';
import { SpeakersService } from './speakers.service.js';

/**
 * The speakers queue. Participants (not observers) request and withdraw; the chair, secretary or
 * staff grant the floor, reorder and end speeches; a speaker may end their own speech.
 * Every answer is the new queue, also pushed to the room as `speakers.changed`.
 */
@ApiTags('speakers')
@ApiBearerAuth()
@Controller('meetings/:id')
export class SpeakersController {
  constructor(private readonly speakers: SpeakersService) {}

  @Get('speakers')
  @ZodResponse(SpeakersState)
  state(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.speakers.view(user, id);
  }

  /** 409 already_in_queue when the caller is already waiting. */
  @Post('speakers')
  @ZodResponse(SpeakersState, 201)
  request(@CurrentUser() user: AuthUser, @Param('id') id: string, @ZodBody(RequestToSpeakBody) body: RequestToSpeakBody) {
    return this.speakers.request(user, id, body);
  }

  /** Declared before `speakers/:requestId/...` routes so "order" and "end" are never taken for ids. */
  @Put('speakers/order')
  @ZodResponse(SpeakersState)
  reorder(@CurrentUser() user: AuthUser, @Param('id') id: string, @ZodBody(ReorderSpeakersBody) body: ReorderSpeakersBody) {
    return this.speakers.reorder(user, id, body);
  }

  @Post('speakers/end')
  @HttpCode(200)
  @ZodResponse(SpeakersState)
  end(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.speakers.endSpeech(user, id);
  }

  @Post('speakers/:requestId/withdraw')
  @HttpCode(200)
  @ZodResponse(SpeakersState)
  withdraw(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('requestId') requestId: string) {
    return this.speakers.withdraw(user, id, requestId);
  }

  @Post('speakers/:requestId/grant')
  @HttpCode(200)
  @ZodResponse(SpeakersState)
  grant(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('requestId') requestId: string,
    @ZodBody(GrantFloorBody) body: GrantFloorBody,
  ) {
    return this.speakers.grant(user, id, requestId, body);
  }

  /** Every speech (who, item, start, end), for the minutes. */
  @Get('speeches')
  @ZodResponse(SpeechList)
  speeches(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.speakers.speeches(user, id);
  }
}
