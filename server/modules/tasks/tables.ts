import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, updatedAt } from '../../db/columns.js';
import { files } from '../../platform/files/tables.js';
import { documents } from '../documents/tables.js';
import { delegations, meetings } from '../meetings/tables.js';
import { agencies, tenants, users } from '../org/tables.js';

export const TASK_STATES = ['assigned', 'accepted', 'in_progress', 'reported_done', 'confirmed_done'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_SOURCE_KINDS = ['document', 'meeting', 'instruction', 'delegation'] as const;
export type TaskSourceKind = (typeof TASK_SOURCE_KINDS)[number];

/** A periodic report task: each period's task is made when the previous one is given (one open at a time). */
export const TASK_RECURRENCES = ['monthly', 'quarterly', 'yearly'] as const;
export type TaskRecurrence = (typeof TASK_RECURRENCES)[number];

export const TASK_PRIORITIES = ['normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** Nhiệm vụ: one primary responsible agency ("rõ người, rõ việc, rõ trách nhiệm"), a deadline, a life cycle. */
export const tasks = pgTable(
  'tasks',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    content: text('content').notNull(),
    expectedResult: text('expected_result'),
    sourceKind: text('source_kind', { enum: TASK_SOURCE_KINDS }).notNull(),
    /** a directive document (incoming or outgoing) of the documents module */
    sourceDocumentId: uuid('source_document_id').references(() => documents.id),
    /** the document's number and subject as seen when assigned, the meeting's conclusion, or the instruction */
    sourceReference: text('source_reference').notNull(),
    /** the meeting whose conclusion gave the task (source kind meeting) */
    sourceMeetingId: uuid('source_meeting_id').references(() => meetings.id),
    /** the delegation whose visit gave the task (source kind delegation) */
    sourceDelegationId: uuid('source_delegation_id').references(() => delegations.id),
    /** periodic reports: every period gets its own task of the same series */
    recurrence: text('recurrence', { enum: TASK_RECURRENCES }),
    /** the series' first task (itself for the first one); null for a one-off task */
    seriesId: uuid('series_id'),
    /** the period this task of a series covers, e.g. "Tháng 12/2026", "Quý IV/2026" */
    periodLabel: text('period_label'),
    /** the series ends after this day (no further periods are made) */
    recurrenceUntil: date('recurrence_until', { mode: 'string' }),
    priority: text('priority', { enum: TASK_PRIORITIES }).notNull(),
    assignedBy: uuid('assigned_by').notNull().references(() => users.id),
    assignedByName: text('assigned_by_name').notNull(),
    assignerAgencyId: uuid('assigner_agency_id').notNull().references(() => agencies.id),
    primaryAgencyId: uuid('primary_agency_id').notNull().references(() => agencies.id),
    primaryUserId: uuid('primary_user_id').references(() => users.id),
    state: text('state', { enum: TASK_STATES }).notNull(),
    assignedOn: date('assigned_on', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** the deadline first given; `deadline` moves only by an approved extension */
    originalDeadline: date('original_deadline', { mode: 'string' }).notNull(),
    /** set when the deadline was given as N working days from assignment */
    deadlineWorkingDays: integer('deadline_working_days'),
    progress: integer('progress').notNull().default(0),
    /** the day the assignee reported it done (Vietnam time); cleared when the assigner returns it */
    reportedOn: date('reported_on', { mode: 'string' }),
    /** the day of the report the assigner confirmed: on time or late is judged by this day */
    completedOn: date('completed_on', { mode: 'string' }),
    /** urging (đôn đốc): how many times, the last time, and when it was escalated to the agency's head */
    urgeCount: integer('urge_count').notNull().default(0),
    lastUrgedAt: instant('last_urged_at'),
    escalatedAt: instant('escalated_at'),
    searchText: text('search_text').generatedAlwaysAs(sql`f_unaccent(content || ' ' || coalesce(expected_result, '') || ' ' || source_reference)`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('tasks_progress_range', sql`progress between 0 and 100`),
    index('tasks_primary_agency_idx').on(t.tenantId, t.primaryAgencyId, t.deadline),
    index('tasks_primary_user_idx').on(t.tenantId, t.primaryUserId),
    index('tasks_assigned_by_idx').on(t.tenantId, t.assignedBy, t.deadline),
    index('tasks_deadline_idx').on(t.tenantId, t.state, t.deadline),
    // the scoreboard reads a year's tasks from this index alone: the period, the agency and what the status needs
    index('tasks_scoreboard_idx').on(t.tenantId, t.assignedOn, t.primaryAgencyId, t.state, t.deadline, t.completedOn, t.reportedOn),
    index('tasks_meeting_idx').on(t.tenantId, t.sourceMeetingId).where(sql`source_meeting_id is not null`),
    index('tasks_delegation_idx').on(t.tenantId, t.sourceDelegationId).where(sql`source_delegation_id is not null`),
    uniqueIndex('tasks_series_period_uq').on(t.tenantId, t.seriesId, t.deadline).where(sql`series_id is not null`),
  ],
);

/** Coordinating agencies (phối hợp): read the task and add notes, never report it done. */
export const taskCoordinators = pgTable(
  'task_coordinators',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    taskId: uuid('task_id').notNull().references(() => tasks.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.taskId, t.agencyId] }), index('task_coordinators_agency_idx').on(t.tenantId, t.agencyId)],
);

/** Progress reports (percent and text) by the assignee, notes by coordinators, and the report of done. */
export const taskReports = pgTable(
  'task_reports',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    taskId: uuid('task_id').notNull().references(() => tasks.id),
    kind: text('kind', { enum: ['progress', 'note', 'done'] }).notNull(),
    percent: integer('percent'),
    note: text('note').notNull(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    actorId: uuid('actor_id').notNull().references(() => users.id),
    actorName: text('actor_name').notNull(),
    at: instant('at').notNull().defaultNow(),
  },
  (t) => [index('task_reports_task_idx').on(t.taskId, t.at)],
);

export const taskReportFiles = pgTable(
  'task_report_files',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    reportId: uuid('report_id').notNull().references(() => taskReports.id),
    fileId: uuid('file_id').notNull().references(() => files.id),
  },
  // a file belongs to one report only
  (t) => [primaryKey({ columns: [t.tenantId, t.reportId, t.fileId] }), uniqueIndex('task_report_files_file_uq').on(t.tenantId, t.fileId)],
);

export const EXTENSION_STATUSES = ['pending', 'approved', 'refused'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

/** Requests to move the deadline: asked by the assignee, decided by the assigner, one open at a time. */
export const taskExtensions = pgTable(
  'task_extensions',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    taskId: uuid('task_id').notNull().references(() => tasks.id),
    fromDeadline: date('from_deadline', { mode: 'string' }).notNull(),
    requestedDeadline: date('requested_deadline', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    requestedBy: uuid('requested_by').notNull().references(() => users.id),
    requestedByName: text('requested_by_name').notNull(),
    requestedAt: instant('requested_at').notNull().defaultNow(),
    status: text('status', { enum: EXTENSION_STATUSES }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedByName: text('decided_by_name'),
    decisionNote: text('decision_note'),
    decidedAt: instant('decided_at'),
  },
  (t) => [
    index('task_extensions_task_idx').on(t.taskId, t.requestedAt),
    uniqueIndex('task_extensions_open_uq').on(t.tenantId, t.taskId).where(sql`status = 'pending'`),
  ],
);

/** The task's timeline: who did what, when, with what note. */
export const taskEvents = pgTable(
  'task_events',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    taskId: uuid('task_id').notNull().references(() => tasks.id),
    actorId: uuid('actor_id').references(() => users.id),
    actorName: text('actor_name'),
    kind: text('kind').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    note: text('note'),
    data: jsonb('data'),
    at: instant('at').notNull().defaultNow(),
  },
  (t) => [index('task_events_task_idx').on(t.taskId, t.at)],
);

export const REMINDER_KINDS = ['due_soon', 'overdue', 'escalated'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** The automatic reminders already sent: once per task, kind and deadline (a new deadline reminds again). */
export const taskReminders = pgTable(
  'task_reminders',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    taskId: uuid('task_id').notNull().references(() => tasks.id),
    kind: text('kind', { enum: REMINDER_KINDS }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    at: instant('at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.taskId, t.kind, t.deadline] })],
);

/**
 * How a task counts on the scoreboard, as far as it does not depend on the day asked about: a confirmed task with its
 * completion day and a reported one are settled; a confirmed task without a day and an open one keep their deadline,
 * compared with the day asked about when the scoreboard is read.
 */
export const TASK_STAT_KINDS = ['done_on_time', 'done_late', 'confirmed_undated', 'reported_late', 'reported', 'open'] as const;
export type TaskStatKind = (typeof TASK_STAT_KINDS)[number];

/** Each task's last counted contribution to task_stat_counts: what the next change of the task subtracts. */
export const taskStatFacts = pgTable('task_stat_facts', {
  taskId: uuid('task_id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  agencyId: uuid('agency_id').notNull(),
  assignedOn: date('assigned_on', { mode: 'string' }).notNull(),
  kind: text('kind', { enum: TASK_STAT_KINDS }).notNull(),
  /** only for the kinds still compared with a day; null for settled ones, so they fold into one row */
  deadline: date('deadline', { mode: 'string' }),
});

/**
 * The scoreboard's rollup (issue 5, issue 7 item 6): tasks counted per agency, day of assignment, kind and (for the
 * unsettled kinds) deadline, kept current from the outbox. A year's scoreboard sums these rows instead of the tasks.
 */
export const taskStatCounts = pgTable(
  'task_stat_counts',
  {
    tenantId: uuid('tenant_id').notNull(),
    assignedOn: date('assigned_on', { mode: 'string' }).notNull(),
    agencyId: uuid('agency_id').notNull(),
    kind: text('kind', { enum: TASK_STAT_KINDS }).notNull(),
    deadline: date('deadline', { mode: 'string' }),
    n: integer('n').notNull(),
  },
  (t) => [unique('task_stat_counts_key').on(t.tenantId, t.assignedOn, t.agencyId, t.kind, t.deadline).nullsNotDistinct()],
);
