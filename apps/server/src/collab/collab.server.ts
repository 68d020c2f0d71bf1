import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { COLLAB_PATH, COLLAB_TOKEN_PARAM, CollabCloseCode, collabCloseReason } from '@xieshang/protocol';
import { WebSocketServer, type WebSocket } from 'ws';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { CollabConnection, type ConnectionLimits } from './collab-connection.js';
import type { CollabDocument, DocumentPipeline } from './collab-document.js';
import { DocumentRegistry } from './collab-documents.js';
import {
  CollabRefusal,
  Origin,
  type CollabExtension,
  type CollabHost,
  type CollabPrincipal,
  type CollabRequest,
} from './collab.types.js';
import { AuthenticationExtension } from './extensions/authentication.extension.js';
import { PersistenceExtension } from './extensions/persistence.extension.js';
import { RedisRelayExtension } from './extensions/redis-relay.extension.js';

/** Document ids are cuids; anything else cannot exist (4404 without a database query). */
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const HEARTBEAT_MS = 30_000;

/**
 * The y-websocket server at ws://HOST/collab/<documentId>, sharing the API's HTTP server:
 * it takes the 'upgrade' events for /collab/… and leaves every other path (socket.io) alone.
 * Authenticates before completing the handshake and attaches the socket to its document (held by
 * the DocumentRegistry); everything else is delegated to the extensions, in this order:
 * authentication → redis relay (subscribe before loading) → persistence.
 */
@Injectable()
export class CollabServer implements CollabHost, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('Collab');
  private readonly wss: WebSocketServer;
  private readonly documents: DocumentRegistry;
  private readonly connections = new Set<CollabConnection>();
  private readonly extensions: CollabExtension[];
  private readonly limits: ConnectionLimits;
  private httpServer?: Server;
  private heartbeat?: NodeJS.Timeout;
  private revalidation?: NodeJS.Timeout;
  private revalidating = false;
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    authentication: AuthenticationExtension,
    redis: RedisRelayExtension,
    persistence: PersistenceExtension,
  ) {
    this.extensions = [authentication, redis, persistence];
    for (const ext of this.extensions) ext.attach?.(this);
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: config.XS_COLLAB_MAX_FRAME_BYTES,
      perMessageDeflate: false,
    });
    this.limits = {
      messagesPerSecond: config.XS_COLLAB_MESSAGES_PER_SECOND,
      bytesPerSecond: config.XS_COLLAB_MAX_FRAME_BYTES,
    };
    const pipeline: DocumentPipeline = {
      store: async (doc, updates) => {
        for (const ext of this.extensions) if (ext.onStoreUpdates) await ext.onStoreUpdates(doc, updates);
      },
      applied: (documentId, updates) => this.each((ext) => ext.afterApplyUpdates?.(documentId, updates)),
      awareness: (documentId, update) => this.each((ext) => ext.onAwarenessUpdate?.(documentId, update)),
      broken: (doc) => this.documents.unload(doc, true),
    };
    this.documents = new DocumentRegistry(this.extensions, pipeline, config.XS_COLLAB_IDLE_UNLOAD_MS, this.log);
  }

  onApplicationBootstrap(): void {
    this.httpServer = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.httpServer.on('upgrade', this.onUpgrade);
    this.heartbeat = setInterval(() => {
      for (const conn of this.connections) conn.ping();
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
    this.revalidation = setInterval(() => void this.revalidate(), this.config.XS_SESSION_REVALIDATE_SECONDS * 1000);
    this.revalidation.unref();
  }

  /**
   * Closes connections whose user signed out, was disabled, or whose rights on the document
   * changed (e.g. removed from the meeting, made observer) — whatever changed it, on any instance.
   */
  async revalidate(): Promise<void> {
    if (this.revalidating || this.stopping || !this.connections.size) return;
    this.revalidating = true;
    try {
      const conns = [...this.connections];
      const entries = conns.map((c) => ({ principal: c.principal, documentId: c.doc.id }));
      for (const ext of this.extensions) {
        if (!ext.onRevalidate) continue;
        const verdicts = await ext.onRevalidate(entries);
        verdicts.forEach((code, i) => {
          if (code !== null) conns[i]!.close(code);
        });
      }
    } catch (err) {
      this.log.warn(`revalidating collab connections failed: ${(err as Error).message}`);
    } finally {
      this.revalidating = false;
    }
  }

  /** Close every socket (clients reconnect elsewhere), finish every pending commit, then stop. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.heartbeat);
    clearInterval(this.revalidation);
    for (const conn of this.connections) conn.close(CollabCloseCode.GoingAway);
    await this.documents.stop();
    for (const ext of this.extensions) {
      try {
        await ext.onDestroy?.();
      } catch (err) {
        this.log.error(`${ext.name} shutdown failed: ${(err as Error).message}`);
      }
    }
    // Give the close handshakes a moment so clients read 1001 (and reconnect) rather than 1006.
    for (let waited = 0; this.wss.clients.size && waited < 1000; waited += 50)
      await new Promise((r) => setTimeout(r, 50));
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }

  // ── CollabHost ──

  loadedDocument(documentId: string): CollabDocument | undefined {
    return this.documents.loaded(documentId);
  }

  loadedDocuments(): Iterable<CollabDocument> {
    return this.documents.all();
  }

  async resync(doc: CollabDocument): Promise<void> {
    for (const ext of this.extensions) await ext.onResync?.(doc);
  }

  closeConnections(documentId: string, code: CollabCloseCode): void {
    this.documents.any(documentId)?.closeAll(code);
  }

  /** Hand an update the server committed itself (a restore) to the loaded document and other instances. */
  publishCommitted(documentId: string, update: Uint8Array): void {
    const doc = this.loadedDocument(documentId);
    if (doc) {
      doc.logRows++;
      doc.applyDurable(update, Origin.Server);
    } else {
      this.each((ext) => ext.afterApplyUpdates?.(documentId, [update]));
    }
  }

  /** Access rules changed here: close local connections (they reconnect with new rights) and tell other instances. */
  accessChanged(documentId: string): void {
    this.closeConnections(documentId, CollabCloseCode.AccessChanged);
    this.each((ext) => ext.onAccessChanged?.(documentId));
  }

  // ── upgrade ──

  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = (req.url ?? '').split('?', 1)[0]!;
    if (!path.startsWith(`${COLLAB_PATH}/`)) return; // not ours (socket.io, …): leave it alone
    socket.on('error', (err) => this.log.debug(`collab upgrade socket error: ${err.message}`));
    this.upgrade(req, socket, head, path).catch((err: unknown) => {
      this.log.error(`collab upgrade failed: ${(err as Error).stack}`);
      socket.destroy();
    });
  };

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, path: string): Promise<void> {
    // The listener stays registered while stopping: an upgrade left to nobody would keep the
    // HTTP server from closing. Reconnecting clients are dropped at once (they retry elsewhere).
    if (this.stopping) return void socket.destroy();
    let documentId: string;
    try {
      documentId = decodeURIComponent(path.slice(COLLAB_PATH.length + 1));
    } catch {
      return this.refuse(req, socket, head, CollabCloseCode.NotFound);
    }
    if (!DOCUMENT_ID.test(documentId)) return this.refuse(req, socket, head, CollabCloseCode.NotFound);

    const request: CollabRequest = {
      documentId,
      token: new URL(req.url ?? '/', 'http://collab').searchParams.get(COLLAB_TOKEN_PARAM) ?? undefined,
      origin: req.headers.origin,
      host: req.headers.host,
    };
    let principal: CollabPrincipal;
    try {
      principal = await this.authenticate(request);
    } catch (err) {
      if (err instanceof CollabRefusal) return this.refuse(req, socket, head, err.code);
      this.log.error(`collab authentication failed: ${(err as Error).stack}`);
      return this.refuse(req, socket, head, CollabCloseCode.InternalError);
    }

    let doc: CollabDocument;
    try {
      doc = await this.documents.acquire(documentId);
    } catch (err) {
      this.log.error(`loading document ${documentId} failed: ${(err as Error).stack}`);
      return this.refuse(req, socket, head, CollabCloseCode.InternalError);
    }

    if (this.stopping || socket.destroyed) {
      this.documents.release(doc);
      socket.destroy();
      return;
    }
    // ws answers a bad handshake itself (400) without calling back: release the hold then too.
    let attached = false;
    const abandoned = () => {
      if (!attached) this.documents.release(doc);
    };
    socket.once('close', abandoned);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      attached = true;
      socket.off('close', abandoned);
      this.attach(doc, ws, principal);
      this.documents.release(doc);
    });
  }

  private async authenticate(request: CollabRequest): Promise<CollabPrincipal> {
    for (const ext of this.extensions) if (ext.onAuthenticate) return ext.onAuthenticate(request);
    throw new CollabRefusal(CollabCloseCode.Unauthorized, 'no authentication extension');
  }

  /** Complete the handshake only to close with a code the browser can read (an HTTP status it cannot). */
  private refuse(req: IncomingMessage, socket: Duplex, head: Buffer, code: CollabCloseCode): void {
    if (this.stopping) return void socket.destroy();
    this.wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      ws.on('error', () => {});
      ws.close(code, collabCloseReason[code]);
    });
  }

  private attach(doc: CollabDocument, ws: WebSocket, principal: CollabPrincipal): void {
    if (this.stopping) return ws.terminate();
    if (doc.destroyed || doc.broken) {
      ws.close(CollabCloseCode.InternalError, collabCloseReason[CollabCloseCode.InternalError]);
      return;
    }
    const conn = new CollabConnection(ws, doc, principal, this.limits, this.log, (c) => this.detached(c));
    this.connections.add(conn);
    doc.attach(conn);
    this.documents.keep(doc);
    conn.start();
  }

  private detached(conn: CollabConnection): void {
    this.connections.delete(conn);
    conn.doc.detach(conn);
    this.documents.scheduleUnload(conn.doc);
  }

  private each(fn: (ext: CollabExtension) => void): void {
    for (const ext of this.extensions) {
      try {
        fn(ext);
      } catch (err) {
        this.log.error(`${ext.name} failed: ${(err as Error).stack}`);
      }
    }
  }
}
