import { Inject, Injectable, Logger } from '@nestjs/common';
import * as Y from 'yjs';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import type { CollabDocument } from '../collab-document.js';
import { Origin, type CollabExtension } from '../collab.types.js';
import { GroupCommitWriter } from '../group-commit.js';
import { UpdateLogRepository, type StoredContent } from '../update-log.repository.js';

/** Rows folded per compaction round: bounds the work and the transaction (more rounds follow). */
const COMPACTION_ROWS = 2000;
const COMPACTION_RETRY_MS = 2000;

/**
 * Durability. Loads a document as snapshot + update log; appends every incoming update to the
 * log through a group-commit writer BEFORE the server applies or relays it; and, in the
 * background, folds the log into the snapshot once it passes XS_COLLAB_COMPACT_AFTER rows.
 *
 * Compaction never merges an unbounded log in one call (cf. notes: Y.mergeUpdates is
 * superlinear): it applies at most COMPACTION_ROWS rows to the document already in memory,
 * encodes that once, and in ONE transaction writes the new snapshot (compare-and-set on its
 * version) and deletes exactly the rows it read. Rows committed meanwhile, by this instance or
 * another, are not among them and stay in the log, so no update can be lost to a race.
 */
@Injectable()
export class PersistenceExtension implements CollabExtension {
  readonly name = 'persistence';
  private readonly log = new Logger('CollabPersistence');
  private readonly writer: GroupCommitWriter;
  private readonly compacting = new Map<CollabDocument, Promise<void>>();
  private readonly retryAfter = new WeakMap<CollabDocument, number>();

  constructor(
    private readonly repo: UpdateLogRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.writer = new GroupCommitWriter((rows) => this.repo.append(rows));
  }

  async onLoadDocument(doc: CollabDocument): Promise<void> {
    const rejected = this.applyStored(doc, await this.repo.load(doc.id));
    if (rejected.length) await this.repo.deleteRows(rejected);
    this.maybeCompact(doc);
  }

  async onStoreUpdates(doc: CollabDocument, updates: Uint8Array[]): Promise<void> {
    await this.writer.append(updates.map((data) => ({ documentId: doc.id, data })));
    doc.logRows += updates.length;
    this.maybeCompact(doc);
  }

  /** Everything committed, wherever: the snapshot when it moved, and every log row (idempotent). */
  async onResync(doc: CollabDocument): Promise<void> {
    const rejected = this.applyStored(doc, await this.repo.load(doc.id, doc.snapshotVersion));
    if (rejected.length) await this.repo.deleteRows(rejected);
  }

  async onUnloadDocument(doc: CollabDocument): Promise<void> {
    await this.compacting.get(doc);
    if (doc.loaded && !doc.broken && doc.logRows > 0) await this.compact(doc);
  }

  async onDestroy(): Promise<void> {
    await this.writer.idle();
    await Promise.allSettled(this.compacting.values());
  }

  /** Runs one compaction now (tests, and the unload path). */
  async compact(doc: CollabDocument): Promise<void> {
    const running = this.compacting.get(doc);
    if (running) return running;
    const job = this.compactRounds(doc).finally(() => this.compacting.delete(doc));
    this.compacting.set(doc, job);
    return job;
  }

  private maybeCompact(doc: CollabDocument): void {
    if (doc.logRows < this.config.XS_COLLAB_COMPACT_AFTER || this.compacting.has(doc) || doc.broken) return;
    if ((this.retryAfter.get(doc) ?? 0) > Date.now()) return;
    this.compact(doc).catch((err: unknown) => {
      this.retryAfter.set(doc, Date.now() + COMPACTION_RETRY_MS);
      this.log.error(`compacting ${doc.id} failed: ${(err as Error).message}`);
    });
  }

  private async compactRounds(doc: CollabDocument): Promise<void> {
    for (;;) {
      if (doc.destroyed || doc.broken) return;
      const rows = await this.repo.rows(doc.id, COMPACTION_ROWS);
      const version = await this.repo.snapshotVersion(doc.id);
      if (version !== doc.snapshotVersion) {
        // Another instance compacted: take its snapshot in, or we would overwrite what it folded.
        const rejected = this.applyStored(doc, await this.repo.load(doc.id, doc.snapshotVersion));
        if (rejected.length) await this.repo.deleteRows(rejected);
        continue;
      }
      if (rows.length === 0) {
        doc.logRows = 0;
        return;
      }
      // Rejected rows are deleted with the folded ones (see applyStored).
      this.applyStored(doc, { snapshot: null, rows });
      if (doc.broken || doc.destroyed) return;
      const state = Y.encodeStateAsUpdate(doc.ydoc);
      const won = await this.repo.replaceSnapshot(
        doc.id,
        version,
        state,
        rows.map((r) => r.id),
      );
      if (!won) continue;
      doc.snapshotVersion = version + 1;
      doc.logRows = Math.max(0, doc.logRows - rows.length);
      if (rows.length < COMPACTION_ROWS) {
        if (doc.logRows >= this.config.XS_COLLAB_COMPACT_AFTER) continue;
        return;
      }
    }
  }

  /**
   * Snapshot, then each row on its own (linear, unlike one Y.mergeUpdates over the whole log).
   * A row Yjs rejects can never be part of the content: it is logged and removed from the log
   * (returned for deletion) so it cannot fail every later load.
   */
  private applyStored(doc: CollabDocument, stored: StoredContent): bigint[] {
    if (stored.snapshot) {
      if (!doc.applyDurable(stored.snapshot.state, Origin.Store)) {
        throw new Error(`snapshot ${stored.snapshot.version} of ${doc.id} does not apply`);
      }
      doc.snapshotVersion = stored.snapshot.version;
    }
    const rejected: bigint[] = [];
    for (const row of stored.rows) {
      if (!doc.applyDurable(row.data, Origin.Store)) {
        this.log.error(
          `quarantining update-log row ${row.id} of ${doc.id} (${Buffer.from(row.data).toString('base64').slice(0, 200)})`,
        );
        rejected.push(row.id);
      }
    }
    doc.logRows = Math.max(doc.logRows, stored.rows.length);
    return rejected;
  }
}
