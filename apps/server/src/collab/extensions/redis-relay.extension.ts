import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CollabCloseCode } from '@xieshang/protocol';
import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import type { CollabDocument } from '../collab-document.js';
import { Origin, type CollabExtension, type CollabHost } from '../collab.types.js';

const enum Kind {
  Updates = 0,
  Awareness = 1,
  AccessChanged = 2,
}

/**
 * Several server processes serving one document converge through Redis pub/sub (one channel
 * per loaded document): updates after they were committed and applied, awareness, and
 * "access changed" (lock/unlock → reconnect).
 *
 * Why pub/sub and not streams: the database, not Redis, is the durable log — every relayed
 * update is already committed. Redis only shortens the path between processes, so a message
 * lost while a process was disconnected costs nothing permanent: when its subscriber
 * reconnects, the process re-reads each loaded document's snapshot and log (onResync), which
 * contains everything. Streams would add persistence and trimming to maintain for no gain and
 * a read-loop latency over fire-and-forget PUBLISH (~0.1 ms here). Why ioredis: actively
 * maintained, the client @socket.io/redis-adapter is used with in this app, reconnects and
 * re-subscribes by itself, and gives binary-safe messages (`messageBuffer`).
 */
@Injectable()
export class RedisRelayExtension implements CollabExtension {
  readonly name = 'redis-relay';
  private readonly log = new Logger('CollabRedis');
  /** Tells this process's own messages apart when they come back on the channel. */
  private readonly instance = randomBytes(8);
  private readonly pub: Redis | null = null;
  private readonly sub: Redis | null = null;
  private host?: CollabHost;
  private everReady = false;
  /** `<XS_REDIS_PREFIX>:collab:` + document id. */
  private readonly prefix: string;
  /** CLIENT SETNAME of the subscriber connection (visible in CLIENT LIST, for operators and tests). */
  readonly subscriberName: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = `${config.XS_REDIS_PREFIX}:collab:`;
    this.subscriberName = `${config.XS_REDIS_PREFIX}:collab-sub:${this.instance.toString('hex')}`;
    if (!config.REDIS_URL) return;
    // The publisher fails fast while disconnected instead of queueing without bound (resync covers the gap).
    this.pub = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    this.sub = new Redis(config.REDIS_URL, {
      autoResubscribe: true,
      maxRetriesPerRequest: null,
      connectionName: this.subscriberName,
    });
    for (const client of [this.pub, this.sub]) client.on('error', (err) => this.log.warn(`redis: ${err.message}`));
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel, message));
    this.sub.on('ready', () => {
      // Shortly after, so the automatic re-subscriptions are in place before the database is read.
      if (this.everReady) setTimeout(() => this.resyncAll(), 100).unref();
      this.everReady = true;
    });
  }

  attach(host: CollabHost): void {
    this.host = host;
  }

  async onLoadDocument(doc: CollabDocument): Promise<void> {
    // Before the database is read, so nothing committed elsewhere in between is missed.
    await this.sub?.subscribe(this.channelOf(doc.id));
  }

  async onUnloadDocument(doc: CollabDocument): Promise<void> {
    await this.sub?.unsubscribe(this.channelOf(doc.id));
  }

  afterApplyUpdates(documentId: string, updates: Uint8Array[]): void {
    this.publish(documentId, Kind.Updates, (e) => {
      encoding.writeVarUint(e, updates.length);
      for (const u of updates) encoding.writeVarUint8Array(e, u);
    });
  }

  onAwarenessUpdate(documentId: string, update: Uint8Array): void {
    this.publish(documentId, Kind.Awareness, (e) => encoding.writeVarUint8Array(e, update));
  }

  onAccessChanged(documentId: string): void {
    this.publish(documentId, Kind.AccessChanged, () => {});
  }

  async onDestroy(): Promise<void> {
    await Promise.allSettled([this.pub?.quit(), this.sub?.quit()]);
  }

  private channelOf(documentId: string): string {
    return this.prefix + documentId;
  }

  private publish(documentId: string, kind: Kind, body: (e: encoding.Encoder) => void): void {
    if (!this.pub || this.pub.status !== 'ready') return;
    const e = encoding.createEncoder();
    encoding.writeUint8Array(e, this.instance);
    encoding.writeVarUint(e, kind);
    body(e);
    this.pub.publish(this.channelOf(documentId), Buffer.from(encoding.toUint8Array(e))).catch((err: unknown) => {
      this.log.warn(`publish to ${documentId} failed: ${(err as Error).message}`);
    });
  }

  private receive(channelBuffer: Buffer, message: Buffer): void {
    const channel = channelBuffer.toString();
    if (!channel.startsWith(this.prefix)) return;
    const documentId = channel.slice(this.prefix.length);
    try {
      const d = decoding.createDecoder(message);
      if (Buffer.compare(decoding.readUint8Array(d, this.instance.length), this.instance) === 0) return;
      const kind = decoding.readVarUint(d);
      if (kind === Kind.AccessChanged) {
        this.host?.closeConnections(documentId, CollabCloseCode.AccessChanged);
        return;
      }
      const doc = this.host?.loadedDocument(documentId);
      if (!doc) return;
      if (kind === Kind.Awareness) {
        doc.applyRemoteAwareness(decoding.readVarUint8Array(d));
        return;
      }
      const count = decoding.readVarUint(d);
      for (let i = 0; i < count; i++) doc.applyDurable(decoding.readVarUint8Array(d), Origin.Remote);
      doc.logRows += count;
    } catch (err) {
      this.log.warn(`ignored undecodable relay message on ${channel}: ${(err as Error).message}`);
    }
  }

  /** After a disconnect, messages may have been missed: re-read every loaded document. */
  private resyncAll(): void {
    if (!this.host) return;
    for (const doc of this.host.loadedDocuments()) {
      this.host
        .resync(doc)
        .catch((err: unknown) => this.log.error(`resync of ${doc.id} failed: ${(err as Error).message}`));
    }
  }
}
