import { Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AdoptOpinionBody,
  CreateOpinionBody,
  ListOpinionsQuery,
  OpinionList,
  OpinionView,
  UpdateOpinionBody,
} from '@xieshang/protocol';
import type { z } from 'zod';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ZodBody, ZodQuery, ZodResponse } from '../common/validation/zod-decorators.js';
import { OpinionsService } from './opinions.service.js';

/** Opinions on a meeting's agenda items: participants (not observers) post; everyone in the meeting reads. */
@ApiTags('opinions')
@ApiBearerAuth()
@Controller('meetings/:id/opinions')
export class MeetingOpinionsController {
  constructor(private readonly opinions: OpinionsService) {}

  /** 409 agenda_item_closed once the item is closed. */
  @Post()
  @ZodResponse(OpinionView, 201)
  create(@CurrentUser() user: AuthUser, @Param('id') id: string, @ZodBody(CreateOpinionBody) body: CreateOpinionBody) {
    return this.opinions.create(user, id, body);
  }

  @Get()
  @ZodResponse(OpinionList)
  list(@CurrentUser() user: AuthUser, @Param('id') id: string, @ZodQuery(ListOpinionsQuery) query: z.output<typeof ListOpinionsQuery>) {
    return this.opinions.list(user, id, query);
  }
}

@ApiTags('opinions')
@ApiBearerAuth()
@Controller('opinions/:id')
export class OpinionsController {
  constructor(private readonly opinions: OpinionsService) {}

  /** The author only, until the item closes. */
  @Patch()
  @ZodResponse(OpinionView)
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @ZodBody(UpdateOpinionBody) body: UpdateOpinionBody) {
    return this.opinions.update(user, id, body);
  }

  /** Chair, secretary or staff: mark as adopted (采纳) into a consensus item, optionally a poll. */
  @Post('adopt')
  @HttpCode(200)
  @ZodResponse(OpinionView)
  adopt(@CurrentUser() user: AuthUser, @Param('id') id: string, @ZodBody(AdoptOpinionBody) body: AdoptOpinionBody) {
    return this.opinions.adopt(user, id, body);
  }
}
