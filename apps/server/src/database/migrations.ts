import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { NO_FILTERS, openSchemaEngine } from './schema-engine.js';

/** The repository's prisma/ folder (same depth from src/ and dist/). */
export const PRISMA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../prisma');
export const SCHEMA_PATH = join(PRISMA_DIR, 'schema.prisma');
export const MIGRATIONS_DIR = join(PRISMA_DIR, 'migrations');
const LOCKFILE = 'migration_lock.toml';

async function loadMigrationsList(dir = MIGRATIONS_DIR) {
  const lockPath = join(dir, LOCKFILE);
  const lockContent = existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null;
  const names = existsSync(dir)
    ? (await readdir(dir, { withFileTypes: true }))
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: await readFile(join(dir, name, 'migration.sql'), 'utf8') },
      },
    })),
  );
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/** Applies every migration in prisma/migrations that the database has not seen. Idempotent. */
export async function applyPendingMigrations(adapter: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const schemaText = await readFile(SCHEMA_PATH, 'utf8');
  const engine = await openSchemaEngine(adapter, SCHEMA_PATH, schemaText);
  const { appliedMigrationNames } = await engine.applyMigrations({
    migrationsList: await loadMigrationsList(),
    filters: NO_FILTERS,
  });
  return appliedMigrationNames;
}

/**
 * SQL that takes a database with every existing migration applied to the current schema.prisma.
 * `scratch` must be an empty database (an in-memory PGlite in practice).
 */
export async function pendingSchemaSql(scratch: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  await applyPendingMigrations(scratch);
  const schemaText = await readFile(SCHEMA_PATH, 'utf8');
  const engine = await openSchemaEngine(scratch, SCHEMA_PATH, schemaText);
  const files = [{ path: SCHEMA_PATH, content: schemaText }];
  const result = await engine.diff({
    from: { tag: 'schemaDatasource', files, configDir: PRISMA_DIR },
    to: { tag: 'schemaDatamodel', files },
    script: true,
    exitCode: null,
    filters: NO_FILTERS,
  });
  const sql = (result as { stdout?: string }).stdout ?? '';
  return sql.includes('-- This is an empty migration.') ? '' : sql.trim();
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql; returns its folder or null when nothing changed. */
export async function writeMigration(name: string, sql: string): Promise<string | null> {
  if (!sql) return null;
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const folder = join(MIGRATIONS_DIR, `${stamp}_${name.replace(/[^a-z0-9_]+/gi, '_').toLowerCase()}`);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'migration.sql'), `${sql}\n`);
  const lockPath = join(MIGRATIONS_DIR, LOCKFILE);
  if (!existsSync(lockPath)) {
    await writeFile(lockPath, '# Managed by scripts/db-migration.mjs; do not edit.\nprovider = "postgresql"\n');
  }
  return folder;
}
