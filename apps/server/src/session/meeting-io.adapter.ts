import type { IncomingMessage } from 'node:http';
import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/env.js';

/** Client → server messages are tiny (sync requests, presence): anything bigger is refused. */
export const SOCKET_MAX_MESSAGE_BYTES = 64 * 1024;

/**
 * ASVS 4.4.2 / CSWSH: a browser always sends Origin cross-site, so a handshake from a foreign
 * origin is refused unless listed in XS_CORS_ORIGINS. No Origin (native clients, same-origin
 * polling in some browsers) is allowed: the token in the handshake still has to be valid.
 */
export function isAllowedOrigin(req: Pick<IncomingMessage, 'headers'>, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * socket.io for the live meeting room, sharing the HTTP server with the API and the Yjs
 * websocket on /collab: `destroyUpgrade: false` leaves upgrade requests for other paths to their
 * own handlers. With REDIS_URL, events cross instances through the Redis adapter (ioredis).
 * Connection-state recovery is off on purpose: a reconnecting client re-runs the handshake
 * middleware (authentication) and gets the full state rebuilt from the database.
 */
export class MeetingIoAdapter extends IoAdapter {
  private readonly log = new Logger('MeetingIoAdapter');
  private readonly redisClients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: Pick<AppConfig, 'REDIS_URL' | 'XS_CORS_ORIGINS' | 'XS_REDIS_PREFIX'>,
  ) {
    super(app);
  }

  // @nestjs/platform-socket.io pins its own copy of socket.io (same major, same adapter package), so
  // its types are nominally different from ours: the options and server cross that line untyped.
  override createIOServer(port: number, options?: object): never {
    const allowed = this.config.XS_CORS_ORIGINS;
    const create = super.createIOServer.bind(this) as unknown as (port: number, options: Partial<ServerOptions>) => Server;
    const server = create(port, {
      ...options,
      destroyUpgrade: false,
      maxHttpBufferSize: SOCKET_MAX_MESSAGE_BYTES,
      serveClient: false,
      connectTimeout: 10_000,
      allowRequest: (req, callback) => callback(null, isAllowedOrigin(req, allowed)),
      cors: allowed.length ? { origin: allowed, credentials: true } : undefined,
    });
    if (this.config.REDIS_URL) server.adapter(this.redisAdapter(this.config.REDIS_URL));
    return server as never;
  }

  private redisAdapter(url: string) {
    const pub = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) {
      // Without a listener ioredis prints every reconnect failure as an unhandled error.
      client.on('error', (err: Error) => this.log.warn(`redis: ${err.message}`));
      this.redisClients.push(client);
    }
    return createAdapter(pub, sub, { key: `${this.config.XS_REDIS_PREFIX}:socket.io`, requestsTimeout: 3000 });
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await Promise.all(this.redisClients.splice(0).map((c) => c.quit().catch(() => c.disconnect())));
  }
}
