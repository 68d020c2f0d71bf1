import { Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CreateUserBody,
  ListUsersQuery,
  ResetPasswordBody,
  UpdateUserBody,
  UserDetail,
  UserList,
  UserView,
} from '@xieshang/protocol';
import { z } from 'zod';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ZodBody, ZodQuery, ZodResponse } from '../common/validation/zod-decorators.js';
import { UsersService } from './users.service.js';

/** Account administration and the people directory. Per-target rules live in UsersService. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin', 'staff')
  @ZodResponse(UserDetail, 201)
  create(
    @CurrentUser() actor: AuthUser,
    @ZodBody(CreateUserBody) body: z.output<typeof CreateUserBody>,
  ): Promise<UserDetail> {
    return this.users.create(actor, body);
  }

  @Get()
  @Roles('admin', 'staff', 'member')
  @ZodResponse(UserList)
  list(
    @CurrentUser() actor: AuthUser,
    @ZodQuery(ListUsersQuery) query: z.output<typeof ListUsersQuery>,
  ): Promise<UserList> {
    return this.users.list(actor, query);
  }

  @Get(':id')
  @ZodResponse(z.union([UserDetail, UserView]))
  get(@CurrentUser() actor: AuthUser, @Param('id') id: string): Promise<UserView | UserDetail> {
    return this.users.get(actor, id);
  }

  @Patch(':id')
  @Roles('admin', 'staff')
  @ZodResponse(UserDetail)
  update(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @ZodBody(UpdateUserBody) body: UpdateUserBody,
  ): Promise<UserDetail> {
    return this.users.update(actor, id, body);
  }

  @Post(':id/reset-password')
  @Roles('admin', 'staff')
  @HttpCode(200)
  @ZodResponse(UserDetail)
  resetPassword(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @ZodBody(ResetPasswordBody) body: ResetPasswordBody,
  ): Promise<UserDetail> {
    return this.users.resetPassword(actor, id, body.password);
  }
}
