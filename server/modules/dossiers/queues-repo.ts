import { and, asc, desc, eq, gte, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/open.js';
import { likePatterns } from '../../platform/search/normalize.js';
import { agencies, users } from '../org/tables.js';
import { procedureSteps } from '../procedures/tables.js';
import type { DossierView } from './processing-schemas.js';
import { dossiers } from './tables.js';

export const receiving = alias(agencies, 'receiving_agency');
export const handling = alias(agencies, 'handling_agency');
export const current = alias(agencies, 'current_agency');
export const assignee = alias(users, 'assignee');

/** The columns of a queue row: the dossier's own, with the names a list shows. */
export const summaryColumns = {
  id: dossiers.id,
  code: dossiers.code,
  status: dossiers.status,
  channel: dossiers.channel,
  procedureId: dossiers.procedureId,
  procedureCode: dossiers.procedureCode,
  procedureName: dossiers.procedureName,
  applicantName: dossiers.applicantName,
  receivingAgencyId: dossiers.receivingAgencyId,
  receivingAgencyName: receiving.name,
  counter: dossiers.counter,
  handlingAgencyId: dossiers.handlingAgencyId,
  handlingAgencyName: handling.name,
  currentStep: dossiers.currentStep,
  currentStepName: procedureSteps.name,
  currentAgencyId: dossiers.currentAgencyId,
  currentAgencyName: current.name,
  currentAssigneeId: dossiers.currentAssigneeId,
  currentAssigneeName: assignee.fullName,
  currentStepDueAt: dossiers.currentStepDueAt,
  submittedAt: dossiers.submittedAt,
  receivedAt: dossiers.receivedAt,
  appointmentAt: dossiers.appointmentAt,
  receiveDueAt: dossiers.receiveDueAt,
  endedAt: dossiers.endedAt,
  outcome: dossiers.outcome,
  supplementCount: dossiers.supplementCount,
  extensionCount: dossiers.extensionCount,
  pausedSince: dossiers.pausedSince,
  version: dossiers.version,
};

export function withNames(db: Db) {
  return db
    .select(summaryColumns)
    .from(dossiers)
    .innerJoin(handling, eq(handling.id, dossiers.handlingAgencyId))
    .leftJoin(receiving, eq(receiving.id, dossiers.receivingAgencyId))
    .leftJoin(current, eq(current.id, dossiers.currentAgencyId))
    .leftJoin(assignee, eq(assignee.id, dossiers.currentAssigneeId))
    .leftJoin(procedureSteps, and(eq(procedureSteps.procedureId, dossiers.procedureId), eq(procedureSteps.position, dossiers.currentStep)));
}

/** Who lists, and the agency the view is about (already checked against the actor's scope). */
export interface QueueFilter {
  tenantId: string;
  userId: string;
  /** the agency of agency-bound views (current, receiving or handling agency) */
  agencyId: string;
  /** all: the whole tenant (tenant-wide readers), else only the dossiers the agency resolves */
  wholeTenant: boolean;
  /** online_new: every desk of the province may receive it, else only the agency's own */
  receivesForTenant: boolean;
  /** the actor works at a one-stop desk (receives dossiers): processed dossiers wait there for return */
  isDesk: boolean;
  counter?: string | undefined;
  status?: number | undefined;
  q?: string | undefined;
  now: Date;
  dayStart: Date;
  dayEnd: Date;
}

const open = isNull(dossiers.endedAt);
/**
 * Processed dossiers (9) have ended (NgayKetThucXuLy) but still wait at the receiving desk's return step, so a
 * desk's queue adds them; other agencies' queues stay on the partial index `dossiers_agency_open_idx`.
 */
const atAgency = (f: QueueFilter) => and(eq(dossiers.tenantId, f.tenantId), eq(dossiers.currentAgencyId, f.agencyId), f.isDesk ? or(open, eq(dossiers.status, 9)) : open)!;
const openAtAgency = (f: QueueFilter) => and(eq(dossiers.tenantId, f.tenantId), eq(dossiers.currentAgencyId, f.agencyId), open)!;

/** The WHERE of a view: each is shaped for one of the partial indexes of tables.ts. */
function viewWhere(view: DossierView, f: QueueFilter): SQL {
  switch (view) {
    case 'mine':
      // dossiers_assignee_open_idx (a desk's processed dossiers waiting for return are in its agency view)
      return and(eq(dossiers.currentAssigneeId, f.userId), eq(dossiers.tenantId, f.tenantId), open)!;
    case 'agency':
      return atAgency(f);
    case 'due_today':
      return and(openAtAgency(f), or(and(gte(dossiers.currentStepDueAt, f.dayStart), lt(dossiers.currentStepDueAt, f.dayEnd)), and(gte(dossiers.appointmentAt, f.dayStart), lt(dossiers.appointmentAt, f.dayEnd))))!;
    case 'overdue':
      // a dossier waiting for the applicant is not late while it waits
      return and(openAtAgency(f), isNull(dossiers.pausedSince), or(lt(dossiers.appointmentAt, f.now), lt(dossiers.currentStepDueAt, f.now)))!;
    case 'supplement':
      // a desk follows what it received (the applicant brings the papers there); others what they hold
      return and(eq(dossiers.tenantId, f.tenantId), open, eq(dossiers.status, 5), f.isDesk ? eq(dossiers.receivingAgencyId, f.agencyId) : eq(dossiers.currentAgencyId, f.agencyId))!;
    case 'online_new':
      // dossiers_new_online_idx
      return and(eq(dossiers.tenantId, f.tenantId), eq(dossiers.status, 1), f.receivesForTenant ? undefined : eq(dossiers.handlingAgencyId, f.agencyId))!;
    case 'location':
      // dossiers_location_idx
      return and(eq(dossiers.tenantId, f.tenantId), eq(dossiers.receivingAgencyId, f.agencyId), f.counter ? eq(dossiers.counter, f.counter) : undefined)!;
    case 'all':
      // dossiers_received_idx, or dossiers_handling_idx for an agency's readers
      return and(eq(dossiers.tenantId, f.tenantId), f.wholeTenant ? undefined : eq(dossiers.handlingAgencyId, f.agencyId))!;
  }
}

function orderOf(view: DossierView) {
  switch (view) {
    case 'online_new':
      return [asc(dossiers.receiveDueAt), asc(dossiers.id)];
    case 'location':
    case 'all':
      return [desc(dossiers.receivedAt), desc(dossiers.id)];
    default:
      return [sql`${dossiers.currentStepDueAt} asc nulls last`, asc(dossiers.id)];
  }
}

/** A query shaped like a dossier code looks it up by `dossiers_code_uq`; words match the accent-free search_text. */
function searchWhere(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  if (/^\S+-\d{6}-\d{4,7}$/.test(q)) return eq(dossiers.code, q);
  const words = likePatterns(q);
  return words.length ? and(...words.map((p) => like(dossiers.searchText, p))) : undefined;
}

/** Counting stops here: a total of millions costs a scan, and no one pages that far. */
export const COUNT_CAP = 2_000;

async function cappedCount(db: Db, where: SQL): Promise<number> {
  const inner = db.select({ one: sql`1` }).from(dossiers).where(where).limit(COUNT_CAP + 1);
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(inner.as('capped'));
  return row?.n ?? 0;
}

export type SummaryRow = Awaited<ReturnType<ReturnType<typeof withNames>['execute']>>[number];

export async function findDossiers(db: Db, view: DossierView, f: QueueFilter, page: { limit: number; offset: number }) {
  const where = and(viewWhere(view, f), f.status ? eq(dossiers.status, f.status as 1) : undefined, searchWhere(f.q))!;
  const [items, total] = await Promise.all([
    withNames(db)
      .where(where)
      .orderBy(...orderOf(view))
      .limit(page.limit)
      .offset(page.offset),
    cappedCount(db, where),
  ]);
  return { items, total: Math.min(total, COUNT_CAP), totalExact: total <= COUNT_CAP };
}

export async function countQueues(db: Db, f: QueueFilter) {
  const views = ['mine', 'agency', 'due_today', 'overdue', 'supplement', 'online_new'] as const;
  const counts = await Promise.all(views.map((v) => cappedCount(db, viewWhere(v, f))));
  const onlineLate = await cappedCount(db, and(viewWhere('online_new', f), lt(dossiers.receiveDueAt, f.now))!);
  const [mine, agency, dueToday, overdue, supplement, onlineNew] = counts.map((n) => Math.min(n, COUNT_CAP)) as [number, number, number, number, number, number];
  return { mine, agency, dueToday, overdue, supplement, onlineNew, onlineLate: Math.min(onlineLate, COUNT_CAP) };
}
