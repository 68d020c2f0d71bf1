import { z } from 'zod';

/**
 * Every environment variable the server reads, with its default and meaning.
 * Read and validated once at start; a bad value stops the server naming the variable.
 * README "Configuration" mirrors this list.
 */
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const csv = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);

export const EnvSchema = z.object({
  /** HTTP port for API, web client, /collab and socket.io. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on. */
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL connection string; when unset the embedded PGlite database in XS_DATA_DIR is used. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Folder for the embedded database and other local state. */
  XS_DATA_DIR: z.string().default('./data'),
  /** Password for the `admin` account created on first start; a random one is printed once when unset. */
  XS_ADMIN_PASSWORD: z.string().min(8).max(128).optional(),
  /** Secret for signing access tokens (≥ 32 chars). Generated and stored in the database when unset. */
  XS_JWT_SECRET: z.string().min(32).optional(),
  /** Access-token lifetime in seconds. */
  XS_ACCESS_TOKEN_TTL: z.coerce.number().int().min(60).max(86400).default(900),
  /** Refresh-session lifetime in days. */
  XS_REFRESH_TOKEN_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** Failed logins before an account is locked. */
  XS_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Minutes an account stays locked. */
  XS_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /**
   * Unsuccessful sign-in attempts allowed per client IP per minute (successful ones are not
   * counted, so a venue full of members behind one NAT address can still sign in).
   */
  XS_LOGIN_IP_LIMIT: z.coerce.number().int().min(1).max(10000).default(30),
  /** Comma-separated origins allowed by CORS and the websocket Origin check; same-origin always allowed. */
  XS_CORS_ORIGINS: csv.default([]),
  /** Maximum JSON request body. */
  XS_BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/).default('1mb'),
  /** Redis for cross-instance socket.io and Yjs traffic; single-instance when unset. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Prefix of every Redis key and channel this deployment uses (several deployments may share a Redis). */
  XS_REDIS_PREFIX: z.string().regex(/^[\w.:-]{1,64}$/).default('xieshang'),
  /** Seconds between re-checks of live-room sockets (account disabled, logged out everywhere, removed from the meeting). */
  XS_SESSION_REVALIDATE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Log level: fatal, error, warn, info, debug, trace, silent. */
  XS_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Human-readable logs instead of JSON (npm run dev). */
  XS_LOG_PRETTY: bool.default(false),
  /** Built web client to serve; the API still runs when the folder is missing. */
  XS_WEB_DIST: z.string().optional(),
  /** Trust X-Forwarded-* from a reverse proxy (for client IPs in throttling and logs). */
  XS_TRUST_PROXY: bool.default(false),
  /** Set the Secure flag on cookies (behind HTTPS). */
  XS_SECURE_COOKIES: bool.default(false),
  /** Largest websocket frame accepted on /collab, in bytes. */
  XS_COLLAB_MAX_FRAME_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(2 * 1024 * 1024),
  /**
   * Messages per second one /collab connection may send, sustained (bursts of twice as many pass).
   * Over it the server stops reading that socket until the budget refills: nothing is dropped.
   */
  XS_COLLAB_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).max(100000).default(200),
  /** A co-edited document nobody is connected to is unloaded from memory after this many ms. */
  XS_COLLAB_IDLE_UNLOAD_MS: z.coerce.number().int().min(0).max(3600000).default(30000),
  /** Update-log rows after which a document is compacted into its snapshot (keeps cold loads fast). */
  XS_COLLAB_COMPACT_AFTER: z.coerce.number().int().min(2).max(100000).default(500),
  /** Milliseconds to wait for in-flight work on SIGTERM/SIGINT before exiting. */
  XS_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120000).default(10000),
});

export type AppConfig = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {}

/** Parses the environment; throws one error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
