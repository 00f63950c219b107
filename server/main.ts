import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { serviceIndexConfigs } from './modules/stats/service-index/index.js';
import { migrateDatabase, openDatabase } from './db/open.js';
import { createJobs } from './jobs.js';
import { DiskBlobStore } from './platform/files/blob-store.js';
import { startScheduler } from './platform/jobs/scheduler.js';
import { resolveSessionSecret } from './secret.js';
import { seedDemoSigning } from './seed/demo-signing.js';
import { assertNoDemoPasswords } from './startup-checks.js';
import { DEMO_USERS, seedDemo } from './seed/demo.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const config = loadConfig();
  // a wrong index configuration file stops the start, not the first index request
  serviceIndexConfigs(process.env);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.resolve(config.dataDir, 'pglite'),
  });
  await migrateDatabase(database);
  const seed = config.seedDemo ? await seedDemo(database.db, config.demoPassword) : null;

  if (config.env === 'production') await assertNoDemoPasswords(database.db);

  const blobStore = await new DiskBlobStore(path.resolve(config.dataDir, 'files')).init();
  const secret = resolveSessionSecret(config);
  const demoSigning = seed?.seeded && config.seedDemoSigning ? await seedDemoSigning(database.db, blobStore, secret, config.demoPassword) : false;
  const app = await buildApp({
    database,
    blobStore,
    filesMaxBytes: config.filesMaxBytes,
    auth: {
      secret,
      sessionTtlMs: config.sessionTtlMs,
      maxFailures: config.loginMaxFailures,
      lockMs: config.loginLockMs,
    },
    trustProxy: config.trustProxy,
    loginRateLimit: config.authRateLimit,
    metricsToken: config.metricsToken,
    remoteSigningServices: config.remoteSigningServices,
    jitsi: config.jitsi,
    publicUrl: config.publicUrl,
    mail: { email: Boolean(config.smtp), publicUrl: config.publicUrl },
    nationalSyncDir: config.nationalSyncDir,
    webDir: path.join(root, 'web', 'dist'),
    logger:
      config.env === 'development'
        ? { level: config.logLevel, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } }
        : { level: config.logLevel },
  });
  const scheduler = config.jobs ? startScheduler(database.db, createJobs({ blobStore, secret, smtp: config.smtp, publicUrl: config.publicUrl, taskEscalateAfterDays: config.taskEscalateAfterDays }), app.log) : null;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await scheduler?.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`;
  const lines = [
    '',
    `  Văn phòng số đang chạy tại ${url}`,
    `  Cơ sở dữ liệu: ${database.engine === 'pglite' ? `PGlite (nhúng) tại ${path.resolve(config.dataDir, 'pglite')}` : 'PostgreSQL'}`,
    `  Tài liệu API: ${url}/api/docs`,
  ];
  if (seed && config.env === 'development') {
    lines.push(seed.seeded ? '  Đã nạp dữ liệu mẫu tỉnh An Giang.' : '  Dữ liệu mẫu đã có từ lần chạy trước.');
    lines.push(`  Tài khoản mẫu (mật khẩu ${config.demoPasswordFromEnv ? 'đặt bởi DEMO_PASSWORD khi nạp lần đầu' : `"${config.demoPassword}"`}):`);
    for (const u of DEMO_USERS) lines.push(`    ${u.username.padEnd(14)} ${u.fullName}`);
    if (demoSigning) lines.push('  Ký số thử: chanhvanphong, lanhdao, truongphong và văn thư (con dấu của Văn phòng) đã có chứng thư số trình diễn, mật khẩu như trên.');
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
