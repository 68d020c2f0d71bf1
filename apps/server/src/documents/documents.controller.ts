import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AddCoAuthorBody,
  CreateDocumentBody,
  DocumentList,
  DocumentText,
  DocumentView,
  ListDocumentsQuery,
  RenameDocumentBody,
} from '@xieshang/protocol';
import type { z } from 'zod';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ZodBody, ZodQuery, ZodResponse } from '../common/validation/zod-decorators.js';
import { DocumentsService } from './documents.service.js';

/**
 * Co-edited documents (提案, 调研报告 …): metadata over HTTP; the text itself is edited live at
 * ws://HOST/collab/<id> (libs/protocol/src/collab.ts). Viewers: authors, the meeting's
 * participants, staff. Permissions per action: libs/domain/src/documents/document-access.ts.
 */
@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  /** Starts from the kind's template (提案: 案由 / 案据 / 建议; 调研报告: 调研背景 / 基本情况 / 存在问题 / 对策建议). */
  @Post()
  @ZodResponse(DocumentView, 201)
  create(@CurrentUser() user: AuthUser, @ZodBody(CreateDocumentBody) body: CreateDocumentBody) {
    return this.documents.create(user, body);
  }

  @Get()
  @ZodResponse(DocumentList)
  list(@CurrentUser() user: AuthUser, @ZodQuery(ListDocumentsQuery) query: z.output<typeof ListDocumentsQuery>) {
    return this.documents.list(user, query);
  }

  @Get(':id')
  @ZodResponse(DocumentView)
  get(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.documents.get(user, id);
  }

  /** Plain text of the live document, blocks separated by newlines. */
  @Get(':id/text')
  @ZodResponse(DocumentText)
  text(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.documents.text(user, id);
  }

  @Patch(':id')
  @ZodResponse(DocumentView)
  rename(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @ZodBody(RenameDocumentBody) body: RenameDocumentBody,
  ) {
    return this.documents.rename(user, id, body);
  }

  /** Freezes the text for everyone (e.g. before 表决); open editors reconnect read-only. */
  @Post(':id/lock')
  @HttpCode(200)
  @ZodResponse(DocumentView)
  lock(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.documents.setLocked(user, id, true);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @ZodResponse(DocumentView)
  unlock(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.documents.setLocked(user, id, false);
  }

  @Post(':id/co-authors')
  @HttpCode(200)
  @ZodResponse(DocumentView)
  addCoAuthor(@CurrentUser() user: AuthUser, @Param('id') id: string, @ZodBody(AddCoAuthorBody) body: AddCoAuthorBody) {
    return this.documents.addCoAuthor(user, id, body);
  }

  @Delete(':id/co-authors/:userId')
  @ZodResponse(DocumentView)
  removeCoAuthor(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('userId') userId: string) {
    return this.documents.removeCoAuthor(user, id, userId);
  }
}
