import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, contains, prng, synced, waitFor, type Client } from './support/collab-harness.js';

const LOADER = fileURLToPath(new URL('./support/ts-loader.mjs', import.meta.url));
const CHILD = fileURLToPath(new URL('./support/server-child.ts', import.meta.url));

interface Child {
  process: ChildProcess;
  collabUrl: string;
  documentId: string;
  writer: string;
  reader: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function startChild(dataDir: string): Promise<Child> {
  const child = spawn(process.execPath, ['--import', LOADER, CHILD], {
    env: {
      ...process.env,
      XS_DATA_DIR: dataDir,
      XS_LOG_LEVEL: process.env.XS_TEST_LOG_LEVEL ?? 'error',
      XS_JWT_SECRET: 'durability-secret-durability-secret-0123',
      XS_ADMIN_PASSWORD: 'admin-password-1',
      XS_WEB_DIST: '/nonexistent',
      // Compaction every few updates, so kills land before, during and after compactions.
      XS_COLLAB_COMPACT_AFTER: '8',
      XS_COLLAB_MESSAGES_PER_SECOND: '100000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    // Server logs share stdout: the ready line is the one with the port.
    rl.on('line', (l) => {
      if (l.startsWith('{"port"')) resolve(l);
      else if (process.env.XS_TEST_LOG_LEVEL) process.stderr.write(`[child] ${l}\n`);
    });
    void exited.then(({ code }) => reject(new Error(`server child exited (${code}) before it was ready`)));
  });
  const info = JSON.parse(line) as { port: number; documentId: string; writer: string; reader: string };
  return { process: child, collabUrl: `ws://127.0.0.1:${info.port}/collab`, ...info, exited };
}

/**
 * T1/T2: an update another client has been sent is committed. A writer types a burst; the
 * moment a read-only reader has seen some of it, the server is killed with SIGKILL and both
 * clients are destroyed (nobody can re-send anything). After a restart on the same data,
 * everything the reader had is there — across compactions, which run every 8 updates.
 */
// Each test restarts a server process (PGlite boot included): generous per-test time.
describe('durability under kill -9 (T1, T2) and SIGTERM (T20)', { timeout: 180_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'xs-durability-'));
  let child: Child | undefined;
  const clients: Client[] = [];

  beforeAll(async () => {
    child = await startChild(dataDir);
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    child?.process.kill('SIGKILL');
    await child?.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function burstThenStop(trial: number, signal: NodeJS.Signals): Promise<Y.Doc> {
    const rand = prng(1000 + trial);
    const c = child!;
    const writer = connectClient(c.collabUrl, c.documentId, c.writer);
    const reader = connectClient(c.collabUrl, c.documentId, c.reader);
    clients.push(writer, reader);
    await Promise.all([synced(writer), synced(reader)]);
    const text = writer.doc.getText('t');
    const seenBefore = reader.doc.getText('t').length;
    // Stop once the reader has seen a random part of the burst, while the writer is still typing.
    const threshold = seenBefore + 20 + Math.floor(rand() * 150);
    let typing = true;
    const typist = (async () => {
      for (let i = 0; typing && i < 600; i++) {
        text.insert(Math.floor(rand() * (text.length + 1)), `[${trial}:${i}]`);
        if (i % 3 === 0) await new Promise((r) => setImmediate(r));
      }
    })();
    await waitFor(() => reader.doc.getText('t').length >= threshold, 'reader to see the burst', 60_000);
    c.process.kill(signal);
    const stoppedAt = Date.now();
    const seen = new Y.Doc();
    Y.applyUpdate(seen, Y.encodeStateAsUpdate(reader.doc));
    typing = false;
    writer.destroy();
    reader.destroy();
    await typist;
    const exit = await c.exited;
    if (signal === 'SIGKILL') expect(exit.signal).toBe('SIGKILL');
    else {
      expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
      // Well inside XS_SHUTDOWN_TIMEOUT_MS (10 s): clients reconnecting meanwhile must not hold the HTTP server open.
      expect(Date.now() - stoppedAt).toBeLessThan(8000);
    }
    return seen;
  }

  async function reload(): Promise<Y.Doc> {
    child = await startChild(dataDir);
    const fresh = connectClient(child.collabUrl, child.documentId, child.reader);
    clients.push(fresh);
    await synced(fresh);
    return fresh.doc;
  }

  for (const trial of [1, 2]) {
    it(`keeps everything a reader saw when the server is killed -9 mid-burst (trial ${trial})`, async () => {
      const seen = await burstThenStop(trial, 'SIGKILL');
      const loaded = await reload();
      expect(seen.getText('t').length).toBeGreaterThan(0);
      expect(contains(loaded, seen)).toBe(true);
    });
  }

  it('keeps everything a reader saw through a graceful SIGTERM while editing (T20)', async () => {
    const seen = await burstThenStop(3, 'SIGTERM');
    const loaded = await reload();
    expect(contains(loaded, seen)).toBe(true);
  });
});
