import type { Logger } from '@nestjs/common';
import { CollabCloseCode } from '@xieshang/protocol';
import { CollabDocument, type DocumentPipeline } from './collab-document.js';
import type { CollabExtension } from './collab.types.js';

interface DocumentEntry {
  ready: Promise<CollabDocument>;
  doc?: CollabDocument;
  idleTimer?: NodeJS.Timeout;
  /** Set while the document leaves memory; connections arriving meanwhile wait and load it afresh. */
  unloading?: Promise<void>;
}

/**
 * The documents this instance holds in memory: loaded on first connect (one load however many
 * connect at once), unloaded after XS_COLLAB_IDLE_UNLOAD_MS without connections. A load that
 * fails leaves nothing cached (cf. Hocuspocus #382); a connection arriving while its document
 * unloads waits and gets a fresh load, never a half-destroyed document.
 */
export class DocumentRegistry {
  private readonly entries = new Map<string, DocumentEntry>();
  private stopped = false;

  constructor(
    private readonly extensions: CollabExtension[],
    private readonly pipeline: DocumentPipeline,
    private readonly idleMs: number,
    private readonly log: Logger,
  ) {}

  /** The loaded document, loading it on first use; the caller must `release` it. */
  async acquire(documentId: string): Promise<CollabDocument> {
    for (;;) {
      const entry = this.entries.get(documentId);
      if (entry?.unloading) {
        await entry.unloading;
        continue;
      }
      if (!entry) {
        const created: DocumentEntry = { ready: this.load(documentId) };
        this.entries.set(documentId, created);
        created.ready.then(
          (doc) => (created.doc = doc),
          () => {
            if (this.entries.get(documentId) === created) this.entries.delete(documentId);
          },
        );
        continue;
      }
      const doc = await entry.ready;
      if (this.entries.get(documentId) !== entry || entry.unloading) continue;
      doc.holds++;
      clearTimeout(entry.idleTimer);
      return doc;
    }
  }

  release(doc: CollabDocument): void {
    doc.holds--;
    this.scheduleUnload(doc);
  }

  /** A connection attached: the document is no longer idle. */
  keep(doc: CollabDocument): void {
    clearTimeout(this.entries.get(doc.id)?.idleTimer);
  }

  /** The loaded, healthy document with this id, if any. */
  loaded(documentId: string): CollabDocument | undefined {
    const entry = this.entries.get(documentId);
    return entry?.doc && !entry.unloading && !entry.doc.broken ? entry.doc : undefined;
  }

  *all(): Iterable<CollabDocument> {
    for (const entry of this.entries.values()) if (entry.doc && !entry.unloading) yield entry.doc;
  }

  /** Includes a document that is unloading (its connections are being closed too). */
  any(documentId: string): CollabDocument | undefined {
    return this.entries.get(documentId)?.doc;
  }

  /** Idle (no connection, no upgrade on its way): unload after the idle delay. */
  scheduleUnload(doc: CollabDocument): void {
    if (doc.connections.size || doc.holds > 0 || this.stopped) return;
    const entry = this.entries.get(doc.id);
    if (!entry || entry.doc !== doc || entry.unloading) return;
    clearTimeout(entry.idleTimer);
    entry.idleTimer = setTimeout(() => this.unload(doc, false), this.idleMs);
    entry.idleTimer.unref();
  }

  /** Leave memory: after pending commits, let the extensions compact and unsubscribe. `force` closes its connections. */
  unload(doc: CollabDocument, force: boolean): void {
    const entry = this.entries.get(doc.id);
    if (!entry || entry.doc !== doc || entry.unloading) return;
    if (!force && (doc.connections.size || doc.holds > 0)) return;
    clearTimeout(entry.idleTimer);
    if (force) doc.closeAll(CollabCloseCode.InternalError);
    entry.unloading = (async () => {
      await doc.drained();
      await this.runUnloadHooks(doc);
      doc.destroy();
    })().finally(() => {
      if (this.entries.get(doc.id) === entry) this.entries.delete(doc.id);
    });
  }

  /** Shutdown: no more unloading; resolves once every document's pending commits are done. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const entry of this.entries.values()) clearTimeout(entry.idleTimer);
    await Promise.all([...this.entries.values()].map(async (e) => (await e.ready.catch(() => null))?.drained()));
  }

  private async load(documentId: string): Promise<CollabDocument> {
    const doc = new CollabDocument(documentId, this.pipeline, this.log);
    try {
      for (const ext of this.extensions) await ext.onLoadDocument?.(doc);
    } catch (err) {
      await this.runUnloadHooks(doc);
      doc.destroy();
      throw err;
    }
    doc.loaded = true;
    return doc;
  }

  private async runUnloadHooks(doc: CollabDocument): Promise<void> {
    for (const ext of this.extensions) {
      try {
        await ext.onUnloadDocument?.(doc);
      } catch (err) {
        this.log.error(`${ext.name} could not unload ${doc.id}: ${(err as Error).message}`);
      }
    }
  }
}
