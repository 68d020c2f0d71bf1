// npm run db:migrate: applies pending migrations to DATABASE_URL or the embedded database.
import { spawnSync } from 'node:child_process';

const run = (cmd, argv) => {
  const r = spawnSync(cmd, argv, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npx', ['nx', 'run', 'server:build', '--outputStyle=static']);
run(process.execPath, ['apps/server/dist/database/migration.cli.js', 'apply']);
