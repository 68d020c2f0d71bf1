import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ARTIFACTS = join(ROOT, 'e2e/artifacts');
const MAIN = join(ROOT, 'apps/server/dist/main.js');

/** Password of the `admin` account on every e2e server (first-start bootstrap reads XS_ADMIN_PASSWORD). */
export const ADMIN_PASSWORD = 'e2e-admin-password-1';

export interface RunningServer {
  baseUrl: string;
  port: number;
  dataDir: string;
  logFile: string;
  stop(): Promise<void>;
}

/** A port that was free a moment ago (the server must be told its port up front). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts the built server exactly as `npm start` does (`node apps/server/dist/main.js`), on a free
 * port, with a new empty data directory (embedded PGlite) and a known admin password, and waits for
 * /api/health. Builds nothing: `npm run test:e2e` builds first. Logs go to e2e/artifacts/<name>.server.log.
 */
export async function startServer(name: string, env: Record<string, string> = {}): Promise<RunningServer> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build (npm run test:e2e does)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'xs-e2e-'));
  const port = await freePort();
  const logFile = join(ARTIFACTS, `${name}.server.log`);
  const log = createWriteStream(logFile);
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    XS_DATA_DIR: dataDir,
    XS_ADMIN_PASSWORD: ADMIN_PASSWORD,
    XS_LOG_LEVEL: 'info',
    XS_LOG_PRETTY: 'false',
    ...env,
  };
  // The e2e journeys run on the embedded database unless a test says otherwise.
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  delete childEnv.REDIS_URL;
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timeout);
    }
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, 60_000);
    const home = await fetch(`${baseUrl}/`);
    if (!(home.headers.get('content-type') ?? '').includes('text/html')) {
      throw new Error('the server is not serving the web client: is apps/web/dist built? (npm run test:e2e builds it)');
    }
  } catch (e) {
    await stop();
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`${(e as Error).message}\n--- ${logFile} (tail) ---\n${tail}`);
  }
  return { baseUrl, port, dataDir, logFile, stop };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode} before it was healthy`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${baseUrl} not healthy after ${timeoutMs} ms`);
}
