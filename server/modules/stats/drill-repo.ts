/**
 * The dossiers and documents behind each number of the dashboard, read from the source tables with the very
 * definitions the numbers use — copied from the rollup facts (rollups.ts) and the open-dossier count
 * (figures-repo.ts), which are the lead's files; drill.test.ts checks for every measure that the list's total
 * equals the dashboard's number, so the copies cannot drift apart unnoticed.
 *
 * Each query is a range on an index: dossiers_received_idx / dossiers_handling_idx (received side),
 * dossiers_ended_idx (resolved side; per agency it wants (tenant_id, handling_agency_id, ended_at), requested),
 * the open-dossier partial indexes and dossiers_ended_idx (open at the cut-off, as figures-repo reads them),
 * documents_booked_idx / documents_agency_received_idx (incoming) and an issued_at index (outgoing, requested).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { addDays } from '../../platform/calendar/date-only.js';
import type { DocumentDirection, DossierMeasure } from './drill-schemas.js';

export interface DrillRange {
  tenantId: string;
  from: string;
  to: string;
  agencyId: string | null;
  /** what is still open is judged at this instant (the end of the period, or now) */
  cutoff: Date;
}

export interface Paging {
  limit: number;
  offset: number;
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * The rollups count an instant on the day ((t at time zone 'UTC') + 7 hours)::date. Việt Nam is UTC+7 all year,
 * so that day lies in [from, to] exactly when t lies in [from 00:00 +07, the day after `to` 00:00 +07): the same
 * set, as a range an index can serve.
 */
const periodBounds = (r: DrillRange) => ({ lo: sql`${`${r.from}T00:00:00+07:00`}::timestamptz`, hi: sql`${`${addDays(r.to, 1)}T00:00:00+07:00`}::timestamptz` });
const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const vnDayText = (column: string) => sql.raw(`to_char((${column} at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD')`);

const RESOLVED_OUTCOMES: Partial<Record<DossierMeasure, string[]>> = { early_or_on_time: ['early', 'on_time'], early: ['early'], on_time: ['on_time'], late: ['late'] };

// The columns the open-dossier union carries: what the list shows and what "overdue" reads.
const OPEN_COLUMNS = sql.raw(
  'id, code, procedure_name, applicant_name, handling_agency_id, receiving_agency_id, current_agency_id, status, received_at, appointment_at, ended_at, outcome, supplement_count, paused_since, paused_ms',
);

interface Selection {
  from: SQL;
  where: SQL;
  order: SQL;
}

/** Which dossiers a measure counts, for the tenant, the period and the agency (handling agency, as the dashboard). */
function dossierSelection(r: DrillRange, measure: DossierMeasure): Selection {
  const { lo, hi } = periodBounds(r);
  const agency = r.agencyId ? sql` and d.handling_agency_id = ${r.agencyId}` : sql``;
  if (measure === 'received' || measure === 'online') {
    // received side (rollups.ts, received_on): NgayTiepNhan's day; online = channel 2
    const online = measure === 'online' ? sql` and d.channel = 2` : sql``;
    return { from: sql`dossiers d`, where: sql`d.tenant_id = ${r.tenantId} and d.received_at >= ${lo} and d.received_at < ${hi}${agency}${online}`, order: sql`d.received_at, d.id` };
  }
  if (measure === 'resolved' || measure in RESOLVED_OUTCOMES) {
    // resolved side (rollups.ts, resolved_on): NgayKetThucXuLy's day, with an outcome; early, on_time, late by it
    const outcomes = RESOLVED_OUTCOMES[measure];
    const which = outcomes ? sql` and d.outcome in (${sql.join(outcomes.map((o) => sql`${o}`), sql`, `)})` : sql``;
    return {
      from: sql`dossiers d`,
      where: sql`d.tenant_id = ${r.tenantId} and d.outcome is not null and d.ended_at >= ${lo} and d.ended_at < ${hi}${agency}${which}`,
      order: sql`d.ended_at, d.id`,
    };
  }
  // open at the cut-off (figures-repo.ts, openDossiers): received before it, not ended by it, with an appointment;
  // the wait for supplements is taken off and more than one supplement request is overdue (domain file §2.5)
  const at = sql`${r.cutoff.toISOString()}::timestamptz`;
  const overdue = sql`(d.supplement_count > 1 or least(coalesce(d.paused_since, ${at}), ${at}) - make_interval(secs => d.paused_ms / 1000.0) > d.appointment_at)`;
  return {
    from: sql`(
      select ${OPEN_COLUMNS} from dossiers where tenant_id = ${r.tenantId} and ended_at is null
      union all
      select ${OPEN_COLUMNS} from dossiers where tenant_id = ${r.tenantId} and ended_at >= ${at}
    ) d`,
    where: sql`d.received_at < ${at} and d.status not in (1, 3) and d.appointment_at is not null${agency} and ${measure === 'open_overdue' ? overdue : sql`not ${overdue}`}`,
    // the longest overdue (the earliest appointment) first
    order: sql`d.appointment_at, d.id`,
  };
}

export interface DrillDossierRow {
  id: string;
  code: string | null;
  procedureName: string;
  applicantName: string;
  handlingAgencyId: string;
  handlingAgencyName: string;
  receivingAgencyId: string | null;
  currentAgencyId: string | null;
  receivedAt: string | null;
  appointmentAt: string | null;
  endedAt: string | null;
  outcome: 'early' | 'on_time' | 'late' | null;
  status: number;
}

/** One page of the dossiers a measure counts, in order, and how many there are in all. */
export async function findStatsDossiers(db: Db, r: DrillRange, measure: DossierMeasure, page: Paging): Promise<{ rows: DrillDossierRow[]; total: number }> {
  const s = dossierSelection(r, measure);
  const [items, counted] = await Promise.all([
    db.execute(sql`
      select d.id, d.code, d.procedure_name, d.applicant_name, d.handling_agency_id, a.name as handling_agency_name, d.receiving_agency_id, d.current_agency_id,
        ${iso('d.received_at')} as received_at, ${iso('d.appointment_at')} as appointment_at, ${iso('d.ended_at')} as ended_at, d.outcome, d.status
      from ${s.from} join agencies a on a.id = d.handling_agency_id
      where ${s.where}
      order by ${s.order}
      limit ${page.limit} offset ${page.offset}`),
    db.execute(sql`select count(*)::int as n from ${s.from} where ${s.where}`),
  ]);
  const rows = rowsOf<Record<string, unknown>>(items).map((x) => ({
    id: String(x.id),
    code: (x.code as string | null) ?? null,
    procedureName: String(x.procedure_name),
    applicantName: String(x.applicant_name),
    handlingAgencyId: String(x.handling_agency_id),
    handlingAgencyName: String(x.handling_agency_name),
    receivingAgencyId: (x.receiving_agency_id as string | null) ?? null,
    currentAgencyId: (x.current_agency_id as string | null) ?? null,
    receivedAt: (x.received_at as string | null) ?? null,
    appointmentAt: (x.appointment_at as string | null) ?? null,
    endedAt: (x.ended_at as string | null) ?? null,
    outcome: (x.outcome as DrillDossierRow['outcome']) ?? null,
    status: Number(x.status),
  }));
  return { rows, total: Number(rowsOf<{ n: number }>(counted)[0]?.n ?? 0) };
}

/**
 * Which documents a direction counts (rollups.ts, document facts' day): incoming registered in the period (an
 * arrival number, the day received), outgoing issued in it (issued or later recalled, the day issued).
 */
function documentSelection(r: DrillRange, direction: DocumentDirection): Selection & { day: string } {
  const { lo, hi } = periodBounds(r);
  const agency = r.agencyId ? sql` and d.agency_id = ${r.agencyId}` : sql``;
  if (direction === 'incoming') {
    // The check documents_incoming_registered makes received_at non-null on every incoming document, so the booked
    // day coalesce(received_at, issued_at) is received_at itself: the same rows, through documents_booked_idx.
    const booked = 'coalesce(d.received_at, d.issued_at)';
    return {
      from: sql`documents d`,
      where: sql`d.tenant_id = ${r.tenantId} and d.direction = 'incoming' and d.arrival_number is not null and d.received_at >= ${lo} and d.received_at < ${hi}
        and ${sql.raw(booked)} >= ${lo} and ${sql.raw(booked)} < ${hi}${agency}`,
      order: sql.raw(`${booked}, d.id`),
      day: 'd.received_at',
    };
  }
  return {
    from: sql`documents d`,
    where: sql`d.tenant_id = ${r.tenantId} and d.direction = 'outgoing' and d.status in ('issued', 'recalled') and d.issued_at >= ${lo} and d.issued_at < ${hi}${agency}`,
    order: sql`d.issued_at, d.id`,
    day: 'd.issued_at',
  };
}

export interface DrillDocumentRow {
  id: string;
  direction: DocumentDirection;
  number: string | null;
  arrivalNumber: number | null;
  subject: string;
  confidentiality: string;
  agencyId: string;
  agencyName: string;
  senderName: string;
  day: string;
}

/** One page of the documents registered (incoming) or issued (outgoing) in the period, and how many in all. */
export async function findStatsDocuments(db: Db, r: DrillRange, direction: DocumentDirection, page: Paging): Promise<{ rows: DrillDocumentRow[]; total: number }> {
  const s = documentSelection(r, direction);
  const [items, counted] = await Promise.all([
    db.execute(sql`
      select d.id, d.direction, case when d.code_number is null then null else concat_ws('/', d.code_number, d.code_notation) end as number,
        d.arrival_number, d.subject, d.confidentiality, d.agency_id, a.name as agency_name, d.sender_name, ${vnDayText(s.day)} as day
      from ${s.from} join agencies a on a.id = d.agency_id
      where ${s.where}
      order by ${s.order}
      limit ${page.limit} offset ${page.offset}`),
    db.execute(sql`select count(*)::int as n from ${s.from} where ${s.where}`),
  ]);
  const rows = rowsOf<Record<string, unknown>>(items).map((x) => ({
    id: String(x.id),
    direction: x.direction as DocumentDirection,
    number: (x.number as string | null) ?? null,
    arrivalNumber: x.arrival_number === null || x.arrival_number === undefined ? null : Number(x.arrival_number),
    subject: String(x.subject),
    confidentiality: String(x.confidentiality),
    agencyId: String(x.agency_id),
    agencyName: String(x.agency_name),
    senderName: String(x.sender_name),
    day: String(x.day),
  }));
  return { rows, total: Number(rowsOf<{ n: number }>(counted)[0]?.n ?? 0) };
}
