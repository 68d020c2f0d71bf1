import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.js';

export type DatabaseKind = 'pglite' | 'postgresql';

export interface DatabaseConnection {
  kind: DatabaseKind;
  adapter: SqlMigrationAwareDriverAdapterFactory;
  prisma: PrismaClient;
  close(): Promise<void>;
}

/** PostgreSQL when a URL is given, else an embedded PGlite database in `<dataDir>/pglite`. */
export function openDatabase(opts: { databaseUrl?: string; dataDir: string }): DatabaseConnection {
  if (opts.databaseUrl) {
    const adapter = new PrismaPg({ connectionString: opts.databaseUrl, max: 10 });
    const prisma = new PrismaClient({ adapter });
    return { kind: 'postgresql', adapter, prisma, close: once(() => prisma.$disconnect()) };
  }
  const dir = resolve(opts.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  return openPGlite(dir);
}

/** `dir` undefined → in-memory (tests, migration scratch). */
export function openPGlite(dir?: string): DatabaseConnection {
  const pglite = new PGlite(dir ? join(dir) : undefined, { extensions: { pg_trgm } });
  const adapter = new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory;
  const prisma = new PrismaClient({ adapter: adapter as never });
  return {
    kind: 'pglite',
    adapter,
    prisma,
    close: once(async () => {
      await prisma.$disconnect();
      await pglite.close();
    }),
  };
}

/** Closing twice (app shutdown, then test teardown) must be harmless. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
