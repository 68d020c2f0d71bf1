import type { Logger } from '@nestjs/common';
import { COLLAB_READ_ONLY_REASON, CollabCloseCode, collabCloseReason } from '@xieshang/protocol';
import { WebSocket, type RawData } from 'ws';
import type { CollabDocument } from './collab-document.js';
import {
  awarenessStatesMessage,
  MalformedMessage,
  parseMessage,
  type IncomingMessage,
  permissionDeniedMessage,
  syncStep1Message,
  syncStep2Message,
} from './collab-messages.js';
import type { CollabPrincipal } from './collab.types.js';

export interface ConnectionLimits {
  /** Sustained messages per second; bursts of twice as many pass. */
  messagesPerSecond: number;
  /** Sustained bytes per second; bursts of twice as many pass. */
  bytesPerSecond: number;
}

/** Stop reading a socket with this many updates waiting for their commit; resume at the low mark. */
const INFLIGHT_HIGH = 256;
const INFLIGHT_LOW = 64;
/**
 * Rate-budget cost of a sync step 1: answering it encodes the document (O(document)), so a
 * client may ask only a few times per second; everything else costs 1.
 */
const SYNC_STEP1_COST = 20;
/** A read-only client is told its edit was dropped at most this often (the check costs O(document)). */
const DENIED_NOTICE_MS = 1000;
/** A client that does not read what it is sent is dropped before the server buffers this much for it. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

/** Token bucket. */
class Budget {
  private tokens: number;
  private last = performance.now();
  constructor(
    private readonly perSecond: number,
    private readonly capacity = perSecond * 2,
  ) {
    this.tokens = capacity;
  }
  /** Milliseconds until `n` tokens are available (0: available now). */
  wait(n: number): number {
    const now = performance.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.perSecond) / 1000);
    this.last = now;
    const need = Math.min(n, this.capacity) - this.tokens;
    return need <= 0 ? 0 : (need * 1000) / this.perSecond;
  }
  take(n: number): void {
    this.tokens -= n;
  }
}

/**
 * One client socket on one document. Decodes each frame strictly, enforces the per-connection
 * rate limit by pausing the socket (TCP backpressure: nothing is dropped, a flooding client
 * just slows down), and answers the sync protocol. Any frame that does not decode closes only
 * this connection, with 4400.
 */
export class CollabConnection {
  /** Awareness client ids this connection has announced (removed when it leaves). */
  readonly awarenessIds = new Set<number>();
  alive = true;
  private closed = false;
  private inflight = 0;
  private pausedForRate = false;
  private pausedForBackpressure = false;
  private resumeTimer: NodeJS.Timeout | undefined;
  /**
   * Frames received but not yet handled because the budget ran out. Pausing the socket stops
   * further reads, so this holds at most what ws had already buffered (a few socket chunks).
   */
  private backlog: { frame: Buffer; message?: IncomingMessage }[] = [];
  private lastDeniedNotice = 0;
  private readonly messages: Budget;
  private readonly bytes: Budget;

  constructor(
    private readonly ws: WebSocket,
    readonly doc: CollabDocument,
    readonly principal: CollabPrincipal,
    limits: ConnectionLimits,
    private readonly log: Logger,
    private readonly onClosed: (conn: CollabConnection) => void,
  ) {
    this.messages = new Budget(limits.messagesPerSecond);
    this.bytes = new Budget(limits.bytesPerSecond);
    ws.on('message', (data: RawData, isBinary: boolean) => this.receive(data, isBinary));
    ws.on('pong', () => (this.alive = true));
    // ws closes the socket itself after a protocol error (1009 for oversize frames, 1002…).
    ws.on('error', (err) => this.log.debug(`collab socket error on ${doc.id}: ${err.message}`));
    ws.on('close', () => this.cleanup());
  }

  get canEdit(): boolean {
    return this.principal.access === 'edit';
  }

  /** Opening moves of the server side of the protocol: its state vector and who is here. */
  start(): void {
    this.send(syncStep1Message(this.doc.ydoc));
    const states = awarenessStatesMessage(this.doc.awareness);
    if (states) this.send(states);
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.log.warn(`dropping a collab client of ${this.doc.id} that stopped reading`);
      this.ws.terminate();
      return;
    }
    this.ws.send(message, { binary: true });
  }

  close(code: CollabCloseCode): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.close(code, collabCloseReason[code]);
  }

  ping(): void {
    if (!this.alive) {
      this.ws.terminate();
      return;
    }
    this.alive = false;
    if (this.ws.readyState === WebSocket.OPEN) this.ws.ping();
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    if (!isBinary) return this.close(CollabCloseCode.Malformed);
    this.backlog.push({ frame: data as Buffer }); // binaryType 'nodebuffer' (ws default): fragments arrive joined
    if (!this.resumeTimer) this.pump();
  }

  /** Handles queued frames while the rate budget allows; otherwise pauses the socket until it refills. */
  private pump(): void {
    while (this.backlog.length && !this.closed) {
      const item = this.backlog[0]!;
      try {
        item.message ??= parseMessage(item.frame);
      } catch (err) {
        this.log.debug(`malformed collab frame on ${this.doc.id}: ${(err as Error).message}`);
        this.close(CollabCloseCode.Malformed);
        return;
      }
      const cost = item.message.kind === 'sync-step1' ? SYNC_STEP1_COST : 1;
      const wait = Math.max(this.messages.wait(cost), this.bytes.wait(item.frame.length));
      if (wait > 0) {
        this.setPaused('rate', true);
        this.resumeTimer = setTimeout(() => {
          this.resumeTimer = undefined;
          this.pump();
        }, Math.ceil(wait));
        return;
      }
      this.messages.take(cost);
      this.bytes.take(item.frame.length);
      this.backlog.shift();
      try {
        this.handle(item.message);
      } catch (err) {
        if (!(err instanceof MalformedMessage))
          this.log.error(`collab message on ${this.doc.id} failed: ${(err as Error).stack}`);
        else this.log.debug(`malformed collab message on ${this.doc.id}: ${err.message}`);
        this.close(CollabCloseCode.Malformed);
      }
    }
    if (!this.closed) this.setPaused('rate', false);
  }

  private handle(message: IncomingMessage): void {
    switch (message.kind) {
      case 'sync-step1':
        this.send(syncStep2Message(this.doc.ydoc, message.stateVector));
        return;
      case 'update':
        if (message.empty) return;
        if (!this.canEdit) {
          // Dropped. The author is told (unless it merely echoes what we have), at most once a second.
          const now = Date.now();
          if (now - this.lastDeniedNotice >= DENIED_NOTICE_MS && !this.doc.contains(message.update)) {
            this.lastDeniedNotice = now;
            this.send(permissionDeniedMessage(COLLAB_READ_ONLY_REASON));
          }
          return;
        }
        this.inflight++;
        if (this.inflight >= INFLIGHT_HIGH) this.setPaused('backpressure', true);
        this.doc.submit(message.update, this, () => {
          this.inflight--;
          if (this.inflight <= INFLIGHT_LOW) this.setPaused('backpressure', false);
        });
        return;
      case 'awareness':
        this.doc.applyAwareness(message.update, this);
        return;
      case 'query-awareness': {
        const states = awarenessStatesMessage(this.doc.awareness);
        if (states) this.send(states);
        return;
      }
    }
  }

  private setPaused(reason: 'rate' | 'backpressure', paused: boolean): void {
    const before = this.pausedForRate || this.pausedForBackpressure;
    if (reason === 'rate') this.pausedForRate = paused;
    else this.pausedForBackpressure = paused;
    const after = this.pausedForRate || this.pausedForBackpressure;
    if (this.closed || before === after) return;
    if (after) this.ws.pause();
    else this.ws.resume();
  }

  private cleanup(): void {
    this.closed = true;
    this.backlog = [];
    clearTimeout(this.resumeTimer);
    this.onClosed(this);
  }
}
