import { and, asc, eq, gte, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open.js';
import { agencies, tenants, users } from '../../org/tables.js';
import { loadProcedureForIntake } from '../../procedures/index.js';
import type { TimeUnit } from '../../procedures/tables.js';
import { dossierComponents, dossierEvents, dossierExtensions, dossierSupplements, dossiers, intakeSlips } from '../tables.js';

// The forms are read models: this file is their only SQL, reading the dossier, its log and the names it needs.

export type DossierRow = typeof dossiers.$inferSelect;
export type ComponentRow = typeof dossierComponents.$inferSelect;
export type EventRow = typeof dossierEvents.$inferSelect;
export type SupplementRow = typeof dossierSupplements.$inferSelect;
export type ExtensionRow = typeof dossierExtensions.$inferSelect;
export type IntakeSlipRow = typeof intakeSlips.$inferSelect;

export interface AgencyInfo {
  id: string;
  parentId: string | null;
  type: string;
  name: string;
  shortName: string;
}

export interface PersonInfo {
  fullName: string;
  phone: string | null;
}

/** The tenant and its agencies: enough to name every issuing body and place. */
export interface OrgDirectory {
  tenant: { id: string; code: string; name: string };
  agencies: Map<string, AgencyInfo>;
}

export interface DossierFormData {
  org: OrgDirectory;
  dossier: DossierRow;
  /** the catalog's procedure today (time limit and unit); the dossier keeps its own code and name */
  procedure: { timeLimit: number; timeUnit: TimeUnit } | null;
  components: ComponentRow[];
  events: EventRow[];
  supplements: SupplementRow[];
  extensions: ExtensionRow[];
  refusalSlip: IntakeSlipRow | null;
  people: Map<string, PersonInfo>;
}

export async function loadOrgDirectory(db: Db, tenantId: string): Promise<OrgDirectory> {
  const [tenant] = await db.select({ id: tenants.id, code: tenants.code, name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
  const rows = await db
    .select({ id: agencies.id, parentId: agencies.parentId, type: agencies.type, name: agencies.name, shortName: agencies.shortName })
    .from(agencies)
    .where(eq(agencies.tenantId, tenantId));
  return { tenant: tenant!, agencies: new Map(rows.map((a) => [a.id, a])) };
}

async function loadPeople(db: Db, tenantId: string, ids: (string | null | undefined)[]): Promise<Map<string, PersonInfo>> {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, fullName: users.fullName, phone: users.phone })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), inArray(users.id, wanted)));
  return new Map(rows.map((u) => [u.id, { fullName: u.fullName, phone: u.phone }]));
}

/** The tenant's dossier by id, or null. */
export async function findDossier(db: Db, tenantId: string, id: string): Promise<DossierRow | null> {
  const [row] = await db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.tenantId, tenantId), eq(dossiers.id, id)));
  return row ?? null;
}

/** Everything a dossier's forms print, in one read. */
export async function loadDossierFormData(db: Db, dossier: DossierRow): Promise<DossierFormData> {
  const id = dossier.id;
  const org = await loadOrgDirectory(db, dossier.tenantId);
  const procedure = await loadProcedureForIntake(db, dossier.tenantId, dossier.procedureId);
  const components = await db.select().from(dossierComponents).where(eq(dossierComponents.dossierId, id)).orderBy(asc(dossierComponents.position));
  const events = await db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, id)).orderBy(asc(dossierEvents.seq));
  const supplements = await db.select().from(dossierSupplements).where(eq(dossierSupplements.dossierId, id)).orderBy(asc(dossierSupplements.requestedAt), asc(dossierSupplements.id));
  const extensions = await db.select().from(dossierExtensions).where(eq(dossierExtensions.dossierId, id)).orderBy(asc(dossierExtensions.issuedAt), asc(dossierExtensions.id));
  const [refusalSlip] = await db
    .select()
    .from(intakeSlips)
    .where(and(eq(intakeSlips.tenantId, dossier.tenantId), eq(intakeSlips.dossierId, id), eq(intakeSlips.kind, 'refusal')))
    .orderBy(asc(intakeSlips.issuedAt))
    .limit(1);
  const people = await loadPeople(db, dossier.tenantId, [
    dossier.receivedBy,
    ...events.flatMap((e) => [e.actorId, e.assigneeId]),
    ...supplements.map((s) => s.requestedBy),
    ...extensions.map((e) => e.issuedBy),
    refusalSlip?.issuedBy,
  ]);
  return {
    org,
    dossier,
    procedure: procedure ? { timeLimit: procedure.timeLimit, timeUnit: procedure.timeUnit } : null,
    components,
    events,
    supplements,
    extensions,
    refusalSlip: refusalSlip ?? null,
    people,
  };
}

export interface IntakeSlipFormData {
  org: OrgDirectory;
  slip: IntakeSlipRow;
  procedure: { code: string; name: string; timeLimit: number; timeUnit: TimeUnit } | null;
  issuer: PersonInfo | null;
}

export async function findIntakeSlip(db: Db, tenantId: string, id: string): Promise<IntakeSlipRow | null> {
  const [row] = await db
    .select()
    .from(intakeSlips)
    .where(and(eq(intakeSlips.tenantId, tenantId), eq(intakeSlips.id, id)));
  return row ?? null;
}

export async function loadIntakeSlipFormData(db: Db, slip: IntakeSlipRow): Promise<IntakeSlipFormData> {
  const org = await loadOrgDirectory(db, slip.tenantId);
  const procedure = await loadProcedureForIntake(db, slip.tenantId, slip.procedureId);
  const people = await loadPeople(db, slip.tenantId, [slip.issuedBy]);
  return {
    org,
    slip,
    procedure: procedure ? { code: procedure.code, name: procedure.name, timeLimit: procedure.timeLimit, timeUnit: procedure.timeUnit } : null,
    issuer: people.get(slip.issuedBy) ?? null,
  };
}

/** One line of the tracking ledger (sổ theo dõi hồ sơ). */
export interface LedgerRow {
  code: string;
  procedureName: string;
  applicantName: string;
  applicantAddress: string;
  applicantPhone: string;
  receivingAgencyId: string | null;
  handlingAgencyId: string;
  receivedAt: Date;
  appointmentAt: Date | null;
  originalAppointmentAt: Date | null;
  /** the first hand-off into the handling agency */
  transferredAt: Date | null;
  processedAt: Date | null;
  returnedAt: Date | null;
  status: number;
  closingReason: string | null;
}

/**
 * Dossiers received in [from, to) (instants), of one agency (received there or handled there) or of the whole
 * tenant, in the order they were received. `limit` guards the size of one print.
 */
export async function loadLedgerRows(db: Db, tenantId: string, range: { from: Date; to: Date; agencyId: string | null; limit: number }): Promise<LedgerRow[]> {
  // the outer row's columns spelled out: drizzle renders a column unqualified inside a select's sql``
  const transferred = sql<Date | null>`(select min(e.at) from ${dossierEvents} e where e.dossier_id = "dossiers"."id" and e.kind = 'handoff' and e.agency_id = "dossiers"."handling_agency_id")`;
  const rows = await db
    .select({
      code: dossiers.code,
      procedureName: dossiers.procedureName,
      applicantName: dossiers.applicantName,
      applicantAddress: dossiers.applicantAddress,
      applicantPhone: dossiers.applicantPhone,
      receivingAgencyId: dossiers.receivingAgencyId,
      handlingAgencyId: dossiers.handlingAgencyId,
      receivedAt: dossiers.receivedAt,
      appointmentAt: dossiers.appointmentAt,
      originalAppointmentAt: dossiers.originalAppointmentAt,
      transferredAt: transferred,
      processedAt: dossiers.processedAt,
      returnedAt: dossiers.returnedAt,
      status: dossiers.status,
      closingReason: dossiers.closingReason,
    })
    .from(dossiers)
    .where(
      and(
        eq(dossiers.tenantId, tenantId),
        isNotNull(dossiers.code),
        gte(dossiers.receivedAt, range.from),
        lt(dossiers.receivedAt, range.to),
        range.agencyId ? or(eq(dossiers.receivingAgencyId, range.agencyId), eq(dossiers.handlingAgencyId, range.agencyId)) : undefined,
      ),
    )
    .orderBy(asc(dossiers.receivedAt), asc(dossiers.code))
    .limit(range.limit);
  return rows.map((r) => ({
    ...r,
    code: r.code!,
    receivedAt: r.receivedAt!,
    // a raw subquery gives the instant as text
    transferredAt: r.transferredAt ? new Date(r.transferredAt) : null,
  }));
}
