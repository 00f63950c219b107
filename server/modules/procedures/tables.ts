import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, updatedAt } from '../../db/columns.js';
import { files } from '../../platform/files/tables.js';
import { agencies, tenants, users } from '../org/tables.js';

/** Cấp thực hiện: the province (its departments) or the commune level (every commune, ward, special zone). */
export const PROCEDURE_LEVELS = ['province', 'commune'] as const;
export type ProcedureLevel = (typeof PROCEDURE_LEVELS)[number];

/** Đơn vị tính of the time limit (DonViTinh of the national database). */
export const TIME_UNITS = ['working_days', 'working_hours', 'days', 'months'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

/** Dịch vụ công trực tuyến (Decree 42/2022): the whole process online, part of it, or none. */
export const ONLINE_SERVICE_KINDS = ['full', 'partial', 'none'] as const;
export type OnlineServiceKind = (typeof ONLINE_SERVICE_KINDS)[number];

/** Đối tượng thực hiện. */
export const PROCEDURE_SUBJECTS = ['citizen', 'business', 'organization'] as const;
export type ProcedureSubject = (typeof PROCEDURE_SUBJECTS)[number];

/** Phí (fee) or lệ phí (charge), with the amount in đồng (0 = free for this case). */
export interface ProcedureFee {
  kind: 'fee' | 'charge';
  name: string;
  amount: number;
  note?: string;
}

/** Thủ tục hành chính of the province's catalog (the national database's record, as the province publishes it). */
export const procedures = pgTable(
  'procedures',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    /** the national code, e.g. 1.012994 or 2.001218.000.00.00.H38 */
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** lĩnh vực, e.g. "Hộ tịch", "Đất đai" */
    field: text('field').notNull(),
    level: text('level', { enum: PROCEDURE_LEVELS }).notNull(),
    /** cơ quan có thẩm quyền: a department for province-level procedures; null at commune level (each commune) */
    competentAgencyId: uuid('competent_agency_id').references(() => agencies.id),
    /** the competent agency as published ("Sở Tư pháp", "UBND cấp xã") */
    competentAgencyName: text('competent_agency_name').notNull(),
    /** cơ quan/bộ phận tiếp nhận as published ("Trung tâm Phục vụ hành chính công tỉnh") */
    receivingAgencyName: text('receiving_agency_name').notNull(),
    /** the time limit as published, in its unit */
    timeLimit: numeric('time_limit', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    timeUnit: text('time_unit', { enum: TIME_UNITS }).notNull(),
    /** trình tự thực hiện (text as published) */
    sequence: text('sequence').notNull().default(''),
    /** cách thức thực hiện */
    method: text('method').notNull().default(''),
    subjects: jsonb('subjects').$type<ProcedureSubject[]>().notNull().default(['citizen']),
    fees: jsonb('fees').$type<ProcedureFee[]>().notNull().default([]),
    /** kết quả thực hiện, e.g. "Giấy chứng nhận đăng ký hộ kinh doanh" */
    result: text('result').notNull(),
    resultPaper: boolean('result_paper').notNull().default(true),
    resultElectronic: boolean('result_electronic').notNull().default(false),
    /** căn cứ pháp lý */
    legalBasis: text('legal_basis').notNull().default(''),
    /** the day the legal basis takes effect (indicator 1.1 counts publication against it) */
    legalEffectiveDate: date('legal_effective_date', { mode: 'string' }),
    /** yêu cầu, điều kiện thực hiện */
    requirements: text('requirements').notNull().default(''),
    onlineService: text('online_service', { enum: ONLINE_SERVICE_KINDS }).notNull().default('none'),
    /** the publication decision (quyết định công bố), its number and date */
    publicationDecision: text('publication_decision'),
    publicationDecisionDate: date('publication_decision_date', { mode: 'string' }),
    /** the day it was made public on the portal (công khai) */
    publishedOn: date('published_on', { mode: 'string' }),
    /** a procedure that is abolished stays for the dossiers that name it, hidden from the catalog */
    active: boolean('active').notNull().default(true),
    searchText: text('search_text').generatedAlwaysAs(sql`f_unaccent(code || ' ' || name || ' ' || field)`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('procedures_code_uq').on(t.tenantId, t.code),
    index('procedures_catalog_idx').on(t.tenantId, t.level, t.field),
    index('procedures_agency_idx').on(t.tenantId, t.competentAgencyId),
    check('procedures_time_limit_positive', sql`time_limit > 0`),
  ],
);

export const COMPONENT_FORMS = ['original', 'copy', 'certified_copy', 'original_or_copy'] as const;
export type ComponentForm = (typeof COMPONENT_FORMS)[number];

/** Thành phần hồ sơ: what the applicant brings, in the published order. */
export const procedureComponents = pgTable(
  'procedure_components',
  {
    id: id(),
    procedureId: uuid('procedure_id').notNull().references(() => procedures.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    form: text('form', { enum: COMPONENT_FORMS }).notNull().default('original'),
    copies: integer('copies').notNull().default(1),
    required: boolean('required').notNull().default(true),
    /** the form to fill in (mẫu đơn, tờ khai), downloadable from the public catalog */
    templateFileId: uuid('template_file_id').references(() => files.id),
    templateName: text('template_name'),
  },
  (t) => [uniqueIndex('procedure_components_position_uq').on(t.procedureId, t.position)],
);

/**
 * Who does a step of the internal process (quy trình nội bộ): the Center receives and returns, the competent
 * agency's leader assigns, its handler examines, the unit head reviews, the agency leader signs, the clerk issues.
 */
export const STEP_ROLES = ['reception', 'assignment', 'handling', 'review', 'approval', 'issuance', 'return'] as const;
export type StepRole = (typeof STEP_ROLES)[number];

/** One step of the internal process with its budget in working hours (8 h = 1 working day). */
export const procedureSteps = pgTable(
  'procedure_steps',
  {
    id: id(),
    procedureId: uuid('procedure_id').notNull().references(() => procedures.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: STEP_ROLES }).notNull(),
    budgetHours: numeric('budget_hours', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    /** the return step is outside the clock ("không tính thời gian") */
    notCounted: boolean('not_counted').notNull().default(false),
  },
  (t) => [
    uniqueIndex('procedure_steps_position_uq').on(t.procedureId, t.position),
    check('procedure_steps_budget_nonnegative', sql`budget_hours >= 0`),
  ],
);

export const IMPORT_STATES = ['running', 'done', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/** A row of an import file that was not taken, with why. */
export interface RejectedRow {
  row: number;
  code?: string;
  reason: string;
}

/** One import of the catalog from Excel/CSV: progress for the bar, and the rows refused. */
export const procedureImports = pgTable(
  'procedure_imports',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    fileName: text('file_name').notNull(),
    state: text('state', { enum: IMPORT_STATES }).notNull().default('running'),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    rejected: jsonb('rejected').$type<RejectedRow[]>().notNull().default([]),
    error: text('error'),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: createdAt(),
    finishedAt: instant('finished_at'),
  },
  (t) => [index('procedure_imports_tenant_idx').on(t.tenantId, t.createdAt)],
);
