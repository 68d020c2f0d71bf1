import type { Logger } from '@nestjs/common';
import { CollabCloseCode } from '@xieshang/protocol';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { CollabConnection } from './collab-connection.js';
import { awarenessClientIds, awarenessMessage, MalformedMessage, updateMessage } from './collab-messages.js';
import { Origin } from './collab.types.js';

/** What a document needs from the server hosting it (implemented by the extension list). */
export interface DocumentPipeline {
  /** Resolves once the updates are committed to the database. */
  store(doc: CollabDocument, updates: Uint8Array[]): Promise<void>;
  /** Updates made on this instance, after they were applied (for other instances). */
  applied(documentId: string, updates: Uint8Array[]): void;
  awareness(documentId: string, update: Uint8Array): void;
  /** The in-memory state can no longer be trusted: close everything, reload from the database. */
  broken(doc: CollabDocument): void;
}

type LocalOrigin = CollabConnection | typeof Origin.Server;

interface PendingUpdate {
  update: Uint8Array;
  origin: LocalOrigin;
  done: (error?: unknown) => void;
}

/** Updates stored and applied together: bounded so one busy document cannot starve the rest. */
const MAX_BATCH = 256;
/** Awareness entries one connection may control (a tab is one; leave room for reconnects). */
const MAX_AWARENESS_CLIENTS = 8;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One co-edited document in memory: its Y.Doc, awareness, local connections, and the pipeline
 * every incoming update goes through: validated (by the connection) → committed to the database
 * (batched: whatever arrived while the previous commit ran goes in one) → applied → relayed to
 * the other connections and instances. So the Y.Doc only ever holds committed content, and
 * anything sent out of it (relays, sync step 2 answers) is already durable.
 */
export class CollabDocument {
  readonly ydoc = new Y.Doc();
  readonly awareness = new Awareness(this.ydoc);
  readonly connections = new Set<CollabConnection>();
  /** Set once every extension has loaded it. */
  loaded = false;
  broken = false;
  destroyed = false;
  /** Upgrades in progress that will attach to this document: keeps it from being unloaded. */
  holds = 0;
  /** Update-log rows not yet folded into the snapshot, as far as this instance knows (compaction trigger). */
  logRows = 0;
  /** Version of the database snapshot this Y.Doc has incorporated (0: none). */
  snapshotVersion = 0;

  private inbox: PendingUpdate[] = [];
  private draining: Promise<void> | null = null;
  /** Update events of local origin during the current apply (to hand to other instances). */
  private local: Uint8Array[] = [];

  constructor(
    readonly id: string,
    private readonly pipeline: DocumentPipeline,
    private readonly log: Logger,
  ) {
    // The server is not a participant: no awareness entry of its own.
    this.awareness.setLocalState(null);
    this.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      // Encoded once, sent to everyone but its author: O(1) per update besides the sends.
      const message = updateMessage(update);
      for (const conn of this.connections) if (conn !== origin) conn.send(message);
      if (origin !== Origin.Store && origin !== Origin.Remote) this.local.push(update);
    });
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const update = encodeAwarenessUpdate(this.awareness, added.concat(updated, removed));
        const message = awarenessMessage(update);
        for (const conn of this.connections) if (conn !== origin) conn.send(message);
        if (origin !== Origin.Remote) this.pipeline.awareness(this.id, update);
      },
    );
  }

  /** Queue an update for commit-then-apply; `done` runs once it was applied (or given up). */
  submit(update: Uint8Array, origin: LocalOrigin, done: (error?: unknown) => void = () => {}): void {
    this.inbox.push({ update, origin, done });
    this.kick();
  }

  /** Resolves when every submitted update has been committed and applied. */
  async drained(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /**
   * Apply an update that is already durable (read from the database, relayed by another
   * instance, or committed by the server in its own transaction). False when Yjs rejects it:
   * logged, and left to the caller (loading quarantines such a log row).
   */
  applyDurable(update: Uint8Array, origin: typeof Origin.Store | typeof Origin.Remote | typeof Origin.Server): boolean {
    this.local = [];
    let ok = true;
    try {
      Y.applyUpdate(this.ydoc, update, origin);
    } catch (err) {
      this.log.error(`document ${this.id} rejected a stored/relayed update: ${(err as Error).message}`);
      ok = false;
    }
    if (this.local.length) this.pipeline.applied(this.id, this.local);
    this.local = [];
    return ok;
  }

  /** Awareness from a local connection; bounded so a client cannot flood the entry table. */
  applyAwareness(update: Uint8Array, conn: CollabConnection): void {
    for (const id of awarenessClientIds(update)) conn.awarenessIds.add(id);
    if (conn.awarenessIds.size > MAX_AWARENESS_CLIENTS) throw new MalformedMessage('too many awareness clients');
    try {
      applyAwarenessUpdate(this.awareness, update, conn);
    } catch (err) {
      throw new MalformedMessage((err as Error).message);
    }
  }

  applyRemoteAwareness(update: Uint8Array): void {
    try {
      applyAwarenessUpdate(this.awareness, update, Origin.Remote);
    } catch (err) {
      this.log.warn(`ignored undecodable awareness relayed for ${this.id}: ${(err as Error).message}`);
    }
  }

  /** Whether everything in `update` is already in the document (a read-only client's echo). */
  contains(update: Uint8Array): boolean {
    return Y.snapshotContainsUpdate(Y.snapshot(this.ydoc), update);
  }

  attach(conn: CollabConnection): void {
    this.connections.add(conn);
  }

  detach(conn: CollabConnection): void {
    this.connections.delete(conn);
    const states = this.awareness.getStates();
    const gone = [...conn.awarenessIds].filter((id) => states.has(id));
    if (gone.length && !this.destroyed) removeAwarenessStates(this.awareness, gone, conn);
  }

  closeAll(code: CollabCloseCode): void {
    for (const conn of [...this.connections]) conn.close(code);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const p of this.inbox.splice(0)) p.done(new Error('document unloaded'));
    this.awareness.destroy();
    this.ydoc.destroy();
  }

  private kick(): void {
    if (this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      if (this.inbox.length && !this.destroyed) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.inbox.length && !this.broken && !this.destroyed) {
      const batch = this.inbox.splice(0, MAX_BATCH);
      await this.storeDurably(batch.map((p) => p.update));
      if (this.destroyed) {
        for (const p of batch) p.done(new Error('document unloaded'));
        return;
      }
      this.local = [];
      for (const p of batch) {
        try {
          Y.applyUpdate(this.ydoc, p.update, p.origin);
        } catch (err) {
          // Stored but not applicable here: loading skips such rows; reload everyone from the database.
          this.fail(err);
          break;
        }
      }
      if (this.local.length) this.pipeline.applied(this.id, this.local);
      this.local = [];
      for (const p of batch) p.done();
    }
  }

  /**
   * Retries until the commit succeeds: while the database is down nothing is relayed, the
   * connections are paused by backpressure, and the authors still hold their edits.
   */
  private async storeDurably(updates: Uint8Array[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.pipeline.store(this, updates);
        return;
      } catch (err) {
        if (this.destroyed) return;
        this.log.error(
          `storing ${updates.length} update(s) of ${this.id} failed (attempt ${attempt + 1}): ${(err as Error).message}`,
        );
        await sleep(Math.min(100 * 2 ** attempt, 5000));
      }
    }
  }

  private fail(err: unknown): void {
    if (this.broken) return;
    this.broken = true;
    this.log.error(`document ${this.id} could not apply an update and will be reloaded: ${(err as Error)?.message}`);
    this.closeAll(CollabCloseCode.InternalError);
    this.pipeline.broken(this);
  }
}
