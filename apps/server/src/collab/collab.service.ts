import { Injectable } from '@nestjs/common';
import * as Y from 'yjs';
import type { Prisma } from '../generated/prisma/client.js';
import { CollabServer } from './collab.server.js';
import { UpdateLogRepository } from './update-log.repository.js';

/**
 * What the rest of the server may do with co-edited content (documents API, minutes, search):
 * read it as committed, and change it with the same durability guarantee as a client edit.
 */
@Injectable()
export class CollabService {
  constructor(
    private readonly server: CollabServer,
    private readonly repo: UpdateLogRepository,
  ) {}

  /**
   * Everything committed for the document, in a fresh Y.Doc (snapshot + log, read from the
   * database — on any instance this includes every edit another client has been sent).
   * The caller owns the Y.Doc (destroy it when done).
   */
  async loadContent(documentId: string): Promise<Y.Doc> {
    const { snapshot, rows } = await this.repo.load(documentId);
    const doc = new Y.Doc();
    if (snapshot) Y.applyUpdate(doc, snapshot.state);
    for (const row of rows) {
      try {
        Y.applyUpdate(doc, row.data);
      } catch {
        // A row Yjs rejects is quarantined when the live document loads; a reader just skips it.
      }
    }
    return doc;
  }

  /** The first content of a new document, inside the transaction that creates it. */
  async createContent(tx: Prisma.TransactionClient, documentId: string, state: Uint8Array): Promise<void> {
    await this.repo.createSnapshot(tx, documentId, state);
  }

  /**
   * Appends a server-made update to the log inside the caller's transaction (so it commits
   * with, e.g., its audit record). Call `publish` after the transaction committed.
   */
  async appendUpdate(tx: Prisma.TransactionClient, documentId: string, update: Uint8Array): Promise<void> {
    await this.repo.append([{ documentId, data: update }], tx);
  }

  /** Sends a committed server-made update to the connected clients, here and on other instances. */
  publish(documentId: string, update: Uint8Array): void {
    this.server.publishCommitted(documentId, update);
  }

  /** Locked/unlocked, co-authors changed: open connections reconnect and get their new rights. */
  accessChanged(documentId: string): void {
    this.server.accessChanged(documentId);
  }
}
