import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createApp } from '../../src/app.factory.js';
import { loadConfig, type AppConfig } from '../../src/config/env.js';
import { openDatabase, openPGlite, type DatabaseConnection } from '../../src/database/database-connection.js';

export interface TestApp {
  app: INestApplication;
  db: DatabaseConnection;
  baseUrl: string;
  config: AppConfig;
  close(): Promise<void>;
}

/**
 * A fresh database for one test file: in-memory PGlite by default; when XS_TEST_DATABASE_URL
 * points at a PostgreSQL server (CI), a new uniquely named database on it, dropped afterwards.
 */
export async function freshDatabase(): Promise<{ db: DatabaseConnection; drop: () => Promise<void> }> {
  const serverUrl = process.env.XS_TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = openPGlite();
    return { db, drop: async () => db.close() };
  }
  const name = `xs_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  return {
    db,
    drop: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Boots the real server on port 0 with a fresh database. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({
    XS_LOG_LEVEL: 'silent',
    XS_ADMIN_PASSWORD: 'admin-password-1',
    XS_JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    XS_WEB_DIST: '/nonexistent',
    PORT: '0',
    HOST: '127.0.0.1',
    ...env,
  });
  const { db, drop } = await freshDatabase();
  const { app } = await createApp(config, { db });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    db,
    config,
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}
