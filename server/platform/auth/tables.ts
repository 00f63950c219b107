import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from '../../db/columns.js';
import { tenants, users } from '../../modules/org/tables.js';

/** Secrets live apart from the user's identity so org queries never carry a password hash. */
export const credentials = pgTable('credentials', {
  userId: uuid('user_id').primaryKey().references(() => users.id),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  passwordHash: text('password_hash').notNull(),
  passwordChangedAt: instant('password_changed_at'),
  failedCount: integer('failed_count').notNull().default(0),
  lockedUntil: instant('locked_until'),
  lastLoginAt: instant('last_login_at'),
});

export const sessions = pgTable(
  'sessions',
  {
    // HMAC of the cookie value: a stolen table cannot be replayed as cookies.
    id: text('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
    revokedAt: instant('revoked_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: instant('last_used_at'),
    expiresAt: instant('expires_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);
