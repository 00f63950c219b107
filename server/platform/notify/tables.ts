import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from '../../db/columns.js';
import { tenants, users } from '../../modules/org/tables.js';

/** In-app notifications: one row per person; `dedupeKey` makes a job that runs twice notify once. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    /** e.g. task.due_soon, task.overdue, task.urged, task.escalated, meeting.invited */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** the web path to open, e.g. /nhiem-vu/<id> */
    link: text('link'),
    entityType: text('entity_type'),
    entityId: uuid('entity_id'),
    dedupeKey: text('dedupe_key'),
    readAt: instant('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_idx').on(t.tenantId, t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.tenantId, t.userId).where(sql`read_at is null`),
    uniqueIndex('notifications_dedupe_uq').on(t.tenantId, t.userId, t.dedupeKey).where(sql`dedupe_key is not null`),
  ],
);

export const EMAIL_STATES = ['pending', 'sent', 'failed'] as const;
export type EmailState = (typeof EMAIL_STATES)[number];

/** E-mails written in the transaction that caused them and sent by a job through SMTP, with retries. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    toAddress: text('to_address').notNull(),
    toName: text('to_name'),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    /** the same e-mail is queued once (e.g. `task.overdue:<task>:<deadline>:<user>`) */
    dedupeKey: text('dedupe_key'),
    state: text('state', { enum: EMAIL_STATES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: instant('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('email_outbox_due_idx').on(t.nextAttemptAt).where(sql`state = 'pending'`),
    uniqueIndex('email_outbox_dedupe_uq').on(t.tenantId, t.dedupeKey).where(sql`dedupe_key is not null`),
  ],
);
