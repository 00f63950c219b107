import { and, asc, count, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { users } from '../../modules/org/tables.js';
import { emailOutbox, notifications } from './tables.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type EmailRow = typeof emailOutbox.$inferSelect;

/** The active people among `ids` in the tenant, with their e-mail address (if any). */
export async function findRecipients(tx: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: users.id, fullName: users.fullName, email: users.email })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), inArray(users.id, ids), eq(users.active, true)))
    .orderBy(asc(users.id));
}

/** Rows already there (same person and dedupe key) are left as they are: a job that runs twice notifies once. */
export async function insertNotifications(tx: Db, rows: (typeof notifications.$inferInsert)[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await tx.insert(notifications).values(rows).onConflictDoNothing().returning({ id: notifications.id });
  return inserted.length;
}

export async function insertEmails(tx: Db, rows: (typeof emailOutbox.$inferInsert)[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await tx.insert(emailOutbox).values(rows).onConflictDoNothing().returning({ id: emailOutbox.id });
  return inserted.length;
}

const mine = (tenantId: string, userId: string) => and(eq(notifications.tenantId, tenantId), eq(notifications.userId, userId));

export async function findNotifications(db: Db, tenantId: string, userId: string, f: { unreadOnly: boolean; limit: number; offset: number }) {
  const where = and(mine(tenantId, userId), f.unreadOnly ? isNull(notifications.readAt) : undefined);
  const [items, [total], [unread]] = await Promise.all([
    db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(notifications).where(where),
    db.select({ n: count() }).from(notifications).where(and(mine(tenantId, userId), isNull(notifications.readAt))),
  ]);
  return { items, total: total?.n ?? 0, unread: unread?.n ?? 0 };
}

/** Marks one of the person's notifications read (kept read if it already was); null when it is not theirs. */
export async function markRead(db: Db, tenantId: string, userId: string, id: string, at: Date): Promise<NotificationRow | null> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(mine(tenantId, userId), eq(notifications.id, id)))
    .returning();
  return row ?? null;
}

export async function markAllRead(db: Db, tenantId: string, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(mine(tenantId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/**
 * Due e-mails, locked: another worker (instance) skips them and takes the next ones (DESIGN.md "Scale").
 * Across all tenants: the outbox is the platform's, not a tenant's view.
 */
export async function lockDueEmails(tx: Db, now: Date, limit: number): Promise<EmailRow[]> {
  return tx
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.state, 'pending'), lte(emailOutbox.nextAttemptAt, now)))
    .orderBy(asc(emailOutbox.nextAttemptAt), asc(emailOutbox.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function updateEmail(tx: Db, id: string, values: Partial<typeof emailOutbox.$inferInsert>) {
  await tx.update(emailOutbox).set(values).where(eq(emailOutbox.id, id));
}
