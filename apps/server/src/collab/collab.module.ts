import { Module } from '@nestjs/common';
import { DocumentAccessModule } from '../documents/document-access.module.js';
import { CollabServer } from './collab.server.js';
import { CollabService } from './collab.service.js';
import { AuthenticationExtension } from './extensions/authentication.extension.js';
import { PersistenceExtension } from './extensions/persistence.extension.js';
import { RedisRelayExtension } from './extensions/redis-relay.extension.js';
import { UpdateLogRepository } from './update-log.repository.js';

/** Co-editing over the y-websocket protocol at /collab/<documentId> (see collab.server.ts). */
@Module({
  imports: [DocumentAccessModule],
  providers: [
    CollabServer,
    CollabService,
    UpdateLogRepository,
    AuthenticationExtension,
    RedisRelayExtension,
    PersistenceExtension,
  ],
  exports: [CollabService],
})
export class CollabModule {}
