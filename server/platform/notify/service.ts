import { newId } from '../../db/columns.js';
import type { Db } from '../../db/open.js';
import type { ServiceContext } from '../context.js';
import { DomainError } from '../http/errors.js';
import * as repo from './repo.js';

/** One message to some people of a tenant, in-app and (when e-mail is on) by e-mail. */
export interface Notice {
  tenantId: string;
  userIds: readonly string[];
  /** e.g. task.due_soon, task.overdue, task.urged, task.escalated */
  kind: string;
  title: string;
  body: string;
  /** the web path to open, e.g. /nhiem-vu/<id> */
  link: string | null;
  entityType: string | null;
  entityId: string | null;
  /** the same key notifies each person once, however often the caller runs */
  dedupeKey: string | null;
}

/** Whether e-mail is sent (SMTP configured) and the address people open the app at, for links in e-mails. */
export interface MailSettings {
  email: boolean;
  publicUrl?: string | undefined;
}

export const NO_EMAIL: MailSettings = { email: false };

/**
 * RFC 2606 keeps `.invalid` for names that can never resolve: the demo users' addresses end in it, so an
 * e-mail to them would only fail and retry forever.
 */
export const deliverable = (address: string | null): address is string => Boolean(address && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address) && !/\.invalid$/i.test(address.trim()));

/**
 * Writes the in-app notifications and the e-mails in the caller's transaction (DESIGN.md rule 7: the
 * outbox commits with the change that caused it; a job sends the e-mails). Inactive people get nothing.
 */
export async function notify(tx: Db, notice: Notice, mail: MailSettings = NO_EMAIL): Promise<{ notified: number; emails: number }> {
  const people = await repo.findRecipients(tx, notice.tenantId, [...new Set(notice.userIds)]);
  const notified = await repo.insertNotifications(
    tx,
    people.map((p) => ({
      id: newId(),
      tenantId: notice.tenantId,
      userId: p.id,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      link: notice.link,
      entityType: notice.entityType,
      entityId: notice.entityId,
      dedupeKey: notice.dedupeKey,
    })),
  );
  if (!mail.email) return { notified, emails: 0 };
  const url = notice.link && mail.publicUrl ? new URL(notice.link, mail.publicUrl).toString() : null;
  const text = [notice.body, url ? `Xem chi tiết: ${url}` : null, '—\nVăn phòng số (thư gửi tự động, vui lòng không trả lời).'].filter(Boolean).join('\n\n');
  const emails = await repo.insertEmails(
    tx,
    people
      .filter((p) => deliverable(p.email))
      .map((p) => ({
        id: newId(),
        tenantId: notice.tenantId,
        toAddress: p.email!.trim(),
        toName: p.fullName,
        subject: notice.title,
        text,
        // the outbox's key is per tenant, so the person is part of it
        dedupeKey: notice.dedupeKey ? `${notice.dedupeKey}:${p.id}` : null,
      })),
  );
  return { notified, emails };
}

/**
 * Queues one e-mail to someone without an account (a citizen who gave an address), in the caller's transaction;
 * nothing when e-mail is off or the address cannot be delivered. Returns whether it was queued.
 */
export async function queueEmail(
  tx: Db,
  email: { tenantId: string; to: string | null; toName?: string | null; subject: string; text: string; dedupeKey?: string | null },
  mail: MailSettings = NO_EMAIL,
): Promise<boolean> {
  if (!mail.email || !deliverable(email.to)) return false;
  const text = `${email.text}\n\n—\nVăn phòng số (thư gửi tự động, vui lòng không trả lời).`;
  const queued = await repo.insertEmails(tx, [{ id: newId(), tenantId: email.tenantId, toAddress: email.to.trim(), toName: email.toName ?? null, subject: email.subject, text, dedupeKey: email.dedupeKey ?? null }]);
  return queued > 0;
}

export interface OutgoingEmail {
  to: string;
  toName: string | null;
  subject: string;
  text: string;
}

/** Whatever carries the e-mail (SMTP in production, a recorder in tests); throws when it was not accepted. */
export interface EmailSender {
  send(mail: OutgoingEmail): Promise<void>;
}

/** After this many failed attempts an e-mail is given up (`failed`), its last error kept for the operator. */
export const EMAIL_MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 6 * 3600_000;

/** 1 min, 2, 4, … doubled after each failure, at most 6 h: a mail server down for a night is waited out. */
export const retryDelayMs = (attempts: number) => Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);

/**
 * Sends the e-mails due at `now` (at most `limit`), each locked so that several instances share the work.
 * Sent once accepted by the server; on failure tried again later with exponential backoff.
 */
export async function deliverEmails(db: Db, sender: EmailSender, now: Date, limit = 50): Promise<{ sent: number; retried: number; failed: number }> {
  return db.transaction(async (tx) => {
    const due = await repo.lockDueEmails(tx, now, limit);
    let sent = 0;
    let retried = 0;
    let failed = 0;
    for (const mail of due) {
      try {
        await sender.send({ to: mail.toAddress, toName: mail.toName, subject: mail.subject, text: mail.text });
        await repo.updateEmail(tx, mail.id, { state: 'sent', sentAt: now, attempts: mail.attempts + 1, lastError: null });
        sent += 1;
      } catch (err) {
        const attempts = mail.attempts + 1;
        const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
        const giveUp = attempts >= EMAIL_MAX_ATTEMPTS;
        await repo.updateEmail(tx, mail.id, { attempts, lastError, state: giveUp ? 'failed' : 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) });
        if (giveUp) failed += 1;
        else retried += 1;
      }
    }
    return { sent, retried, failed };
  });
}

function toNotificationResponse(n: repo.NotificationRow) {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    entityType: n.entityType,
    entityId: n.entityId,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}

/** The person's own notifications, newest first, with how many are unread. */
export async function listNotifications(ctx: ServiceContext, q: { unreadOnly: boolean; page: number; pageSize: number }) {
  const { items, total, unread } = await repo.findNotifications(ctx.db, ctx.actor.tenantId, ctx.actor.userId, { unreadOnly: q.unreadOnly, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: items.map(toNotificationResponse), total, unread };
}

export async function markNotificationRead(ctx: ServiceContext, id: string, now = new Date()) {
  const row = await repo.markRead(ctx.db, ctx.actor.tenantId, ctx.actor.userId, id, now);
  // someone else's notification answers like a missing one
  if (!row) throw new DomainError('NOT_FOUND', 'Không tìm thấy thông báo');
  return toNotificationResponse(row);
}

export async function markAllNotificationsRead(ctx: ServiceContext, now = new Date()) {
  return { updated: await repo.markAllRead(ctx.db, ctx.actor.tenantId, ctx.actor.userId, now) };
}
