// Prisma 7 reads its configuration here. The CLI is only used for `generate`
// (see scripts/prisma-generate.mjs); migrations run in-process through the
// WebAssembly schema engine (scripts/db-migration.mjs, apps/server/src/database).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
