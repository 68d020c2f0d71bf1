import { Global, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Inject } from '@nestjs/common';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { DatabaseConnection } from './database-connection.js';

export const DATABASE = Symbol('DATABASE');
export const PRISMA = Symbol('PRISMA');

/** Closes the database last, after every other module has shut down. */
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly db: DatabaseConnection) {}
  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}

/**
 * The connection is opened (and migrated) before Nest boots, by createApp(), so a failing
 * database stops start-up with a clear message instead of a half-started server.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forConnection(db: DatabaseConnection): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE, useValue: db },
        { provide: PRISMA, useValue: db.prisma },
        DatabaseLifecycle,
      ],
      exports: [DATABASE, PRISMA],
    };
  }
}

export type { PrismaClient };
