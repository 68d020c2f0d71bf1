import { Controller, Get, Header, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  CreateVersionBody,
  DocumentVersionDetail,
  DocumentVersionList,
  DocumentVersionView,
  RestoreVersionResult,
  VersionDiff,
  VersionDiffQuery,
} from '@xieshang/protocol';
import type { z } from 'zod';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ZodBody, ZodQuery, ZodResponse } from '../common/validation/zod-decorators.js';
import { DocumentVersionsService } from './document-versions.service.js';

/** Named versions of a document: save, list, view read-only, compare, restore as a new edit. */
@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents/:id/versions')
export class DocumentVersionsController {
  constructor(private readonly versions: DocumentVersionsService) {}

  @Get()
  @ZodResponse(DocumentVersionList)
  list(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.versions.list(user, id);
  }

  /** Saves the live content as a version named e.g. 初稿 / 征求意见稿 / 表决稿 (allowed while locked). */
  @Post()
  @ZodResponse(DocumentVersionView, 201)
  create(@CurrentUser() user: AuthUser, @Param('id') id: string, @ZodBody(CreateVersionBody) body: CreateVersionBody) {
    return this.versions.create(user, id, body);
  }

  @Get(':versionId')
  @ZodResponse(DocumentVersionDetail)
  get(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('versionId') versionId: string) {
    return this.versions.get(user, id, versionId);
  }

  /** The version as a Yjs update (apply it to an empty Y.Doc to render it read-only). */
  @Get(':versionId/state')
  @Header('Content-Type', 'application/octet-stream')
  @ApiProduces('application/octet-stream')
  async state(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('versionId') versionId: string) {
    return new StreamableFile(await this.versions.state(user, id, versionId));
  }

  /** Compares this version with `to` (another version id, or `current`, the default). */
  @Get(':versionId/diff')
  @ZodResponse(VersionDiff)
  diff(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('versionId') versionId: string,
    @ZodQuery(VersionDiffQuery) query: z.output<typeof VersionDiffQuery>,
  ) {
    return this.versions.diff(user, id, versionId, query.to);
  }

  /** Makes the live content equal to this version, as a new edit; the content it replaces is saved first. */
  @Post(':versionId/restore')
  @HttpCode(200)
  @ZodResponse(RestoreVersionResult)
  restore(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('versionId') versionId: string) {
    return this.versions.restore(user, id, versionId);
  }
}
