/** SQL of dossier intake: the dossier row, its components, the intake slips, and the look-ups intake needs. */
import { and, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { files } from '../../platform/files/tables.js';
import { agencies, tenants, users } from '../org/tables.js';
import { procedures } from '../procedures/tables.js';
import { dossierComponents, dossiers, intakeSlips } from './tables.js';

export type DossierRow = typeof dossiers.$inferSelect;
export type NewDossierRow = typeof dossiers.$inferInsert;
export type NewComponentRow = typeof dossierComponents.$inferInsert;
export type NewIntakeSlipRow = typeof intakeSlips.$inferInsert;

export interface AgencyRef {
  id: string;
  type: string;
  name: string;
  identifierCode: string | null;
  active: boolean;
}

export async function getAgency(db: Db, tenantId: string, id: string): Promise<AgencyRef | null> {
  const [row] = await db
    .select({ id: agencies.id, type: agencies.type, name: agencies.name, identifierCode: agencies.identifierCode, active: agencies.active })
    .from(agencies)
    .where(and(eq(agencies.tenantId, tenantId), eq(agencies.id, id)));
  return row ?? null;
}

export async function findTenantByCode(db: Db, code: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(eq(tenants.code, code));
  return row ?? null;
}

export async function getUserRef(db: Db, tenantId: string, id: string): Promise<{ id: string; agencyId: string; fullName: string; active: boolean } | null> {
  const [row] = await db
    .select({ id: users.id, agencyId: users.agencyId, fullName: users.fullName, active: users.active })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
  return row ?? null;
}

/** Which of these file ids are the tenant's. */
export async function tenantFileIds(db: Db, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: files.id }).from(files).where(and(eq(files.tenantId, tenantId), inArray(files.id, ids)));
  return new Set(rows.map((r) => r.id));
}

const reusableWhere = (tenantId: string, idNumber: string) =>
  and(eq(dossiers.tenantId, tenantId), eq(dossiers.applicantIdNumber, idNumber), eq(dossiers.resultDigitized, true), isNotNull(dossiers.resultFileId));

/** Earlier dossiers of the applicant whose result was digitized, newest first. */
export async function listReusable(db: Db, tenantId: string, idNumber: string, page: number, pageSize: number) {
  const where = reusableWhere(tenantId, idNumber);
  const [items, [total]] = await Promise.all([
    db
      .select({
        dossierId: dossiers.id,
        code: dossiers.code,
        procedureCode: dossiers.procedureCode,
        procedureName: dossiers.procedureName,
        applicantName: dossiers.applicantName,
        resultSummary: dossiers.resultSummary,
        resultFileId: dossiers.resultFileId,
        resultElectronic: dossiers.resultElectronic,
        endedAt: dossiers.endedAt,
        outcome: dossiers.outcome,
      })
      .from(dossiers)
      .where(where)
      .orderBy(desc(dossiers.endedAt), desc(dossiers.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(dossiers).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** The reusable results among these dossier ids (the applicant's own, digitized), by id → result file. */
export async function reusableByIds(db: Db, tenantId: string, idNumber: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: dossiers.id, fileId: dossiers.resultFileId })
    .from(dossiers)
    .where(and(reusableWhere(tenantId, idNumber), inArray(dossiers.id, ids)));
  return new Map(rows.map((r) => [r.id, r.fileId!]));
}

export async function insertDossier(tx: Db, row: NewDossierRow, components: NewComponentRow[]): Promise<void> {
  await tx.insert(dossiers).values(row);
  if (components.length > 0) await tx.insert(dossierComponents).values(components);
}

/** The dossier row locked for this transaction (every change to a dossier goes through this lock). */
export async function lockDossier(tx: Db, tenantId: string, id: string): Promise<DossierRow | null> {
  const [row] = await tx
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.tenantId, tenantId), eq(dossiers.id, id)))
    .for('update');
  return row ?? null;
}

export async function updateDossier(tx: Db, id: string, set: Partial<NewDossierRow>): Promise<void> {
  await tx
    .update(dossiers)
    .set({ ...set, version: sql`${dossiers.version} + 1` })
    .where(eq(dossiers.id, id));
}

export async function insertSlip(tx: Db, row: NewIntakeSlipRow): Promise<void> {
  await tx.insert(intakeSlips).values(row);
}

export async function getSlip(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({
      slip: intakeSlips,
      procedureCode: procedures.code,
      procedureName: procedures.name,
      agencyName: agencies.name,
      issuerName: users.fullName,
      dossierCode: dossiers.code,
    })
    .from(intakeSlips)
    .innerJoin(procedures, eq(procedures.id, intakeSlips.procedureId))
    .innerJoin(agencies, eq(agencies.id, intakeSlips.receivingAgencyId))
    .innerJoin(users, eq(users.id, intakeSlips.issuedBy))
    .leftJoin(dossiers, eq(dossiers.id, intakeSlips.dossierId))
    .where(and(eq(intakeSlips.tenantId, tenantId), eq(intakeSlips.id, id)));
  return row ?? null;
}
