import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from '../../db/columns.js';

/** Last run of each scheduled job, shared by every app instance. */
export const jobRuns = pgTable('job_runs', {
  name: text('name').primaryKey(),
  lastStartedAt: instant('last_started_at'),
  lastFinishedAt: instant('last_finished_at'),
  lastError: text('last_error'),
  runs: integer('runs').notNull().default(0),
});
