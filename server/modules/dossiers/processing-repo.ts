import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import type { Role } from '../../platform/auth/permissions.js';
import { agencies, positions, units, userRoles, users } from '../org/tables.js';
import { dossierExtensions, dossiers, dossierSupplements } from './tables.js';

export type DossierRow = typeof dossiers.$inferSelect;
export type DossierUpdate = Partial<Omit<typeof dossiers.$inferInsert, 'searchText' | 'id' | 'tenantId'>>;

/** The tenant's dossier locked for a change (FOR UPDATE): transitions of one dossier queue here. */
export async function lockDossier(tx: Db, tenantId: string, id: string): Promise<DossierRow | null> {
  const [row] = await tx.select().from(dossiers).where(and(eq(dossiers.tenantId, tenantId), eq(dossiers.id, id))).for('update');
  return row ?? null;
}

/** Writes the change and bumps `version` (the optimistic check of the next caller). */
export async function updateDossier(tx: Db, tenantId: string, id: string, values: DossierUpdate, at: Date): Promise<void> {
  await tx
    .update(dossiers)
    .set({ ...values, version: sql`${dossiers.version} + 1`, updatedAt: at })
    .where(and(eq(dossiers.tenantId, tenantId), eq(dossiers.id, id)));
}

/**
 * Active people of an agency who take dossier steps (the roles given), with their roles, position rank and
 * unit, for the choice of the next step's assignee; `ids` narrows to those people.
 */
export async function findProcessors(db: Db, tenantId: string, agencyId: string, roles: Role[], ids?: string[]) {
  const rows = await db
    .select({ id: users.id, name: users.fullName, role: userRoles.role, position: positions.name, rank: positions.rank, unitName: units.name })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .leftJoin(positions, eq(positions.id, users.positionId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(eq(users.tenantId, tenantId), eq(users.agencyId, agencyId), eq(users.active, true), inArray(userRoles.role, roles), ids ? inArray(users.id, ids) : undefined))
    .orderBy(sql`${positions.rank} asc nulls last`, asc(users.fullName), asc(users.id));
  const byId = new Map<string, { id: string; name: string; roles: Role[]; position: string | null; rank: number | null; unitName: string | null }>();
  for (const r of rows) {
    const p = byId.get(r.id) ?? { id: r.id, name: r.name, roles: [], position: r.position, rank: r.rank, unitName: r.unitName };
    p.roles.push(r.role as Role);
    byId.set(r.id, p);
  }
  return [...byId.values()];
}

export async function getAgencyName(db: Db, tenantId: string, id: string): Promise<{ id: string; name: string; active: boolean } | null> {
  const [row] = await db.select({ id: agencies.id, name: agencies.name, active: agencies.active }).from(agencies).where(and(eq(agencies.tenantId, tenantId), eq(agencies.id, id)));
  return row ?? null;
}

export async function getUserName(db: Db, tenantId: string, id: string): Promise<string | null> {
  const [row] = await db.select({ name: users.fullName }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
  return row?.name ?? null;
}

/** People of an agency who should hear of a dossier (its desk officers, for a supplement request). */
export async function findAgencyPeople(db: Db, tenantId: string, agencyId: string, roles: Role[]): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.tenantId, tenantId), eq(users.agencyId, agencyId), eq(users.active, true), inArray(userRoles.role, roles)))
    .orderBy(asc(users.id));
  return rows.map((r) => r.id);
}

export async function insertSupplement(tx: Db, row: typeof dossierSupplements.$inferInsert) {
  await tx.insert(dossierSupplements).values(row);
}

/** The supplement request still waiting for the applicant, if any. */
export async function openSupplement(tx: Db, dossierId: string) {
  const [row] = await tx
    .select()
    .from(dossierSupplements)
    .where(and(eq(dossierSupplements.dossierId, dossierId), isNull(dossierSupplements.completedAt)))
    .orderBy(asc(dossierSupplements.requestedAt))
    .limit(1);
  return row ?? null;
}

export async function completeSupplement(tx: Db, id: string, values: { completedAt: Date; completedBy: string; note: string | null }) {
  await tx.update(dossierSupplements).set(values).where(eq(dossierSupplements.id, id));
}

export async function insertExtension(tx: Db, row: typeof dossierExtensions.$inferInsert) {
  await tx.insert(dossierExtensions).values(row);
}
