import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AgendaItemList,
  AgendaItemView,
  CreateAgendaItemBody,
  ReorderAgendaBody,
  UpdateAgendaItemBody,
} from '@xieshang/protocol';
import type { z } from 'zod';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ZodBody, ZodResponse } from '../common/validation/zod-decorators.js';
import { AgendaService } from './agenda.service.js';

/** The agenda of a meeting. Participants read it; chair, secretary, staff and admin change it until the meeting ends. */
@ApiTags('agenda')
@ApiBearerAuth()
@Controller('meetings/:id/agenda')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @Get()
  @ZodResponse(AgendaItemList)
  list(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.agenda.list(user, id);
  }

  @Post()
  @ZodResponse(AgendaItemView, 201)
  create(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @ZodBody(CreateAgendaItemBody) body: z.output<typeof CreateAgendaItemBody>,
  ) {
    return this.agenda.create(user, id, body);
  }

  /** Declared before `:itemId` so "order" is never taken for an item id. 400 unless itemIds are exactly the meeting's items. */
  @Put('order')
  @ZodResponse(AgendaItemList)
  reorder(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @ZodBody(ReorderAgendaBody) body: z.output<typeof ReorderAgendaBody>,
  ) {
    return this.agenda.reorder(user, id, body);
  }

  @Patch(':itemId')
  @ZodResponse(AgendaItemView)
  update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('itemId') itemId: string,
    @ZodBody(UpdateAgendaItemBody) body: z.output<typeof UpdateAgendaItemBody>,
  ) {
    return this.agenda.update(user, id, itemId, body);
  }

  @Delete(':itemId')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('itemId') itemId: string) {
    return this.agenda.remove(user, id, itemId);
  }
}
