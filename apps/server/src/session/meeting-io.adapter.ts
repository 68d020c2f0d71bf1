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
    // Publishing fails fast while Redis is down (a lost push is acceptable: clients resynchronise
    // from the database); subscribing waits for Redis however long it takes, or this instance would
    // never hear the others again once Redis is back.
    const pub = new Redis(url, { maxRetriesPerRequest: 2, retryStrategy: (times) => Math.min(times * 100, 1000) });
    const sub = pub.duplicate({ maxRetriesPerRequest: null });
    for (const client of [pub, sub]) {
      // Without a listener ioredis prints every reconnect failure as an unhandled error.
      client.on('error', (err: Error) => this.log.warn(`redis: ${err.message}`));
      this.redisClients.push(client);
    }
    // The adapter calls these without handling the promise: while Redis is down, or once a client
    // has quit during shutdown, each would be an unhandled rejection — which ends the process.
    this.catchRejections(pub, ['publish']);
    this.catchRejections(sub, ['subscribe', 'psubscribe', 'unsubscribe', 'punsubscribe']);
    return createAdapter(pub, sub, { key: `${this.config.XS_REDIS_PREFIX}:socket.io`, requestsTimeout: 3000 });
  }

  private catchRejections(client: Redis, methods: readonly string[]): void {
    const target = client as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const name of methods) {
      const original = target[name]!.bind(client);
      target[name] = (...args: unknown[]) => {
        const result = original(...args);
        if (result instanceof Promise) {
          return result.catch((err: Error) => {
            this.log.warn(`redis ${name} failed: ${err.message}`);
            return 0;
          });
        }
        return result;
      };
    }
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    // QUIT waits for Redis; if it is unreachable that would hold up shutdown forever.
    await Promise.all(
      this.redisClients.splice(0).map(async (c) => {
        if (c.status !== 'ready') return c.disconnect();
        const timeout = new Promise<void>((resolve) => setTimeout(resolve, 1000).unref());
        await Promise.race([c.quit().catch(() => undefined), timeout]);
        c.disconnect();
      }),
    );
  }
}
