// npm run dev: the server with hot reload and the Vite dev server for the web client, in one command.
//   - builds libs/protocol, libs/domain and the server once, then keeps them compiled with `tsc -w`;
//   - runs `node --watch apps/server/dist/main.js` (restarts when compiled output changes),
//     with human-readable logs (XS_LOG_PRETTY=true) and the variables from ./.env when it exists;
//   - runs `vite` for apps/web on http://localhost:5173, proxying /api, /socket.io and /collab
//     to the server (apps/web/vite.config.ts).
// Ctrl-C (or SIGTERM) stops everything; if one process dies, the others are stopped too.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Variables already set in the shell win over ./.env (same rule as node --env-file).
const envFile = join(root, '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);
const bin = (name) => join(root, 'node_modules', '.bin', name);
const port = process.env.PORT ?? '3000';
const colors = { lib: 90, server: 36, tsc: 33, web: 35 };
const children = new Set();
let stopping = false;

function prefixLines(name, stream, out) {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) out.write(`\x1b[${colors[name] ?? 0}m[${name}]\x1b[0m ${line}\n`);
  });
  stream.on('end', () => buffered && out.write(`[${name}] ${buffered}\n`));
}

function run(name, cmd, args, opts = {}) {
  const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  children.add(child);
  prefixLines(name, child.stdout, process.stdout);
  prefixLines(name, child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(`[dev] ${name} exited (${signal ?? code}); stopping the rest`);
      stop(code || 1);
    }
  });
  return child;
}

function stop(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  // The server finishes in-flight work on SIGTERM (XS_SHUTDOWN_TIMEOUT_MS); don't wait forever.
  const deadline = setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
    process.exit(exitCode);
  }, 15_000);
  deadline.unref();
  const check = setInterval(() => {
    if (children.size === 0) {
      clearInterval(check);
      process.exit(exitCode);
    }
  }, 100);
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// One full build first, so node --watch has a main.js to start and the libs have their dist/.
console.log('[dev] building libs and server once…');
const first = spawnSync(
  bin('nx'),
  ['run-many', '-t', 'build', '-p', 'protocol', 'domain', 'server', '--outputStyle=static'],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false' },
  },
);
if (first.status !== 0) process.exit(first.status ?? 1);

const watch = ['-w', '--preserveWatchOutput'];
run('lib', bin('tsc'), ['-p', 'libs/protocol/tsconfig.lib.json', ...watch]);
run('lib', bin('tsc'), ['-p', 'libs/domain/tsconfig.lib.json', ...watch]);
run('tsc', bin('tsc'), ['-p', 'apps/server/tsconfig.build.json', ...watch]);

run('server', process.execPath, ['--watch', 'apps/server/dist/main.js'], {
  env: { ...process.env, XS_LOG_PRETTY: process.env.XS_LOG_PRETTY ?? 'true', PORT: port },
});
run('web', bin('vite'), ['--strictPort'], {
  cwd: join(root, 'apps/web'),
  env: { ...process.env, XS_DEV_SERVER: `http://127.0.0.1:${port}` },
});
console.log(`[dev] web client with hot reload: http://localhost:5173  (API server: http://localhost:${port})`);
