import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from './db/open.js';
import { documentRoutes } from './modules/documents/routes.js';
import { EXCHANGE_TOKEN_PURPOSE } from './modules/exchange/index.js';
import { exchangeRoutes } from './modules/exchange/routes.js';
import { orgRoutes } from './modules/org/routes.js';
import { CertificateSealer, SigningKeys, type RemoteSigningService } from './modules/signing/index.js';
import { signingRoutes } from './modules/signing/routes.js';
import { taskRoutes } from './modules/tasks/routes.js';
import { meetingRoutes } from './modules/meetings/routes.js';
import { scheduleRoutes } from './modules/meetings/schedule-routes.js';
import { delegationRoutes } from './modules/meetings/delegation-routes.js';
import { meetingStatsRoutes } from './modules/meetings/stats-routes.js';
import { taskReportRoutes } from './modules/tasks/report-routes.js';
import { procedureRoutes } from './modules/procedures/routes.js';
import { dossierRoutes } from './modules/dossiers/routes.js';
import { dossierFormRoutes } from './modules/dossiers/forms-routes.js';
import { dossierPublicRoutes } from './modules/dossiers/public-routes.js';
import { dossierStatsRoutes } from './modules/dossiers/stats-routes.js';
import { statsRoutes } from './modules/stats/routes.js';
import { auditRoutes } from './platform/audit/routes.js';
import authPlugin from './platform/auth/plugin.js';
import { authRoutes } from './platform/auth/routes.js';
import type { AuthSettings } from './platform/auth/service.js';
import { calendarRoutes } from './platform/calendar/routes.js';
import type { BlobStore } from './platform/files/blob-store.js';
import { fileRoutes } from './platform/files/routes.js';
import { registerErrorHandler, problemOf, sendProblem } from './platform/http/error-handler.js';
import { healthRoutes } from './platform/http/health.js';
import { registerMetrics } from './platform/http/metrics.js';
import { registerOpenApi } from './platform/http/openapi.js';
import type { MailSettings } from './platform/notify/index.js';
import { notificationRoutes } from './platform/notify/routes.js';

export interface AppDeps {
  database: Database;
  auth: AuthSettings;
  blobStore: BlobStore;
  /** largest upload accepted, bytes */
  filesMaxBytes?: number;
  trustProxy?: boolean;
  /** requests per minute per address on login and password change */
  loginRateLimit?: number;
  metricsToken?: string | undefined;
  /** the remote-signing services users may keep keys at (REMOTE_SIGNING_SERVICES) */
  remoteSigningServices?: readonly RemoteSigningService[];
  /** built web app (web/dist); absent in API-only tests */
  webDir?: string | undefined;
  /** the Jitsi Meet deployment online meetings link to (config.jitsi) */
  jitsi?: { baseUrl: string; appId?: string | undefined; appSecret?: string | undefined };
  /** the address users reach the app at (PUBLIC_URL), for links in the iCalendar feed; else the request's own */
  publicUrl?: string | undefined;
  /** e-mail notices: on when SMTP is configured, with the address e-mails link to (PUBLIC_URL) */
  mail?: MailSettings;
  /** the directory the file implementation of the national portal writes to (NATIONAL_SYNC_DIR) */
  nationalSyncDir?: string | undefined;
  logger?: FastifyServerOptions['logger'];
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: deps.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    // Request ids let an operator find one request's lines in the logs.
    genReqId: () => crypto.randomUUID(),
    // one line per request (below) instead of Fastify's two
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.addHook('onResponse', async (request, reply) => {
    const level = reply.statusCode >= 500 ? 'error' : 'info';
    request.log[level]({ method: request.method, url: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime), user: request.actor?.username }, 'request');
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        // same-origin frames only: the document page previews PDFs in an iframe
        frameAncestors: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  // Uploads are streamed; the limit per file is enforced again by the files service itself.
  await app.register(multipart, { limits: { fileSize: (deps.filesMaxBytes ?? 50 * 1024 * 1024) + 1, files: 1, fields: 10, parts: 11 } });
  await registerOpenApi(app);
  registerMetrics(app, { token: deps.metricsToken });
  await app.register(authPlugin, { db: deps.database.db, settings: deps.auth });

  const db = deps.database.db;
  await app.register(async (api) => {
    healthRoutes(api, { database: deps.database });
    authRoutes(api, { db, settings: deps.auth, loginRateLimit: deps.loginRateLimit ?? 20 });
    orgRoutes(api, { db });
    calendarRoutes(api, { db });
    auditRoutes(api, { db });
    fileRoutes(api, { db, store: deps.blobStore, maxBytes: deps.filesMaxBytes ?? 50 * 1024 * 1024 });
    const keys = new SigningKeys(new CertificateSealer(deps.auth.secret), deps.remoteSigningServices ?? []);
    documentRoutes(api, { db, store: deps.blobStore, keys });
    signingRoutes(api, { db, keys, maxBytes: deps.filesMaxBytes ?? 50 * 1024 * 1024 });
    taskRoutes(api, { db, store: deps.blobStore, mail: deps.mail });
    notificationRoutes(api, { db });
    meetingRoutes(api, { db, store: deps.blobStore, jitsi: deps.jitsi ?? { baseUrl: 'https://meet.jit.si' } });
    taskReportRoutes(api, { db });
    scheduleRoutes(api, { db, publicUrl: deps.publicUrl });
    delegationRoutes(api, { db });
    meetingStatsRoutes(api, { db });
    // mail: e-mails to applicants; authSecret: the payment callbacks' secrets are derived from it
    const oneStop = { db, store: deps.blobStore, publicUrl: deps.publicUrl, mail: deps.mail, authSecret: deps.auth.secret, nationalSyncDir: deps.nationalSyncDir };
    procedureRoutes(api, oneStop);
    dossierRoutes(api, oneStop);
    dossierFormRoutes(api, oneStop);
    dossierPublicRoutes(api, oneStop);
    dossierStatsRoutes(api, oneStop);
    statsRoutes(api, { db });
    exchangeRoutes(api, { db, store: deps.blobStore, maxBytes: deps.filesMaxBytes ?? 50 * 1024 * 1024, peerSealer: new CertificateSealer(deps.auth.secret, EXCHANGE_TOKEN_PURPOSE), keys });
  });

  const webDir = deps.webDir;
  const hasWeb = Boolean(webDir && existsSync(webDir));
  if (hasWeb) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: webDir!, wildcard: true, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && request.headers.accept?.includes('text/html');
    if (isPage) {
      // The web app routes on the client: every page URL serves the same index.html.
      if (hasWeb && existsSync(path.join(webDir!, 'index.html'))) return reply.type('text/html; charset=utf-8').sendFile('index.html');
      return reply
        .code(503)
        .type('text/html; charset=utf-8')
        .send('<!doctype html><meta charset="utf-8"><title>Văn phòng số</title><p>Giao diện web chưa được build. Chạy <code>npm run build</code> (hoặc <code>npm start</code>) rồi tải lại trang. API vẫn hoạt động tại <a href="/api/docs">/api/docs</a>.</p>');
    }
    return sendProblem(reply, request, problemOf('NOT_FOUND', `Không có đường dẫn ${request.method} ${request.url.split('?')[0]}`));
  });
  return app;
}
