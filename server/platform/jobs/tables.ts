import { bigint, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../../db/columns.js';

/** Last run of each scheduled job, shared by every app instance. */
export const jobRuns = pgTable('job_runs', {
  name: text('name').primaryKey(),
  lastStartedAt: instant('last_started_at'),
  lastFinishedAt: instant('last_finished_at'),
  lastError: text('last_error'),
  runs: integer('runs').notNull().default(0),
});

/**
 * The transactional outbox of changes other parts keep projections of (DESIGN.md rule 7): a database trigger on the
 * source table writes a row in the changing transaction, so no code path can forget it; a consumer drains the rows
 * and refreshes its projection (statistics rollups) from the entity's current state, so delivering twice is harmless.
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: uuid('tenant_id').notNull(),
    /** what changed: 'task', 'dossier', … — one consumer each */
    topic: text('topic').notNull(),
    entityId: uuid('entity_id').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('outbox_events_topic_idx').on(t.topic, t.id)],
);
