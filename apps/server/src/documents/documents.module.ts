import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { DocumentAccessModule } from './document-access.module.js';
import { DocumentVersionsController } from './document-versions.controller.js';
import { DocumentVersionsService } from './document-versions.service.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';

@Module({
  imports: [DocumentAccessModule, CollabModule, MeetingsModule],
  controllers: [DocumentsController, DocumentVersionsController],
  providers: [DocumentsService, DocumentVersionsService],
  exports: [DocumentsService, DocumentVersionsService],
})
export class DocumentsModule {}
