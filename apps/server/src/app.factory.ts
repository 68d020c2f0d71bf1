import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { MeetingIoAdapter } from './session/meeting-io.adapter.js';
import type { AppConfig } from './config/env.js';
import { openDatabase, type DatabaseConnection } from './database/database-connection.js';
import { applyPendingMigrations } from './database/migrations.js';
import { createRootLogger, PinoNestLogger, requestLogger } from './common/logging/logger.js';
import { DEFAULT_WEB_DIST, serveWebClient } from './web-client/serve-web-client.js';

export interface CreatedApp {
  app: NestExpressApplication;
  db: DatabaseConnection;
  logger: Logger;
}

/**
 * Builds the whole server: database (migrated before anything else starts), Nest app,
 * security headers, CORS, body limits, OpenAPI at /api/docs and the web client.
 * Used by main.ts and by the integration tests (with their own fresh database).
 */
export async function createApp(config: AppConfig, opts: { db?: DatabaseConnection } = {}): Promise<CreatedApp> {
  const logger = createRootLogger(config);
  const db = opts.db ?? openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.XS_DATA_DIR });
  const applied = await applyPendingMigrations(db.adapter);
  if (applied.length) logger.info({ migrations: applied }, 'applied database migrations');

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, db), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
    abortOnError: false,
  });
  if (config.XS_TRUST_PROXY) app.set('trust proxy', 1);
  app.disable('x-powered-by');
  app.use(requestLogger(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Ant Design injects its CSS-in-JS at runtime.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      hsts: config.XS_SECURE_COOKIES ? { maxAge: 31536000 } : false,
    }),
  );
  app.enableCors({ origin: config.XS_CORS_ORIGINS.length ? config.XS_CORS_ORIGINS : false, credentials: true });
  app.useBodyParser('json', { limit: config.XS_BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: config.XS_BODY_LIMIT, extended: false });
  app.use(cookieParser());
  app.setGlobalPrefix('api');
  // The live meeting room's socket.io: shares this HTTP server with /collab, Redis adapter with REDIS_URL.
  app.useWebSocketAdapter(new MeetingIoAdapter(app, config));

  const openApi = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Xieshang 协商 API')
      .setDescription('HTTP API of Xieshang. Errors: {"error":{"code","message","fields?"}}.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, openApi, { jsonDocumentUrl: 'api/docs/openapi.json' });

  const web = serveWebClient(config.XS_WEB_DIST ?? DEFAULT_WEB_DIST);
  if (web) app.use(web);
  else logger.warn('web client not built; serving the API only (run npm run build)');

  return { app, db, logger };
}
