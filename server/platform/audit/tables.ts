import { date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, instant } from '../../db/columns.js';
import { tenants } from '../../modules/org/tables.js';

/** Append-only: the application never updates or deletes these rows (rule 9 of DESIGN.md). */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    // position in this entity's chain; gaps reveal deletions
    seq: integer('seq').notNull(),
    summary: text('summary'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    createdAt: instant('created_at').notNull(),
    prevHash: text('prev_hash'),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_entity_seq_uq').on(t.tenantId, t.entityType, t.entityId, t.seq),
    index('audit_time_idx').on(t.tenantId, t.createdAt),
    index('audit_actor_idx').on(t.tenantId, t.actorId, t.createdAt),
  ],
);

/** One row per tenant and day: a hash over that day's entries, chained to the previous day's seal. */
export const auditSeals = pgTable(
  'audit_seals',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    day: date('day', { mode: 'string' }).notNull(),
    entryCount: integer('entry_count').notNull(),
    entriesHash: text('entries_hash').notNull(),
    prevSealHash: text('prev_seal_hash'),
    sealHash: text('seal_hash').notNull(),
    sealedAt: instant('sealed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day] })],
);
