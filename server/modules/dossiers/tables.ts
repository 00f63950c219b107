import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, updatedAt } from '../../db/columns.js';
import { files } from '../../platform/files/tables.js';
import { agencies, tenants, users } from '../org/tables.js';
import { type ComponentForm, procedureComponents, procedures } from '../procedures/tables.js';

/**
 * TrangThaiHoSo of the national portal (domain file §2.4), kept as the same numbers so that a sync is a mapping:
 * 1 new (online, not yet received) · 2 received · 3 not received (refused) · 4 processing · 5 waiting for a
 * supplement · 6 waiting for a financial obligation · 7 withdrawn by the applicant · 8 stopped ·
 * 9 processed · 10 result returned.
 */
export const DOSSIER_STATUSES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** KenhThucHien: 1 in person, 2 online, 3 public postal service. */
export const DOSSIER_CHANNELS = [1, 2, 3] as const;
export type DossierChannel = (typeof DOSSIER_CHANNELS)[number];

export const APPLICANT_KINDS = ['person', 'business', 'organization'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

/** trước hạn / đúng hạn / quá hạn */
export const OUTCOMES = ['early', 'on_time', 'late'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Which set of forms a dossier's slips use: Circular 01/2018 before 1 July 2025, Circular 03/2025 from then. */
export const FORM_VERSIONS = ['2018', '2025'] as const;
export type FormVersion = (typeof FORM_VERSIONS)[number];

export const DELIVERY_METHODS = ['counter', 'post', 'online'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** DuocThanhToanTrucTuyen: 0 not online, 1 through the national payment platform, 2 through the provincial gateway. */
export const ONLINE_PAYMENT_FLAGS = [0, 1, 2] as const;

/** Hồ sơ thủ tục hành chính: its current state is here; its history is `dossier_events`. */
export const dossiers = pgTable(
  'dossiers',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    /** mã số hồ sơ, `<unit identifier>-YYMMDD-XXXX`; null while an online dossier waits to be received */
    code: text('code'),
    procedureId: uuid('procedure_id').notNull().references(() => procedures.id),
    /** the procedure's code and name when the dossier was received (the catalog may change later) */
    procedureCode: text('procedure_code').notNull(),
    procedureName: text('procedure_name').notNull(),
    channel: smallint('channel').$type<DossierChannel>().notNull(),
    status: smallint('status').$type<DossierStatus>().notNull(),
    formVersion: text('form_version', { enum: FORM_VERSIONS }).notNull().default('2025'),
    applicantKind: text('applicant_kind', { enum: APPLICANT_KINDS }).notNull(),
    /** the person, or the business/organization's name */
    applicantName: text('applicant_name').notNull(),
    /** the business's representative, when the applicant is not a person */
    applicantRepresentative: text('applicant_representative'),
    /** CCCD/ID number of a person, tax code of a business */
    applicantIdNumber: text('applicant_id_number').notNull(),
    applicantPhone: text('applicant_phone').notNull(),
    applicantEmail: text('applicant_email'),
    applicantAddress: text('applicant_address').notNull(),
    /** the applicant's account was verified with VNeID / the population database (indicator 4.5) */
    applicantVerified: boolean('applicant_verified').notNull().default(false),
    deliveryMethod: text('delivery_method', { enum: DELIVERY_METHODS }).notNull().default('counter'),
    /** where it was received: a location of the Center, or a commune's one-stop desk (any of the province's) */
    receivingAgencyId: uuid('receiving_agency_id').references(() => agencies.id),
    /** the counter (quầy) at that location */
    counter: text('counter'),
    receivedBy: uuid('received_by').references(() => users.id),
    /** the competent agency that resolves it (the procedure's department, or the commune chosen) */
    handlingAgencyId: uuid('handling_agency_id').notNull().references(() => agencies.id),
    /** NgayNopHoSo: when the applicant handed it in or submitted it online */
    submittedAt: instant('submitted_at').notNull(),
    /** NgayTiepNhan: when it was received complete (the dossier code is given then) */
    receivedAt: instant('received_at'),
    /** an online dossier must be received or answered within 8 working hours: this is that moment */
    receiveDueAt: instant('receive_due_at'),
    /** the instant the clock starts (after the 15:00 cut-off, the next working day's opening) */
    clockStartAt: instant('clock_start_at'),
    /** NgayHenTra: the appointment to return the result (moved only by an apology-and-extension letter) */
    appointmentAt: instant('appointment_at'),
    originalAppointmentAt: instant('original_appointment_at'),
    /** the step of the internal process it is at (position in procedure_steps), who has it, and until when */
    currentStep: integer('current_step'),
    currentAgencyId: uuid('current_agency_id').references(() => agencies.id),
    currentAssigneeId: uuid('current_assignee_id').references(() => users.id),
    currentStepStartedAt: instant('current_step_started_at'),
    currentStepDueAt: instant('current_step_due_at'),
    /** time the clock stood still waiting for supplements, in milliseconds, and since when it stands now */
    pausedMs: bigint('paused_ms', { mode: 'number' }).notNull().default(0),
    pausedSince: instant('paused_since'),
    supplementCount: integer('supplement_count').notNull().default(0),
    extensionCount: integer('extension_count').notNull().default(0),
    /** the agency whose delay the apology letter names */
    faultAgencyId: uuid('fault_agency_id').references(() => agencies.id),
    /** status 9: processing finished (the result is ready) */
    processedAt: instant('processed_at'),
    /** status 10: the result was handed to the applicant */
    returnedAt: instant('returned_at'),
    /** NgayKetThucXuLy: processed, else returned, else stopped/refused/withdrawn */
    endedAt: instant('ended_at'),
    outcome: text('outcome', { enum: OUTCOMES }),
    /** why it was refused (3), withdrawn (7) or stopped (8) */
    closingReason: text('closing_reason'),
    /** the result: its number/description, its file, electronic and digitized */
    resultSummary: text('result_summary'),
    resultFileId: uuid('result_file_id').references(() => files.id),
    resultElectronic: boolean('result_electronic').notNull().default(false),
    resultDigitized: boolean('result_digitized').notNull().default(false),
    /** fees and charges in đồng */
    feesDue: bigint('fees_due', { mode: 'number' }).notNull().default(0),
    feesPaid: bigint('fees_paid', { mode: 'number' }).notNull().default(0),
    paidOnline: smallint('paid_online').notNull().default(0),
    /** last export to the national portal */
    nationalSyncedAt: instant('national_synced_at'),
    version: integer('version').notNull().default(0),
    searchText: text('search_text').generatedAlwaysAs(sql`f_unaccent(coalesce(code, '') || ' ' || applicant_name || ' ' || procedure_name)`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('dossiers_code_uq').on(t.tenantId, t.code),
    index('dossiers_received_idx').on(t.tenantId, t.receivedAt),
    index('dossiers_location_idx').on(t.tenantId, t.receivingAgencyId, t.receivedAt),
    index('dossiers_assignee_open_idx').on(t.currentAssigneeId, t.currentStepDueAt).where(sql`ended_at is null`),
    index('dossiers_agency_open_idx').on(t.tenantId, t.currentAgencyId, t.currentStepDueAt).where(sql`ended_at is null`),
    // "due today" and "overdue" ask for the step's due time OR the appointment: a range on each, OR-ed in a bitmap
    index('dossiers_agency_appointment_idx').on(t.tenantId, t.currentAgencyId, t.appointmentAt).where(sql`ended_at is null`),
    index('dossiers_new_online_idx').on(t.tenantId, t.receiveDueAt).where(sql`status = 1`),
    index('dossiers_applicant_idx').on(t.tenantId, t.applicantIdNumber),
    index('dossiers_handling_idx').on(t.tenantId, t.handlingAgencyId, t.receivedAt),
    // statistics: dossiers ended in a period, and those still open at its end
    index('dossiers_ended_idx').on(t.tenantId, t.endedAt),
    // the desk's "waiting for a supplement" queue
    index('dossiers_desk_supplement_idx').on(t.tenantId, t.receivingAgencyId).where(sql`status = 5`),
    // processed dossiers have ended (the clock stopped) but still wait at the Center's return step
    index('dossiers_to_return_idx').on(t.tenantId, t.currentAgencyId, t.currentStepDueAt).where(sql`status = 9`),
    // the queues' accent-insensitive search at millions of rows
    index('dossiers_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

/** Thành phần hồ sơ as received: checked against the procedure's list, digitized at intake. */
export const dossierComponents = pgTable(
  'dossier_components',
  {
    id: id(),
    dossierId: uuid('dossier_id').notNull().references(() => dossiers.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    procedureComponentId: uuid('procedure_component_id').references(() => procedureComponents.id),
    name: text('name').notNull(),
    form: text('form').$type<ComponentForm>().notNull(),
    copies: integer('copies').notNull().default(1),
    /** the scanned or uploaded file */
    fileId: uuid('file_id').references(() => files.id),
    digitized: boolean('digitized').notNull().default(false),
    /** a digitized result of an earlier dossier of the same applicant, used instead of asking again */
    reusedFromDossierId: uuid('reused_from_dossier_id'),
    /** taken from the citizen's data store of the national portal (DuocLayTuKhoDMQG) */
    fromCitizenStore: boolean('from_citizen_store').notNull().default(false),
  },
  (t) => [uniqueIndex('dossier_components_position_uq').on(t.dossierId, t.position)],
);

/**
 * What happened to a dossier, in order: submitted, received, each hand-off between steps (giver, receiver,
 * the finished step's due time and early/on time/late), supplements, extension, payments, result, rating.
 * The control slip (phiếu kiểm soát) and the tracking ledger are projections of this log.
 */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    id: id(),
    dossierId: uuid('dossier_id').notNull().references(() => dossiers.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    at: instant('at').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    /** the person as seen then (a citizen has no account) */
    actorName: text('actor_name').notNull(),
    fromStatus: smallint('from_status'),
    toStatus: smallint('to_status'),
    /** the step this event ends or begins, and the agency and person it goes to */
    step: integer('step'),
    stepName: text('step_name'),
    agencyId: uuid('agency_id').references(() => agencies.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    dueAt: instant('due_at'),
    outcome: text('outcome', { enum: OUTCOMES }),
    note: text('note'),
    data: jsonb('data').$type<Record<string, unknown>>(),
  },
  (t) => [uniqueIndex('dossier_events_seq_uq').on(t.dossierId, t.seq)],
);

/** One request to supplement (yêu cầu bổ sung): the clock stands still from the request until it is completed. */
export const dossierSupplements = pgTable(
  'dossier_supplements',
  {
    id: id(),
    dossierId: uuid('dossier_id').notNull().references(() => dossiers.id, { onDelete: 'cascade' }),
    requestedAt: instant('requested_at').notNull(),
    requestedBy: uuid('requested_by').notNull().references(() => users.id),
    reason: text('reason').notNull(),
    /** what is missing or to be corrected, item by item */
    items: jsonb('items').$type<string[]>().notNull(),
    completedAt: instant('completed_at'),
    completedBy: uuid('completed_by').references(() => users.id),
    note: text('note'),
  },
  (t) => [index('dossier_supplements_dossier_idx').on(t.dossierId, t.requestedAt)],
);

/** Văn bản xin lỗi và đề nghị gia hạn (form 04 of 2025): sent before the appointment passes. */
export const dossierExtensions = pgTable(
  'dossier_extensions',
  {
    id: id(),
    dossierId: uuid('dossier_id').notNull().references(() => dossiers.id, { onDelete: 'cascade' }),
    issuedAt: instant('issued_at').notNull(),
    issuedBy: uuid('issued_by').notNull().references(() => users.id),
    reason: text('reason').notNull(),
    faultAgencyId: uuid('fault_agency_id').notNull().references(() => agencies.id),
    previousAppointmentAt: instant('previous_appointment_at').notNull(),
    newAppointmentAt: instant('new_appointment_at').notNull(),
  },
  (t) => [index('dossier_extensions_dossier_idx').on(t.dossierId)],
);

/** Slips given at the counter without a dossier being received: guidance to complete it (02), refusal (03). */
export const INTAKE_SLIP_KINDS = ['guidance', 'refusal'] as const;
export type IntakeSlipKind = (typeof INTAKE_SLIP_KINDS)[number];

export interface SlipApplicant {
  kind: ApplicantKind;
  name: string;
  idNumber?: string;
  phone?: string;
  email?: string;
  address?: string;
}

export const intakeSlips = pgTable(
  'dossier_intake_slips',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    kind: text('kind', { enum: INTAKE_SLIP_KINDS }).notNull(),
    procedureId: uuid('procedure_id').notNull().references(() => procedures.id),
    receivingAgencyId: uuid('receiving_agency_id').notNull().references(() => agencies.id),
    /** an online dossier answered with this slip */
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    applicant: jsonb('applicant').$type<SlipApplicant>().notNull(),
    /** items missing or to be corrected (guidance), or the reasons (refusal) */
    items: jsonb('items').$type<string[]>().notNull(),
    note: text('note'),
    issuedBy: uuid('issued_by').notNull().references(() => users.id),
    issuedAt: instant('issued_at').notNull(),
  },
  (t) => [index('dossier_intake_slips_tenant_idx').on(t.tenantId, t.issuedAt)],
);

/** The per-unit, per-day sequence of dossier codes (XXXX): gap-free under a row lock. */
export const dossierCodeCounters = pgTable(
  'dossier_code_counters',
  {
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    day: date('day', { mode: 'string' }).notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.day] })],
);

export const PAYMENT_CHANNELS = ['cash', 'national_platform', 'provincial_gateway'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];
export const PAYMENT_STATES = ['pending', 'paid', 'failed', 'cancelled'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

/** A fee or charge of a dossier and how it was paid. */
export const dossierPayments = pgTable(
  'dossier_payments',
  {
    id: id(),
    dossierId: uuid('dossier_id').notNull().references(() => dossiers.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['fee', 'charge'] }).notNull(),
    name: text('name').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    channel: text('channel', { enum: PAYMENT_CHANNELS }).notNull(),
    state: text('state', { enum: PAYMENT_STATES }).notNull().default('pending'),
    /** the payment provider's transaction reference */
    providerRef: text('provider_ref'),
    paidAt: instant('paid_at'),
    createdAt: createdAt(),
  },
  (t) => [index('dossier_payments_dossier_idx').on(t.dossierId), uniqueIndex('dossier_payments_ref_uq').on(t.channel, t.providerRef).where(sql`provider_ref is not null`)],
);

/** The applicant's rating after the result: like/dislike and the criteria (1–5), once per dossier. */
export const dossierRatings = pgTable('dossier_ratings', {
  dossierId: uuid('dossier_id')
    .primaryKey()
    .references(() => dossiers.id, { onDelete: 'cascade' }),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  satisfied: boolean('satisfied').notNull(),
  criteria: jsonb('criteria').$type<Record<string, number>>().notNull().default({}),
  comment: text('comment'),
  ratedAt: instant('rated_at').notNull(),
}, (t) => [index('dossier_ratings_period_idx').on(t.tenantId, t.ratedAt)]);

/** Phản ánh, kiến nghị about regulations and procedures, or about an officer's conduct. */
export const FEEDBACK_KINDS = ['regulation', 'procedure', 'officer'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
/** received → (refused | more_info → received | resolved → published) */
export const FEEDBACK_STATES = ['received', 'refused', 'more_info', 'resolved', 'published'] as const;
export type FeedbackState = (typeof FEEDBACK_STATES)[number];

export const feedbacks = pgTable(
  'feedbacks',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    /** the code the sender keeps to follow it */
    code: text('code').notNull(),
    kind: text('kind', { enum: FEEDBACK_KINDS }).notNull(),
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    procedureId: uuid('procedure_id').references(() => procedures.id),
    /** the agency that must handle it */
    agencyId: uuid('agency_id').references(() => agencies.id),
    senderName: text('sender_name').notNull(),
    senderPhone: text('sender_phone').notNull(),
    senderEmail: text('sender_email'),
    senderAddress: text('sender_address'),
    title: text('title').notNull(),
    content: text('content').notNull(),
    state: text('state', { enum: FEEDBACK_STATES }).notNull().default('received'),
    submittedAt: instant('submitted_at').notNull(),
    refusedAt: instant('refused_at'),
    moreInfoRequestedAt: instant('more_info_requested_at'),
    /** when the sender gave the information asked for (the resolve clock does not run while waiting for it) */
    infoSuppliedAt: instant('info_supplied_at'),
    /** working minutes spent waiting for the sender's information, over every round: the resolve deadline moves by them */
    infoWaitMinutes: integer('info_wait_minutes').notNull().default(0),
    resolvedAt: instant('resolved_at'),
    publishedAt: instant('published_at'),
    /** the answer, or the reason for refusing, or what more is needed */
    response: text('response'),
    handledBy: uuid('handled_by').references(() => users.id),
    /** the sender's verdict on the answer */
    satisfied: boolean('satisfied'),
    /** a feedback that repeats an earlier one not resolved */
    repeatOfId: uuid('repeat_of_id'),
    searchText: text('search_text').generatedAlwaysAs(sql`f_unaccent(code || ' ' || title || ' ' || sender_name)`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('feedbacks_code_uq').on(t.tenantId, t.code),
    index('feedbacks_state_idx').on(t.tenantId, t.state, t.submittedAt),
    index('feedbacks_agency_idx').on(t.tenantId, t.agencyId, t.submittedAt),
  ],
);
