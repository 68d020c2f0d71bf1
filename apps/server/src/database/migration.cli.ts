/**
 * `npm run db:migration -- <name>`: writes a migration for the changes in prisma/schema.prisma,
 *   computed by Prisma's WebAssembly schema engine against an in-memory PGlite.
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded database.
 * `npm run db:migration -- --check`: exits 1 when schema.prisma has changes without a migration.
 */
import { loadConfig } from '../config/env.js';
import { openDatabase, openPGlite } from './database-connection.js';
import { applyPendingMigrations, pendingSchemaSql, writeMigration } from './migrations.js';

async function main(): Promise<void> {
  const [command, arg] = process.argv.slice(2);
  if (command === 'create' || command === 'check') {
    const scratch = openPGlite();
    try {
      const sql = await pendingSchemaSql(scratch.adapter);
      if (command === 'check') {
        if (sql) {
          console.error('schema.prisma has changes without a migration:\n' + sql);
          process.exitCode = 1;
        } else console.log('Migrations are in sync with schema.prisma.');
        return;
      }
      const folder = await writeMigration(arg ?? 'change', sql);
      console.log(folder ? `Created ${folder}` : 'No schema changes; no migration created.');
    } finally {
      await scratch.close();
    }
    return;
  }
  if (command === 'apply') {
    const config = loadConfig();
    const db = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.XS_DATA_DIR });
    try {
      const applied = await applyPendingMigrations(db.adapter);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
    } finally {
      await db.close();
    }
    return;
  }
  console.error('usage: migration.cli.js create <name> | check | apply');
  process.exitCode = 2;
}

await main();
