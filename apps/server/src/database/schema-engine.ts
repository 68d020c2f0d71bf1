import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

/**
 * Loads Prisma's schema engine compiled to WebAssembly, bound to a driver adapter.
 * The package entry imports the .wasm as an ES module, which Node refuses, so it is
 * instantiated by hand (../shared/notes/prisma-offline.md).
 */
let wasmReady: Promise<typeof import('@prisma/schema-engine-wasm/schema_engine_bg')> | undefined;

async function loadWasm() {
  const bg = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const bytes = await readFile(join(pkgDir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg as never });
  const exports = instance.exports as Record<string, unknown> & { __wbindgen_start: () => void };
  (bg as unknown as { __wbg_set_wasm: (e: unknown) => void }).__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  return bg;
}

export async function openSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schemaPath: string,
  schemaText: string,
): Promise<SchemaEngine> {
  wasmReady ??= loadWasm();
  const bg = await wasmReady;
  const factory = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  return (await bg.SchemaEngine.new({ datamodels: [[schemaPath, schemaText]] }, () => {}, factory)) as SchemaEngine;
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };
