import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { BallotBoxExport, CastBallotBody, CastBallotResponse, CreatePollBody, PollList, PollView } from '@xieshang/protocol';
import type { z } from 'zod';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ZodBody, ZodResponse } from '../common/validation/zod-decorators.js';
import { BallotsService } from './ballots.service.js';
import { PollsService } from './polls.service.js';

/** A meeting's polls. Organisers (chair, secretary, staff) create them; everyone in the meeting reads them. */
@ApiTags('polls')
@ApiBearerAuth()
@Controller('meetings/:id/polls')
export class MeetingPollsController {
  constructor(private readonly polls: PollsService) {}

  /** Options default to 赞成/反对/弃权; rule to a simple majority of ballots cast. */
  @Post()
  @ZodResponse(PollView, 201)
  create(@CurrentUser() user: AuthUser, @Param('id') id: string, @ZodBody(CreatePollBody) body: z.output<typeof CreatePollBody>) {
    return this.polls.create(user, id, body);
  }

  @Get()
  @ZodResponse(PollList)
  list(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.polls.list(user, id);
  }
}

/**
 * One poll. Ballots: entitled voters only (chair, members; guests if allowed), checked in, once
 * (409 already_voted), while open (409 poll_not_open). Results appear once closed.
 */
@ApiTags('polls')
@ApiBearerAuth()
@Controller('polls/:id')
export class PollsController {
  constructor(
    private readonly polls: PollsService,
    private readonly ballots: BallotsService,
  ) {}

  @Get()
  @ZodResponse(PollView)
  get(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.polls.get(user, id);
  }

  @Post('open')
  @HttpCode(200)
  @ZodResponse(PollView)
  open(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.polls.open(user, id);
  }

  @Post('ballots')
  @ZodResponse(CastBallotResponse, 201)
  cast(@CurrentUser() user: AuthUser, @Param('id') id: string, @ZodBody(CastBallotBody) body: CastBallotBody) {
    return this.ballots.cast(user, id, body);
  }

  @Post('close')
  @HttpCode(200)
  @ZodResponse(PollView)
  close(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.polls.close(user, id);
  }

  /** The closed poll's ballot box, to recompute the tally and the digest recorded in the audit chain. */
  @Get('ballot-box')
  @ZodResponse(BallotBoxExport)
  ballotBox(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.polls.ballotBox(user, id);
  }
}
