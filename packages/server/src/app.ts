// Builds the Fastify application: platform pieces decorated once at the root, then one plugin per bounded context.
import crypto from 'node:crypto';
import fs from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { DB } from './db/schema.ts';
import { loggerOptions } from './platform/logging.ts';
import { registerProblemHandler, problems } from './platform/problem.ts';
import { registerValidation } from './platform/validation.ts';
import { installRequestContext } from './platform/request-context.ts';
import { LocalOutboxGateway, SmsDispatcher, type SmsGateway } from './platform/sms.ts';
import { FsFileStore, type FileStore } from './platform/files.ts';
import { Scheduler } from './platform/scheduler.ts';
import { uploadRoutes } from './platform/resumable-uploads.ts';
import { systemRoutes } from './platform/system-routes.ts';
import { orgRoutes } from './modules/org/routes.ts';
import { identityRoutes } from './modules/identity/routes.ts';
import { catalogRoutes } from './modules/catalog/routes.ts';
import { catalogExcelRoutes } from './modules/catalog/excel-routes.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { CalendarCache } from './modules/calendar/store.ts';
import { caseRoutes } from './modules/cases/routes.ts';
import { caseDocumentRoutes } from './modules/cases/document-routes.ts';
import { onlineApplicationRoutes } from './modules/cases/online-routes.ts';
import { CaseSerials } from './modules/cases/serials.ts';
import { trackingRoutes } from './modules/cases/tracking-routes.ts';
import { messageRoutes } from './modules/cases/message-routes.ts';
import { hallRoutes } from './modules/hall/routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
    db: Kysely<DB>;
    sms: SmsDispatcher;
    files: FileStore;
    scheduler: Scheduler;
    calendar: CalendarCache;
    /** The serial part of new case numbers, in blocks from the database sequence. */
    caseSerials: CaseSerials;
    /** Set on SIGTERM: answers ask clients to close their connection, so none is left for the shutdown to cut. */
    shuttingDown: boolean;
  }
}

export interface BuildOptions {
  config: Config;
  database: Database;
  /** A different SMS gateway (tests use a failing one); the local outbox by default. */
  smsGateway?: SmsGateway;
  /** Where uploaded and generated files live; DATA_DIR/files by default. */
  files?: FileStore;
  logger?: boolean;
}

export async function buildApp({ config, database, smsGateway, files, logger = true }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? loggerOptions(config.logLevel) : false,
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => crypto.randomUUID(),
    trustProxy: config.trustProxy,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('db', database.db);
  const sms = new SmsDispatcher(database.db, smsGateway ?? new LocalOutboxGateway(app.log), app.log);
  app.decorate('sms', sms);
  app.decorate('scheduler', new Scheduler(database.db, app.log));
  app.decorate('calendar', new CalendarCache(database.db));
  app.decorate('caseSerials', new CaseSerials(database.db));
  app.decorate('shuttingDown', false);
  app.addHook('onSend', async (_request, reply) => {
    if (app.shuttingDown) reply.header('connection', 'close');
  });
  app.decorate('files', files ?? new FsFileStore(path.join(config.dataDir, 'files')));

  registerValidation(app);
  registerProblemHandler(app);
  await app.register(cookie);
  await app.register(helmet, {
    // Plain-HTTP deployments (a hall's intranet, localhost) must not be told to upgrade to HTTPS.
    hsts: config.production,
    contentSecurityPolicy: {
      directives: {
        'upgrade-insecure-requests': config.production ? [] : null,
        // Ant Design writes its styles at run time; images may be data: URLs (QR codes, previews).
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
      },
    },
  });
  // Uploads are read whole into memory after the size limit is checked part by part; each route sets its own limit.
  await app.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 5 } });
  await app.register(rateLimit, { global: false, keyGenerator: (request) => request.ip || 'local' });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'OneWindow 一窗通办 API', version: '0.1.0', description: '政务服务平台接口。错误以 RFC 9457 problem+json 返回。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ow_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installRequestContext(app);

  await app.register(systemRoutes);
  await app.register(identityRoutes);
  await app.register(orgRoutes);
  await app.register(catalogRoutes);
  await app.register(catalogExcelRoutes);
  await app.register(calendarRoutes);
  await app.register(caseRoutes);
  await app.register(caseDocumentRoutes);
  await app.register(onlineApplicationRoutes);
  await app.register(uploadRoutes);
  await app.register(trackingRoutes);
  await app.register(messageRoutes);
  await app.register(hallRoutes);
  await serveWebApp(app, config.webDistDir);

  app.addHook('onClose', async () => {
    await app.scheduler.stop();
    await sms.stop();
  });
  return app;
}

async function serveWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  // Files are looked up per request (wildcard), so a rebuild while the server runs serves the new chunks. The build
  // leaves .br and .gz copies beside each script and style sheet (web/scripts/precompress.mjs), sent to browsers that
  // accept them; hashed /assets/ files never change, so browsers keep them.
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: true,
    index: ['index.html'],
    serve: fs.existsSync(distDir),
    preCompressed: true,
    setHeaders: (reply, filePath) => {
      if (filePath.includes(`${path.sep}assets${path.sep}`)) reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') throw problems.notFound('接口');
    if (request.url.startsWith('/assets/')) throw problems.notFound('文件');
    if (!fs.existsSync(path.join(distDir, 'index.html'))) {
      return reply.type('text/plain; charset=utf-8').send('网页尚未构建：请运行 npm run build -w @onewindow/web');
    }
    // Everything else is a client-side route of the single-page app.
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html', distDir);
  });
}
