import { bigint, date, index, integer, jsonb, numeric, pgTable, smallint, text, unique, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, instant } from '../../db/columns.js';

/**
 * The leadership figures' rollups (issue 7 item 6): for each source a facts table (each entity's last counted
 * contribution, what its next change subtracts) and a counts table per day, kept current from the outbox
 * (triggers in migration 0026) and reconciled with a full recount by `stats verify`. Counters are plain integers so
 * that a period is a sum over days. Flags in the facts are 0/1.
 */

const flag = (name: string) => smallint(name).notNull().default(0);
const counter = (name: string) => integer(name).notNull().default(0);

/** A dossier as the statistics count it (received side on received_on, resolved side on resolved_on). */
export const dossierStatFacts = pgTable(
  'dossier_stat_facts',
  {
    dossierId: uuid('dossier_id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    handlingAgencyId: uuid('handling_agency_id').notNull(),
    receivingAgencyId: uuid('receiving_agency_id'),
    procedureId: uuid('procedure_id').notNull(),
    /** Việt Nam day of NgayTiepNhan; null while not received */
    receivedOn: date('received_on', { mode: 'string' }),
    /** Việt Nam day processing ended (NgayKetThucXuLy) with an outcome; null while open */
    resolvedOn: date('resolved_on', { mode: 'string' }),
    outcome: text('outcome'),
    processingMs: bigint('processing_ms', { mode: 'number' }).notNull().default(0),
    online: flag('online'),
    /** online and, where the procedure gives a paper result, an electronic one or none yet (indicator 3.3) */
    onlineValid: flag('online_valid'),
    fullOnline: flag('full_online'),
    fullOnlineEligible: flag('full_online_eligible'),
    digitized: flag('digitized'),
    reused: flag('reused'),
    fromStore: flag('from_store'),
    /** a paper-result procedure's dossier that has its result (4.1's denominator), and of those the electronic ones */
    paperResult: flag('paper_result'),
    eResult: flag('e_result'),
    /** a certification (chứng thực) dossier, and of those the ones resolved with an electronic copy (4.6) */
    certified: flag('certified'),
    certifiedElectronic: flag('certified_electronic'),
    feeBearing: flag('fee_bearing'),
    paidOnline: flag('paid_online'),
    synced: flag('synced'),
    verified: flag('verified'),
    rated: flag('rated'),
    disliked: flag('disliked'),
    complained: flag('complained'),
    /**
     * For a dossier being processed now (received, not ended, with an appointment): the instant it is overdue from, as
     * the index judges it (appointment + paused time; −infinity after a second supplement request or when the wait
     * already made it late, +infinity while a wait keeps it in time); null otherwise. Open dossiers at "now" are
     * counted from this index alone.
     */
    overdueAt: instant('overdue_at'),
  },
  (t) => [index('dossier_stat_facts_open_idx').on(t.tenantId, t.handlingAgencyId, t.overdueAt).where(sql`overdue_at is not null`)],
);

/** Dossiers per Việt Nam day, handling agency and receiving desk: the dashboard's and the index's counts. */
export const dossierStatDays = pgTable(
  'dossier_stat_days',
  {
    tenantId: uuid('tenant_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    handlingAgencyId: uuid('handling_agency_id').notNull(),
    receivingAgencyId: uuid('receiving_agency_id'),
    received: counter('received'),
    online: counter('online'),
    onlineValid: counter('online_valid'),
    fullOnline: counter('full_online'),
    fullOnlineEligible: counter('full_online_eligible'),
    digitized: counter('digitized'),
    reused: counter('reused'),
    fromStore: counter('from_store'),
    paperResult: counter('paper_result'),
    eResult: counter('e_result'),
    certified: counter('certified'),
    certifiedElectronic: counter('certified_electronic'),
    feeBearing: counter('fee_bearing'),
    paidOnline: counter('paid_online'),
    synced: counter('synced'),
    verified: counter('verified'),
    rated: counter('rated'),
    disliked: counter('disliked'),
    complained: counter('complained'),
    resolved: counter('resolved'),
    early: counter('early'),
    onTime: counter('on_time'),
    late: counter('late'),
    processingMs: bigint('processing_ms', { mode: 'number' }).notNull().default(0),
  },
  (t) => [unique('dossier_stat_days_key').on(t.tenantId, t.day, t.handlingAgencyId, t.receivingAgencyId).nullsNotDistinct()],
);

/** The same counters per month (first day) and handling agency: a period's whole months are read here, its edges from the days. */
export const dossierStatMonths = pgTable(
  'dossier_stat_months',
  {
    tenantId: uuid('tenant_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    handlingAgencyId: uuid('handling_agency_id').notNull(),
    received: counter('received'),
    online: counter('online'),
    onlineValid: counter('online_valid'),
    fullOnline: counter('full_online'),
    fullOnlineEligible: counter('full_online_eligible'),
    digitized: counter('digitized'),
    reused: counter('reused'),
    fromStore: counter('from_store'),
    paperResult: counter('paper_result'),
    eResult: counter('e_result'),
    certified: counter('certified'),
    certifiedElectronic: counter('certified_electronic'),
    feeBearing: counter('fee_bearing'),
    paidOnline: counter('paid_online'),
    synced: counter('synced'),
    verified: counter('verified'),
    rated: counter('rated'),
    disliked: counter('disliked'),
    complained: counter('complained'),
    resolved: counter('resolved'),
    early: counter('early'),
    onTime: counter('on_time'),
    late: counter('late'),
    processingMs: bigint('processing_ms', { mode: 'number' }).notNull().default(0),
  },
  (t) => [unique('dossier_stat_months_key').on(t.tenantId, t.month, t.handlingAgencyId)],
);

/** Dossiers per day and procedure: the indicators that count procedures (with an online dossier, an online payment…). */
export const dossierStatProcedures = pgTable(
  'dossier_stat_procedures',
  {
    tenantId: uuid('tenant_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    procedureId: uuid('procedure_id').notNull(),
    handlingAgencyId: uuid('handling_agency_id').notNull(),
    received: counter('received'),
    online: counter('online'),
    paidOnline: counter('paid_online'),
    verified: counter('verified'),
    /** fee-bearing dossiers whose fee list went to the national portal (3.5's proxy) */
    syncedFee: counter('synced_fee'),
  },
  (t) => [unique('dossier_stat_procedures_key').on(t.tenantId, t.day, t.procedureId, t.handlingAgencyId)],
);

/** The same per month (first day): a period's whole months. */
export const dossierStatProcedureMonths = pgTable(
  'dossier_stat_procedure_months',
  {
    tenantId: uuid('tenant_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    procedureId: uuid('procedure_id').notNull(),
    handlingAgencyId: uuid('handling_agency_id').notNull(),
    received: counter('received'),
    online: counter('online'),
    paidOnline: counter('paid_online'),
    verified: counter('verified'),
    /** fee-bearing dossiers whose fee list went to the national portal (3.5's proxy) */
    syncedFee: counter('synced_fee'),
  },
  (t) => [unique('dossier_stat_procedure_months_key').on(t.tenantId, t.month, t.procedureId, t.handlingAgencyId)],
);

/** A document as the statistics count it: incoming on the day it was registered, outgoing on the day it was issued. */
export const documentStatFacts = pgTable('document_stat_facts', {
  documentId: uuid('document_id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  agencyId: uuid('agency_id').notNull(),
  direction: text('direction').notNull(),
  /** null while not registered (incoming) or not issued (outgoing) */
  day: date('day', { mode: 'string' }),
  electronic: flag('electronic'),
  signed: flag('signed'),
});

export const documentStatDays = pgTable(
  'document_stat_days',
  {
    tenantId: uuid('tenant_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    agencyId: uuid('agency_id').notNull(),
    direction: text('direction').notNull(),
    total: counter('total'),
    electronic: counter('electronic'),
    signed: counter('signed'),
  },
  (t) => [unique('document_stat_days_key').on(t.tenantId, t.day, t.agencyId, t.direction)],
);

/** The same per month (first day): a period's whole months. */
export const documentStatMonths = pgTable(
  'document_stat_months',
  {
    tenantId: uuid('tenant_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    agencyId: uuid('agency_id').notNull(),
    direction: text('direction').notNull(),
    total: counter('total'),
    electronic: counter('electronic'),
    signed: counter('signed'),
  },
  (t) => [unique('document_stat_months_key').on(t.tenantId, t.month, t.agencyId, t.direction)],
);

/** The service index as computed at the end of each month (the job), for the province and each agency: the trend. */
export const serviceIndexSnapshots = pgTable(
  'service_index_snapshots',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** YYYY-MM */
    month: text('month').notNull(),
    /** null = the province */
    agencyId: uuid('agency_id'),
    configVersion: text('config_version').notNull(),
    total: numeric('total', { precision: 6, scale: 2, mode: 'number' }),
    grade: text('grade'),
    /** the groups' points as computed then: [{ code, name, points, max }] */
    groups: jsonb('groups').$type<{ code: string; name: string; points: number | null; max: number }[]>().notNull(),
    takenAt: instant('taken_at').notNull().defaultNow(),
  },
  (t) => [unique('service_index_snapshots_key').on(t.tenantId, t.month, t.agencyId).nullsNotDistinct()],
);

/** The national ranking table as imported from the national portal (the 34 provinces' published scores). */
export const nationalRankings = pgTable(
  'national_rankings',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    rows: jsonb('rows').$type<{ rank: number; name: string; score: number }[]>().notNull(),
    importedBy: uuid('imported_by').notNull(),
    importedAt: instant('imported_at').notNull().defaultNow(),
  },
  (t) => [index('national_rankings_tenant_idx').on(t.tenantId, t.asOf)],
);
