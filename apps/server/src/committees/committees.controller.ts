import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AddCommitteeMemberBody,
  CommitteeDetail,
  CommitteeList,
  CommitteeMemberView,
  CommitteeView,
  CreateCommitteeBody,
} from '@xieshang/protocol';
import type { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ZodBody, ZodResponse } from '../common/validation/zod-decorators.js';
import { CommitteesService } from './committees.service.js';

/** Committees and groups. Everyone with an account reads them; staff and admins change them. Guests: 403. */
@ApiTags('committees')
@ApiBearerAuth()
@Controller('committees')
export class CommitteesController {
  constructor(private readonly committees: CommitteesService) {}

  @Get()
  @Roles('admin', 'staff', 'member')
  @ZodResponse(CommitteeList)
  list(@CurrentUser() user: AuthUser) {
    return this.committees.list(user);
  }

  @Get(':id')
  @Roles('admin', 'staff', 'member')
  @ZodResponse(CommitteeDetail)
  get(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.committees.get(user, id);
  }

  @Post()
  @Roles('admin', 'staff')
  @ZodResponse(CommitteeView, 201)
  create(@CurrentUser() user: AuthUser, @ZodBody(CreateCommitteeBody) body: z.output<typeof CreateCommitteeBody>) {
    return this.committees.create(user, body);
  }

  @Post(':id/members')
  @Roles('admin', 'staff')
  @ZodResponse(CommitteeMemberView, 201)
  addMember(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @ZodBody(AddCommitteeMemberBody) body: z.output<typeof AddCommitteeMemberBody>,
  ) {
    return this.committees.addMember(user, id, body);
  }

  @Delete(':id/members/:userId')
  @Roles('admin', 'staff')
  @HttpCode(204)
  removeMember(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('userId') userId: string) {
    return this.committees.removeMember(user, id, userId);
  }
}
