// npm run bench:startup — how fast the built app becomes usable, and how much the browser loads first.
//   1. time from spawning `node apps/server/dist/main.js` to the first 200 from /api/health,
//      on a new empty data directory (creates the embedded database and applies every migration)
//      and on the same directory again (an existing database);
//   2. the same through `npm start` (build step answered from the Nx cache, as after an install);
//   3. the web client's initial JS and CSS: what apps/web/dist/index.html loads before anything
//      else (entry script, modulepreload chunks, stylesheets), raw and gzip (zlib level 6).
// Assumes `npm run build` has run (the npm script does it). Prints a table and one JSON line.
// Target (issue 2): healthy within 15 s.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env.XS_BENCH_RUNS ?? 3);

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/**
 * CPU time (user + system) the process has used so far, from /proc: unlike wall time it hardly
 * changes when other work shares the two cores. Null where /proc is missing.
 */
function cpuTimeMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in 100 Hz ticks
  } catch {
    return null;
  }
}

/** Spawns `cmd`, polls /api/health every 25 ms, returns ms to the first 200 (and CPU ms used); then stops the process group. */
async function timeToHealthy(cmd, args, env) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(cmd, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', XS_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((r) => child.once('exit', r));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}: ${stderr}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.ok) return { ms: performance.now() - started, cpuMs: cpuTimeMs(child.pid) };
      } catch {
        /* not listening yet */
      }
      if (performance.now() - started > 300_000) throw new Error('not healthy after 300 s');
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    if (child.exitCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmtS = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function startup() {
  const rows = [];
  const main = ['apps/server/dist/main.js'];
  const fresh = [];
  const existing = [];
  const viaNpm = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'xs-bench-'));
    try {
      fresh.push(
        await timeToHealthy(process.execPath, main, { XS_DATA_DIR: dir, XS_ADMIN_PASSWORD: 'bench-password-1' }),
      );
      existing.push(await timeToHealthy(process.execPath, main, { XS_DATA_DIR: dir }));
      viaNpm.push(await timeToHealthy('npm', ['start', '--silent'], { XS_DATA_DIR: dir, NX_DAEMON: 'false' }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  rows.push(['node apps/server/dist/main.js, new data dir', fresh]);
  rows.push(['node apps/server/dist/main.js, existing data dir', existing]);
  rows.push(['npm start (build cached), existing data dir', viaNpm]);
  return rows.map(([what, runs]) => {
    const xs = runs.map((r) => r.ms);
    // For `npm start` the CPU figure would be npm's own, not the server's: left out.
    const cpu = what.startsWith('npm') ? [] : runs.map((r) => r.cpuMs).filter((c) => c !== null);
    return {
      what,
      medianMs: Math.round(median(xs)),
      maxMs: Math.round(Math.max(...xs)),
      runsMs: xs.map(Math.round),
      medianCpuMs: cpu.length ? Math.round(median(cpu)) : null,
    };
  });
}

function bundle() {
  const dist = join(ROOT, 'apps/web/dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = new Set();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*\bhref="([^"]+)"/g)) refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*\bhref="([^"]+)"[^>]*\brel="(?:stylesheet|modulepreload)"/g)) refs.add(m[1]);
  const files = [...refs]
    .filter((r) => !/^https?:/.test(r))
    .map((ref) => {
      const bytes = readFileSync(join(dist, ref.replace(/^\//, '')));
      return { file: ref, bytes: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
    });
  const sum = (kind, key) => files.filter((f) => f.file.endsWith(kind)).reduce((n, f) => n + f[key], 0);
  const allAssets = readdirSync(join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  const allBytes = allAssets.reduce((n, f) => n + statSync(join(dist, 'assets', f)).size, 0);
  return {
    files,
    initialJs: { bytes: sum('.js', 'bytes'), gzip: sum('.js', 'gzip') },
    initialCss: { bytes: sum('.css', 'bytes'), gzip: sum('.css', 'gzip') },
    allJsCss: { files: allAssets.length, bytes: allBytes },
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const machine = {
  date: new Date().toISOString(),
  nproc: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  cpu: cpus()[0]?.model,
  node: process.version,
  // Other work on the machine slows start-up; the figures are read with this in mind.
  loadAverage1m: Number(loadavg()[0].toFixed(2)),
};
const timings = await startup();
const web = bundle();

console.log(
  `machine: ${machine.nproc} cores, ${machine.memoryGiB} GiB, ${machine.cpu}; node ${machine.node}; ` +
    `load average ${machine.loadAverage1m} at start; ${machine.date}`,
);
console.log(`\nstartup to healthy /api/health (${RUNS} runs each; target ≤ 15 s)`);
for (const t of timings) {
  const cpu = t.medianCpuMs === null ? '' : `  (CPU ${fmtS(t.medianCpuMs)})`;
  console.log(`  ${t.what.padEnd(52)} median ${fmtS(t.medianMs)}  max ${fmtS(t.maxMs)}${cpu}`);
}
console.log('\nweb client, loaded by index.html before anything else');
for (const f of web.files)
  console.log(`  ${f.file.padEnd(44)} ${kb(f.bytes).padStart(11)}  gzip ${kb(f.gzip).padStart(10)}`);
console.log(`  initial JS  ${kb(web.initialJs.bytes)}, gzip ${kb(web.initialJs.gzip)}`);
console.log(`  initial CSS ${kb(web.initialCss.bytes)}, gzip ${kb(web.initialCss.gzip)}`);
console.log(`  all JS/CSS chunks (incl. lazy): ${web.allJsCss.files} files, ${kb(web.allJsCss.bytes)} raw`);
console.log('\n' + JSON.stringify({ machine, timings, web }));
if (timings.some((t) => t.maxMs > 15_000)) {
  console.error('startup exceeded 15 s');
  process.exitCode = 1;
}
