// npm run db:migration -- <name> | --check : builds the server, then diffs schema.prisma
// against the existing migrations with the WebAssembly schema engine (no native engine needed).
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const run = (cmd, argv) => {
  const r = spawnSync(cmd, argv, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, ['scripts/prisma-generate.mjs']);
run('npx', ['nx', 'run', 'server:build', '--outputStyle=static']);
const cli = 'apps/server/dist/database/migration.cli.js';
if (args[0] === '--check') run(process.execPath, [cli, 'check']);
else if (args[0]) run(process.execPath, [cli, 'create', args[0]]);
else {
  console.error('usage: npm run db:migration -- <name>   (or -- --check)');
  process.exit(2);
}
