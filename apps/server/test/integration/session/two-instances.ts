import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createApp } from '../../../src/app.factory.js';
import { loadConfig } from '../../../src/config/env.js';
import { openDatabase, openPGlite, type DatabaseConnection } from '../../../src/database/database-connection.js';
import type { TestApp } from '../../support/test-app.js';

/**
 * Two server instances on one database, as behind a load balancer: PostgreSQL when
 * XS_TEST_DATABASE_URL is set (two connection pools to a fresh database), else one in-memory
 * PGlite shared in-process. Each instance can be stopped on its own.
 */
export async function startTwoInstances(env: Record<string, string>): Promise<{ a: TestApp; b: TestApp; close(): Promise<void> }> {
  const serverUrl = process.env.XS_TEST_DATABASE_URL;
  let dbs: [DatabaseConnection, DatabaseConnection];
  let drop = async () => {};
  if (serverUrl) {
    const name = `xs_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    dbs = [openDatabase({ databaseUrl: url.toString(), dataDir: '' }), openDatabase({ databaseUrl: url.toString(), dataDir: '' })];
    drop = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    // One embedded database for both; stopping an instance must not close it under the other.
    const shared = openPGlite();
    const borrowed = { ...shared, close: async () => {} };
    dbs = [borrowed, borrowed];
    drop = () => shared.close();
  }
  const config = loadConfig({
    XS_LOG_LEVEL: 'silent',
    XS_ADMIN_PASSWORD: 'admin-password-1',
    XS_JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    XS_WEB_DIST: '/nonexistent',
    PORT: '0',
    HOST: '127.0.0.1',
    ...env,
  });
  const start = async (db: DatabaseConnection): Promise<TestApp> => {
    const { app } = await createApp(config, { db });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    let closed = false;
    return {
      app,
      db,
      config,
      baseUrl: `http://127.0.0.1:${port}`,
      close: async () => {
        if (closed) return;
        closed = true;
        await app.close();
      },
    };
  };
  const a = await start(dbs[0]);
  const b = await start(dbs[1]);
  return {
    a,
    b,
    close: async () => {
      await a.close();
      await b.close();
      await Promise.all(dbs.map((d) => d.close()));
      await drop();
    },
  };
}
