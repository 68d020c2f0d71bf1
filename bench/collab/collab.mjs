// npm run bench:collab — OUR co-editing server next to the REFERENCE y-websocket server, same load,
// same run, same machine (issue 3 "Benchmark"; shared/notes/performance-anchors.md P1, P4).
//
//  1. Edit latency. For each server: N stock y-websocket@3.1.0 WebsocketProvider clients (ws
//     polyfill, all in this process) on ONE document; client 0 makes WARMUP + EDITS sequential
//     single-character inserts into Y.Text 'bench'; per edit we time from the local insert until
//     EVERY other client holds it (the slowest arrival), then start the next edit. N = 50 and 200.
//     Server CPU (utime+stime from /proc/<pid>/stat over the edit phase) and RSS (VmRSS / VmHWM).
//     Servers: reference = y-websocket@2.1.0 bin/server.cjs (bench/collab/reference, no auth, no
//     storage); ours = `node apps/server/dist/main.js` with embedded PGlite, and with PostgreSQL
//     (synchronous_commit=on, a throw-away database) when 127.0.0.1:5432 (or DATABASE_URL) answers.
//     Ours authenticates (access token) and commits every update before relaying it.
//  2. Cold load (ours, PGlite): a document whose update log holds COLD_EDITS updates (≈1 MB of
//     text) written by seed-log.mjs through the server's persistence layer; restart the server;
//     time from creating a provider to its first 'sync' (sync step 2 applied, content checked).
//     Measured on the raw log (first load after seeding) and again after the server compacted it
//     into a snapshot (restart each time).
// Everything is loopback, bounded (per-edit and per-phase timeouts) and stops by itself.
// Assumes `npm run build` has run (the npm script does it). Prints tables and one JSON line.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect as netConnect } from 'node:net';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

process.setMaxListeners(0);
const ROOT = resolve(import.meta.dirname, '../..');
const REF_SERVER = join(import.meta.dirname, 'reference/node_modules/y-websocket/bin/server.cjs');
const CLIENTS = (process.env.XS_BENCH_CLIENTS ?? '50,200').split(',').map(Number);
const EDITS = Number(process.env.XS_BENCH_EDITS ?? 200);
const WARMUP = 10;
const COLD_EDITS = Number(process.env.XS_BENCH_COLD_EDITS ?? 100_000);
const COLD_RUNS = 2;
const COLD_TIMEOUT_MS = 150_000;
const EDIT_TIMEOUT_MS = 5000;
const ADMIN_PASSWORD = 'bench-password-1';
const PG_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const CLK_TCK = 100;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const r1 = (x) => (x === undefined ? undefined : Math.round(x * 10) / 10);

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

async function waitFor(check, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

function procStats(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { cpuS: (Number(f[11]) + Number(f[12])) / CLK_TCK, rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return { cpuS: 0, rssMb: 0, hwmMb: 0 };
  }
}

/** A server child process; resolves once `ready(port)` answers. */
async function startProcess(name, args, env, ready) {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const exited = new Promise((r) => child.once('exit', r));
  const started = performance.now();
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}: ${stderr}`);
      return ready(port).catch(() => false);
    },
    `${name} to listen`,
    60_000,
  );
  return {
    name,
    port,
    pid: child.pid,
    startMs: performance.now() - started,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 120_000);
      await exited;
      clearTimeout(t);
    },
  };
}

const tcpOpen = (port) =>
  new Promise((res) => {
    const s = netConnect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), res(true)));
    s.once('error', () => res(false));
  });

async function startReference() {
  const srv = await startProcess('reference', [REF_SERVER], {}, tcpOpen);
  let n = 0;
  return { ...srv, url: `ws://127.0.0.1:${srv.port}`, params: {}, newDocument: async () => `bench-room-${++n}` };
}

async function startOurs(name, env) {
  const srv = await startProcess(
    name,
    ['apps/server/dist/main.js'],
    { XS_LOG_LEVEL: 'warn', XS_ADMIN_PASSWORD: ADMIN_PASSWORD, ...env },
    async (port) => (await fetch(`http://127.0.0.1:${port}/api/health`)).ok,
  );
  const base = `http://127.0.0.1:${srv.port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
  const { accessToken } = await login.json();
  return {
    ...srv,
    url: `ws://127.0.0.1:${srv.port}/collab`,
    params: { token: accessToken },
    async newDocument() {
      const res = await fetch(`${base}/api/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ title: '性能测试文档', kind: 'proposal' }),
      });
      if (res.status !== 201) throw new Error(`create document: ${res.status} ${await res.text()}`);
      return (await res.json()).id;
    },
  };
}

function connectClient(server, room) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.url, room, doc, {
    params: server.params,
    WebSocketPolyfill: WebSocket,
    disableBc: true,
    maxBackoffTime: 1000,
  });
  return {
    doc,
    text: doc.getText('bench'),
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Scenario 1 on one server and one client count. */
async function editLatency(server, n) {
  const room = await server.newDocument();
  const clients = [];
  try {
    for (let i = 0; i < n; i += 25) {
      const batch = [];
      for (let k = i; k < Math.min(n, i + 25); k++) batch.push(connectClient(server, room));
      clients.push(...batch);
      await waitFor(() => batch.every((c) => c.provider.synced), `${n} clients to sync`, 60_000);
    }
    await sleep(500);
    const [writer, ...readers] = clients;
    let expect = 0;
    let pending = 0;
    let done = null;
    let last = 0;
    const got = new Set();
    for (const c of readers) {
      c.text.observe(() => {
        if (c.text.length >= expect && !got.has(c)) {
          got.add(c);
          last = performance.now();
          if (--pending === 0) done?.();
        }
      });
    }
    const latencies = [];
    let timeouts = 0;
    let cpu0;
    let t0;
    for (let i = 0; i < WARMUP + EDITS; i++) {
      if (i === WARMUP) {
        cpu0 = procStats(server.pid).cpuS;
        t0 = performance.now();
      }
      got.clear();
      expect = writer.text.length + 1;
      pending = readers.length;
      const arrived = new Promise((r) => (done = r));
      const start = performance.now();
      writer.text.insert(0, String.fromCharCode(97 + (i % 26)));
      const timer = sleep(EDIT_TIMEOUT_MS).then(() => 'timeout');
      const outcome = await Promise.race([arrived, timer]);
      if (outcome === 'timeout') {
        timeouts++;
        await waitFor(() => pending <= 0, 'stragglers', 30_000);
      }
      if (i >= WARMUP) latencies.push(last - start);
      await sleep(2);
    }
    const wallS = (performance.now() - t0) / 1000;
    const stats = procStats(server.pid);
    const converged = readers.every((c) => c.text.toString() === writer.text.toString());
    return {
      server: server.name,
      clients: n,
      edits: latencies.length,
      p50: r1(pct(latencies, 50)),
      p99: r1(pct(latencies, 99)),
      max: r1(Math.max(...latencies)),
      timeouts,
      converged,
      cpuPct: Math.round(((stats.cpuS - cpu0) / wallS) * 100),
      rssMb: Math.round(stats.rssMb),
      peakRssMb: Math.round(stats.hwmMb),
    };
  } finally {
    for (const c of clients) c.destroy();
    await sleep(1000);
  }
}

async function coldLoad() {
  const dir = mkdtempSync(join(tmpdir(), 'xs-bench-collab-'));
  const env = { XS_DATA_DIR: dir, XS_COLLAB_IDLE_UNLOAD_MS: '1000' };
  try {
    let srv = await startOurs('ours-pglite-cold', env);
    const documentId = await srv.newDocument();
    const controlId = await srv.newDocument(); // small: separates the process's first-connection cost
    await srv.stop();
    const seeded = await new Promise((res, rej) => {
      const child = spawn(
        process.execPath,
        [join(import.meta.dirname, 'seed-log.mjs'), documentId, String(COLD_EDITS)],
        {
          cwd: ROOT,
          env: { ...process.env, XS_LOG_LEVEL: 'warn', ...env },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      const t = setTimeout(() => child.kill('SIGKILL'), 420_000);
      child.once('exit', (code) => {
        clearTimeout(t);
        if (code === 0) res(JSON.parse(out.trim().split('\n').pop()));
        else rej(new Error(`seed-log exited ${code}`));
      });
    });
    console.log('seeded', JSON.stringify(seeded));
    const loads = [];
    for (let run = 0; run < 1 + COLD_RUNS; run++) {
      srv = await startOurs('ours-pglite-cold', env);
      const t1 = performance.now();
      const control = connectClient(srv, controlId);
      await waitFor(() => control.provider.synced, 'control sync', 60_000);
      const controlMs = performance.now() - t1;
      control.destroy();
      const started = performance.now();
      const c = connectClient(srv, documentId);
      let ms;
      try {
        await waitFor(() => c.provider.synced, 'cold sync', COLD_TIMEOUT_MS);
        ms = performance.now() - started;
      } catch {
        ms = Infinity; // recorded as a miss; the server keeps loading (and then compacting)
      }
      const ok = c.text.length === seeded.textLength;
      c.destroy();
      // let the idle document unload (which compacts the log) before stopping
      await sleep(run === 0 ? 20_000 : 2000);
      const rss = procStats(srv.pid);
      await srv.stop();
      loads.push({
        log: run === 0 ? 'raw log (first load)' : 'after compaction',
        ms: Number.isFinite(ms) ? Math.round(ms) : `> ${COLD_TIMEOUT_MS} (timed out)`,
        smallDocFirstMs: Math.round(controlMs),
        contentOk: ok,
        rssMb: Math.round(rss.rssMb),
      });
    }
    return { seeded, loads };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresAvailable() {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
const machine = {
  date: new Date().toISOString(),
  nproc: cpus().length,
  cpu: cpus()[0]?.model,
  memGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  loadavgAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
};
console.log('machine', JSON.stringify(machine));
const started = performance.now();
const results = [];
const pgDb = `xs_bench_collab_${process.pid}`;
const havePg = await postgresAvailable();
const admin = havePg ? new pg.Client({ connectionString: PG_URL }) : null;
let syncCommit = null;
const servers = [['reference', () => startReference()]];
const pgliteDir = mkdtempSync(join(tmpdir(), 'xs-bench-collab-'));
servers.push(['ours-pglite', () => startOurs('ours-pglite', { XS_DATA_DIR: pgliteDir })]);
if (havePg) {
  await admin.connect();
  await admin.query(`CREATE DATABASE ${pgDb}`);
  await admin.query(`ALTER DATABASE ${pgDb} SET synchronous_commit = on`);
  const url = new URL(PG_URL);
  url.pathname = `/${pgDb}`;
  const probe = new pg.Client({ connectionString: url.toString() });
  await probe.connect();
  syncCommit = (await probe.query('SHOW synchronous_commit')).rows[0].synchronous_commit;
  await probe.end();
  servers.push(['ours-postgres', () => startOurs('ours-postgres', { DATABASE_URL: url.toString() })]);
}
let cold = null;
try {
  for (const [name, start] of process.env.XS_BENCH_ONLY === 'cold' ? [] : servers) {
    const srv = await start();
    try {
      for (const n of CLIENTS) {
        const res = await editLatency(srv, n);
        console.log(JSON.stringify(res));
        results.push(res);
      }
    } catch (err) {
      console.error(`${name}: ${err.message}`);
      results.push({ server: name, error: err.message });
    } finally {
      await srv.stop();
    }
  }
  if (COLD_EDITS > 0) {
    try {
      cold = await coldLoad();
    } catch (err) {
      cold = { ...cold, error: err.message };
    }
    console.log('cold', JSON.stringify(cold));
  }
} finally {
  rmSync(pgliteDir, { recursive: true, force: true });
  if (admin) {
    await admin.query(`DROP DATABASE IF EXISTS ${pgDb} WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

console.log('\n| server | clients | p50 ms | p99 ms | max ms | timeouts | server CPU | RSS / peak MB | p99 ours/ref |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  if (r.error) {
    console.log(`| ${r.server} | error: ${r.error} |`);
    continue;
  }
  const ref = results.find((x) => x.server === 'reference' && x.clients === r.clients && !x.error);
  const ratio =
    r.server === 'reference' || !ref ? '' : `${(r.p99 / ref.p99).toFixed(2)}× (p50 ${(r.p50 / ref.p50).toFixed(2)}×)`;
  console.log(
    `| ${r.server} | ${r.clients} | ${r.p50} | ${r.p99} | ${r.max} | ${r.timeouts}${r.converged ? '' : ' NOT CONVERGED'} | ${r.cpuPct} % | ${r.rssMb} / ${r.peakRssMb} | ${ratio} |`,
  );
}
if (cold?.loads)
  for (const l of cold.loads)
    console.log(
      `cold load, ${l.log}: ${l.ms} ms (small document first, same process: ${l.smallDocFirstMs} ms; content ok: ${l.contentOk})`,
    );
console.log(
  JSON.stringify({
    machine,
    postgres: havePg ? { synchronous_commit: syncCommit } : null,
    results,
    cold,
    totalS: Math.round((performance.now() - started) / 1000),
  }),
);
process.exit(0);
