import { and, eq, isNull } from 'drizzle-orm';
import { extractPendingContent } from './modules/documents/content-text.js';
import { deliverOutbox, enqueueIssuedDocuments, enqueueRecalls, EXCHANGE_TOKEN_PURPOSE, httpSender, reportReceivedProgress, type ExchangeSender } from './modules/exchange/index.js';
import { CertificateSealer, SigningKeys } from './modules/signing/index.js';
import { tenants } from './modules/org/tables.js';
import { createDueRecurrences, drainTaskStats, runTaskReminders } from './modules/tasks/index.js';
import { drainStats, takeServiceIndexSnapshots } from './modules/stats/index.js';
import { serviceIndexSnapshots } from './modules/stats/tables.js';
import { vietnamDate } from './platform/calendar/date-only.js';
import { deliverEmails, smtpSender, type EmailSender } from './platform/notify/index.js';
import { sealAuditDays } from './platform/audit/service.js';
import { deleteExpiredSessions } from './platform/auth/repo.js';
import type { BlobStore } from './platform/files/blob-store.js';
import { sweepOrphanBlobs } from './platform/files/service.js';
import type { JobDefinition } from './platform/jobs/scheduler.js';

/** The month (YYYY-MM) before the one of a day. */
export const previousMonth = (day: string): string => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/** The scheduled jobs of the whole app; each calls a service and is safe to run twice. */
export const createJobs = (deps: {
  blobStore: BlobStore;
  secret: string;
  send?: ExchangeSender;
  /** SMTP (config.smtp): without it notices stay in-app and no e-mail job runs */
  smtp?: { url: string; from: string } | undefined;
  /** a sender other than SMTP (tests) */
  emailSender?: EmailSender;
  publicUrl?: string | undefined;
  /** config.taskEscalateAfterDays */
  taskEscalateAfterDays?: number;
}): JobDefinition[] => {
  const exchangeKeys = { peers: new CertificateSealer(deps.secret, EXCHANGE_TOKEN_PURPOSE), signing: new SigningKeys(new CertificateSealer(deps.secret)) };
  const emailSender = deps.emailSender ?? (deps.smtp ? smtpSender(deps.smtp) : undefined);
  const mail = { email: Boolean(emailSender), publicUrl: deps.publicUrl };
  const emailJobs: JobDefinition[] = emailSender
    ? [
        {
          name: 'notify.email',
          version: 1,
          everyMs: 60_000,
          async run(db, now) {
            const { sent, retried, failed } = await deliverEmails(db, emailSender, now, 50);
            return sent + retried + failed > 0 ? `e-mail: sent ${sent}, to retry ${retried}, given up ${failed}` : undefined;
          },
        },
      ]
    : [];
  return [
    ...emailJobs,
    {
      name: 'tasks.reminders',
      version: 1,
      everyMs: 15 * 60_000,
      async run(db, now) {
        const r = await runTaskReminders(db, now, { escalateAfterDays: deps.taskEscalateAfterDays ?? 3, ...mail });
        const periods = await createDueRecurrences(db, now, mail);
        return r.dueSoon + r.overdue + r.escalated + periods > 0 ? `tasks: reminded ${r.dueSoon} due soon, ${r.overdue} overdue, escalated ${r.escalated}; next periods ${periods}` : undefined;
      },
    },
    {
      name: 'audit.seal-days',
      version: 1,
      everyMs: 15 * 60_000,
      async run(db, now) {
        let sealed = 0;
        for (const t of await db.select({ id: tenants.id }).from(tenants)) sealed += await sealAuditDays(db, t.id, now);
        return sealed > 0 ? `sealed ${sealed} audit day(s)` : undefined;
      },
    },
    {
      name: 'auth.delete-old-sessions',
      version: 1,
      everyMs: 60 * 60_000,
      async run(db, now) {
        // Kept 30 days after expiry or revocation for investigations, then removed.
        const n = await deleteExpiredSessions(db, new Date(now.getTime() - 30 * 86_400_000));
        return n > 0 ? `deleted ${n} old session(s)` : undefined;
      },
    },
    {
      name: 'files.sweep-orphans',
      version: 1,
      everyMs: 6 * 60 * 60_000,
      async run(db, now) {
        const { blobs, temps } = await sweepOrphanBlobs(db, deps.blobStore, now);
        return blobs + temps > 0 ? `removed ${blobs} orphan blob(s), ${temps} stale upload(s)` : undefined;
      },
    },
    {
      // the scoreboard's rollup; a reader also applies what is pending before it counts
      name: 'stats.tasks',
      version: 1,
      everyMs: 10_000,
      async run(db) {
        const n = await drainTaskStats(db);
        return n > 0 ? `applied ${n} task change(s) to the scoreboard` : undefined;
      },
    },
    {
      // the dashboard's rollups of dossiers and documents; a reader also applies what is pending before it counts
      name: 'stats.rollups',
      version: 1,
      everyMs: 10_000,
      async run(db) {
        const n = await drainStats(db);
        return n > 0 ? `applied ${n} change(s) to the dashboard's figures` : undefined;
      },
    },
    {
      // the service index of each finished month, kept for the trend (once the month is over; again if missing)
      name: 'stats.index-snapshots',
      version: 1,
      everyMs: 6 * 60 * 60_000,
      async run(db, now) {
        const month = previousMonth(vietnamDate(now));
        let n = 0;
        for (const t of await db.select({ id: tenants.id }).from(tenants)) {
          const [done] = await db.select({ month: serviceIndexSnapshots.month }).from(serviceIndexSnapshots).where(and(eq(serviceIndexSnapshots.tenantId, t.id), eq(serviceIndexSnapshots.month, month), isNull(serviceIndexSnapshots.agencyId)));
          if (!done) n += await takeServiceIndexSnapshots(db, t.id, month, now);
        }
        return n > 0 ? `recorded ${n} service index snapshot(s) of ${month}` : undefined;
      },
    },
    {
      name: 'documents.extract-text',
      version: 1,
      everyMs: 30_000,
      async run(db) {
        const n = await extractPendingContent(db, deps.blobStore, 50);
        return n > 0 ? `extracted the text of ${n} document(s)` : undefined;
      },
    },
    {
      name: 'exchange.outbox',
      version: 1,
      everyMs: 15_000,
      async run(db, now) {
        // what became ready to send, then everything due (new messages and retries)
        const queued = await enqueueIssuedDocuments(db, deps.blobStore, now);
        const reported = (await reportReceivedProgress(db, deps.blobStore, now)) + (await enqueueRecalls(db, deps.blobStore, now));
        const { sent, failed } = await deliverOutbox(db, deps.blobStore, exchangeKeys, deps.send ?? httpSender, now);
        return queued + reported + sent + failed > 0 ? `exchange: queued ${queued} document(s) and ${reported} status(es), sent ${sent}, failed ${failed}` : undefined;
      },
    },
  ];
};
