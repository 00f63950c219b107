import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { agencies, tenants } from '../org/tables.js';
import { dossierEvents, dossierExtensions, dossierRatings, dossiers, dossierSupplements } from './tables.js';

export type TenantRow = typeof tenants.$inferSelect;
export type PublicDossierRow = typeof dossiers.$inferSelect;

export async function tenantByCode(db: Db, code: string): Promise<TenantRow | null> {
  const [row] = await db.select().from(tenants).where(eq(tenants.code, code));
  return row ?? null;
}

/** The tenant's dossier by its code (the unique index (tenant_id, code) answers it), locked when asked. */
export async function dossierByCode(db: Db, tenantId: string, code: string, opts: { lock?: boolean } = {}): Promise<PublicDossierRow | null> {
  const query = db.select().from(dossiers).where(and(eq(dossiers.tenantId, tenantId), eq(dossiers.code, code)));
  const [row] = opts.lock ? await query.for('update') : await query;
  return row ?? null;
}

/** The same by id: an online dossier before it has a code is followed by its submission reference. */
export async function dossierById(db: Db, tenantId: string, id: string, opts: { lock?: boolean } = {}): Promise<PublicDossierRow | null> {
  const query = db.select().from(dossiers).where(and(eq(dossiers.tenantId, tenantId), eq(dossiers.id, id)));
  const [row] = opts.lock ? await query.for('update') : await query;
  return row ?? null;
}

/** What the citizen's timeline is made of: status changes and hand-offs (only agencies and times are read). */
export async function eventsOf(db: Db, dossierId: string) {
  return db
    .select({ seq: dossierEvents.seq, kind: dossierEvents.kind, at: dossierEvents.at, fromStatus: dossierEvents.fromStatus, toStatus: dossierEvents.toStatus, agencyId: dossierEvents.agencyId })
    .from(dossierEvents)
    .where(eq(dossierEvents.dossierId, dossierId))
    .orderBy(asc(dossierEvents.seq));
}

export async function supplementsOf(db: Db, dossierId: string) {
  return db
    .select({ requestedAt: dossierSupplements.requestedAt, items: dossierSupplements.items, completedAt: dossierSupplements.completedAt })
    .from(dossierSupplements)
    .where(eq(dossierSupplements.dossierId, dossierId))
    .orderBy(asc(dossierSupplements.requestedAt));
}

export async function extensionsOf(db: Db, dossierId: string) {
  return db
    .select({ issuedAt: dossierExtensions.issuedAt, newAppointmentAt: dossierExtensions.newAppointmentAt, reason: dossierExtensions.reason })
    .from(dossierExtensions)
    .where(eq(dossierExtensions.dossierId, dossierId))
    .orderBy(asc(dossierExtensions.issuedAt));
}

export async function agencyNames(db: Db, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(and(eq(agencies.tenantId, tenantId), inArray(agencies.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function ratingOf(db: Db, dossierId: string) {
  const [row] = await db.select().from(dossierRatings).where(eq(dossierRatings.dossierId, dossierId));
  return row ?? null;
}

export async function insertRating(tx: Db, values: typeof dossierRatings.$inferInsert) {
  await tx.insert(dossierRatings).values(values);
}

/** The active agencies of the given types a citizen may name (departments, the Center, communes), in the seeded order. */
export async function publicAgencies(db: Db, tenantId: string, types: readonly string[]) {
  return db
    .select({ id: agencies.id, name: agencies.name, type: agencies.type })
    .from(agencies)
    .where(and(eq(agencies.tenantId, tenantId), eq(agencies.active, true), inArray(agencies.type, [...types])))
    .orderBy(asc(agencies.sortOrder), asc(agencies.name), asc(agencies.id));
}
