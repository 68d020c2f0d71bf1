import { Module } from '@nestjs/common';
import { DocumentAccessService } from './document-access.service.js';

/** Shared by the documents API and the collab server (which must not depend on each other both ways). */
@Module({ providers: [DocumentAccessService], exports: [DocumentAccessService] })
export class DocumentAccessModule {}
