import { bigint, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../db/columns.js';
import { tenants, users } from '../../modules/org/tables.js';

/**
 * One row per stored upload. The bytes live in the blob store under their SHA-256 (content-addressed):
 * two uploads of the same file share one blob. The row is written only after the bytes are stored.
 */
export const files = pgTable(
  'files',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    // detected from the content, never taken from the client
    mime: text('mime').notNull(),
    name: text('name').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('files_sha_idx').on(t.sha256), index('files_tenant_idx').on(t.tenantId, t.createdAt)],
);
