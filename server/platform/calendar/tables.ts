import { date, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../db/columns.js';
import { tenants } from '../../modules/org/tables.js';

/** The government's yearly decisions (extra days off, make-up working Saturdays) are data, not code. */
export const calendarOverrides = pgTable(
  'calendar_overrides',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: ['day_off', 'working_day'] }).notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('calendar_overrides_day_uq').on(t.tenantId, t.date)],
);
