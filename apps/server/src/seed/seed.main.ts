/**
 * `npm run seed [-- --password <demo password>]`: writes the demo committee (seed-demo.ts) into the
 * database the server uses — DATABASE_URL, or the embedded database in XS_DATA_DIR — after
 * applying pending migrations. Safe to run again: the second run changes nothing.
 * With the embedded database, stop the server first: only one process may open it at a time.
 */
import { parseArgs } from 'node:util';
import { PasswordHasher } from '../auth/password-hasher.js';
import { weakPasswordReason } from '../auth/password-policy.js';
import { ConfigError, loadConfig } from '../config/env.js';
import { openDatabase } from '../database/database-connection.js';
import { applyPendingMigrations } from '../database/migrations.js';
import { DEMO_COMMITTEE, DEMO_PEOPLE } from './demo-committee.js';
import { seedDemoCommittee } from './seed-demo.js';

export const DEFAULT_DEMO_PASSWORD = 'qinghe-demo-2026';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { password: { type: 'string', default: DEFAULT_DEMO_PASSWORD } } });
  const password = values.password;
  const weak = weakPasswordReason(password);
  if (weak) throw new ConfigError(`--password is too weak (${weak})`);

  const config = loadConfig();
  if (!config.DATABASE_URL) await refuseWhileServerRuns(config.PORT);
  const db = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.XS_DATA_DIR });
  try {
    const applied = await applyPendingMigrations(db.adapter);
    if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
    const hasher = new PasswordHasher();
    const result = await seedDemoCommittee(db.prisma, { password, hashPassword: (p) => hasher.hash(p) });
    const where = db.kind === 'postgresql' ? 'PostgreSQL (DATABASE_URL)' : `embedded database in ${config.XS_DATA_DIR}`;
    console.log(
      result.created
        ? `\nCreated the demo committee ${DEMO_COMMITTEE.name} in the ${where}.`
        : `\nThe demo committee is already in the ${where}; nothing changed.`,
    );
    console.log('\nMeetings 会议:');
    for (const m of result.meetings)
      console.log(`  ${m.scheduledAt.toISOString().slice(0, 10)}  [${m.status}]  ${m.title}`);

    console.log('\nDemo logins 演示账号 (sign in at http://localhost:' + config.PORT + '):');
    console.log('  admin          系统管理员  password from XS_ADMIN_PASSWORD, or the one printed at first start');
    const kept = new Set(result.existingUsers);
    for (const p of DEMO_PEOPLE) {
      const pw = result.created && !kept.has(p.username) ? password : '(unchanged)';
      const post = p.role === 'staff' ? '秘书处工作人员' : `${p.title ?? ''} · ${p.sector ?? ''}`;
      console.log(
        `  ${p.username.padEnd(14)} ${p.displayName.padEnd(4, '　')} ${p.role.padEnd(6)} ${pw.padEnd(18)} ${post}`,
      );
    }
    if (!result.created)
      console.log(`\n  Demo accounts use the password given at the first seed (default ${DEFAULT_DEMO_PASSWORD}).`);
  } finally {
    await db.close();
  }
}

/**
 * PGlite has no lock against a second process: seeding under a running server could corrupt the
 * embedded database. A server answering on PORT with the embedded database is the usual case.
 */
async function refuseWhileServerRuns(port: number): Promise<void> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(1500) });
    const body = (await res.json()) as { db?: string };
    if (body.db === 'pglite') {
      throw new ConfigError(
        `A Xieshang server with the embedded database is running on port ${port}. Stop it first: ` +
          'only one process may open the embedded database at a time.',
      );
    }
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    /* nothing listening: fine */
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
