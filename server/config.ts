import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every environment variable the server reads, with its default. README.md lists the same table. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DEMO_PASSWORD: z.string().min(8).optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  TRUST_PROXY: bool.default(false),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  SEED_DEMO: bool.optional(),
  SEED_DEMO_SIGNING: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JOBS: bool.default(true),
  AUTH_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  METRICS_TOKEN: z.string().min(16).optional(),
  FILES_MAX_MB: z.coerce.number().positive().max(2048).default(50),
  REMOTE_SIGNING_SERVICES: z.string().optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  SMTP_FROM: z.string().min(3).optional(),
  JITSI_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://meet.jit.si'),
  JITSI_APP_ID: z.string().min(1).optional(),
  JITSI_APP_SECRET: z.string().min(16).optional(),
  TASK_ESCALATE_AFTER_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  // read by server/modules/dossiers/settings.ts; checked here so that a wrong value stops the start-up
  DOSSIER_COUNTER_CUTOFF: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'giờ dạng HH:MM, ví dụ 15:00').optional(),
  DOSSIER_EARLY_RULE: z.enum(['working_day', 'instant']).optional(),
  NATIONAL_SYNC_DIR: z.string().min(1).optional(),
  // read by server/modules/stats/service-index/config.ts: more versions of the Decision 766 index configuration (JSON)
  SERVICE_INDEX_CONFIG_FILE: z.string().min(1).optional(),
});

/** REMOTE_SIGNING_SERVICES: a JSON list of the CSC remote-signing services users may keep keys at. */
const RemoteSigningServices = z
  .array(
    z.object({
      id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'id: chữ thường, số và dấu gạch ngang'),
      name: z.string().trim().min(1).max(100),
      url: z.url({ protocol: /^https?$/ }),
    }),
  )
  .refine((list) => new Set(list.map((s) => s.id)).size === list.length, 'mỗi dịch vụ một id riêng');

function parseRemoteSigningServices(raw: string | undefined): Config['remoteSigningServices'] {
  if (!raw?.trim()) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError('Cấu hình không hợp lệ:\n  REMOTE_SIGNING_SERVICES: không phải JSON, ví dụ [{"id":"vnpt-smartca","name":"VNPT SmartCA","url":"https://…/csc/v1"}]');
  }
  const parsed = RemoteSigningServices.safeParse(json);
  if (!parsed.success) throw new ConfigError(`Cấu hình không hợp lệ:\n${parsed.error.issues.map((i) => `  REMOTE_SIGNING_SERVICES ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  return parsed.data;
}

export type Config = {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demoPassword: string;
  demoPasswordFromEnv: boolean;
  sessionSecret: string | undefined;
  sessionTtlMs: number;
  trustProxy: boolean;
  loginMaxFailures: number;
  loginLockMs: number;
  seedDemo: boolean;
  /** a demonstration CA and certificates for the demo leaders and the Office (with the demo data) */
  seedDemoSigning: boolean;
  logLevel: string;
  jobs: boolean;
  authRateLimit: number;
  metricsToken: string | undefined;
  filesMaxBytes: number;
  /** remote-signing services (CSC API v1) users may keep signing keys at */
  remoteSigningServices: { id: string; name: string; url: string }[];
  /** the address people open the app at, for links in e-mails and the iCalendar feed */
  publicUrl: string | undefined;
  /** e-mail through SMTP (smtp:// or smtps://, credentials in the URL); none: in-app notifications only */
  smtp: { url: string; from: string } | undefined;
  /** online meetings: the Jitsi Meet deployment, and its JWT app id/secret when it requires tokens */
  jitsi: { baseUrl: string; appId: string | undefined; appSecret: string | undefined };
  /** working days a task may be overdue before its urging goes to the head of the responsible agency */
  taskEscalateAfterDays: number;
  /** where the file implementation of the national portal writes the dossiers it exports */
  nationalSyncDir: string;
};

/** The password demo users get when DEMO_PASSWORD is not set; production refuses to run with it. */
export const DEFAULT_DEMO_PASSWORD = 'VanPhongSo@2025';

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const config: Config = {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    demoPassword: e.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
    demoPasswordFromEnv: e.DEMO_PASSWORD !== undefined,
    sessionSecret: e.SESSION_SECRET,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    trustProxy: e.TRUST_PROXY,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMs: e.LOGIN_LOCK_MINUTES * 60_000,
    seedDemo: e.SEED_DEMO ?? e.NODE_ENV !== 'production',
    seedDemoSigning: (e.SEED_DEMO ?? e.NODE_ENV !== 'production') && (e.SEED_DEMO_SIGNING ?? true),
    logLevel: e.LOG_LEVEL,
    jobs: e.JOBS,
    authRateLimit: e.AUTH_RATE_LIMIT,
    metricsToken: e.METRICS_TOKEN,
    filesMaxBytes: Math.round(e.FILES_MAX_MB * 1024 * 1024),
    remoteSigningServices: parseRemoteSigningServices(e.REMOTE_SIGNING_SERVICES),
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM ?? 'Văn phòng số <no-reply@localhost>' } : undefined,
    jitsi: { baseUrl: e.JITSI_BASE_URL.replace(/\/+$/, ''), appId: e.JITSI_APP_ID, appSecret: e.JITSI_APP_SECRET },
    taskEscalateAfterDays: e.TASK_ESCALATE_AFTER_DAYS,
    nationalSyncDir: e.NATIONAL_SYNC_DIR ?? path.join(e.DATA_DIR, 'national-sync'),
  };
  if (Boolean(e.JITSI_APP_ID) !== Boolean(e.JITSI_APP_SECRET)) throw new ConfigError('Cấu hình không hợp lệ:\n  JITSI_APP_ID và JITSI_APP_SECRET phải đặt cùng nhau');
  assertSafeForProduction(config);
  return config;
}

/** Production never runs with a secret missing or a password anyone can read in this repository. */
export function assertSafeForProduction(config: Config): void {
  if (config.env !== 'production') return;
  const problems: string[] = [];
  if (!config.sessionSecret) problems.push('SESSION_SECRET (ít nhất 32 ký tự) chưa được đặt');
  if (config.seedDemo) problems.push('không được nạp dữ liệu mẫu (SEED_DEMO) ở chế độ production');
  for (const s of config.remoteSigningServices) {
    if (!s.url.startsWith('https://')) problems.push(`dịch vụ ký số từ xa ${s.id} phải dùng https://`);
  }
  if (config.smtp && !config.smtp.url.startsWith('smtps://') && !/[?&]requireTLS=true/.test(config.smtp.url) && !/@(127\.0\.0\.1|localhost)[:/]/.test(config.smtp.url)) {
    problems.push('SMTP_URL phải dùng smtps:// hoặc ?requireTLS=true (trừ máy chủ thư cục bộ)');
  }
  if (config.seedDemo && (!config.demoPasswordFromEnv || config.demoPassword === DEFAULT_DEMO_PASSWORD)) {
    problems.push('mật khẩu mẫu mặc định bị cấm ở chế độ production');
  }
  if (problems.length > 0) {
    throw new ConfigError(`Từ chối khởi động ở chế độ production:\n  ${problems.join('\n  ')}`);
  }
}
