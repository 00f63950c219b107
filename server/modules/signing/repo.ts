import { and, asc, desc, eq, gt, isNotNull, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { signingCertificates, trustAnchors, type TrustAnchorKind } from './tables.js';

export type CertificateRow = typeof signingCertificates.$inferSelect;
export type TrustAnchorRow = typeof trustAnchors.$inferSelect;

export async function insertCertificate(db: Db, values: typeof signingCertificates.$inferInsert) {
  await db.insert(signingCertificates).values(values);
}

export async function getCertificate(db: Db, tenantId: string, id: string): Promise<CertificateRow | null> {
  const [row] = await db.select().from(signingCertificates).where(and(eq(signingCertificates.tenantId, tenantId), eq(signingCertificates.id, id)));
  return row ?? null;
}

/** A person's own certificates, and their agency's when they keep its seal. */
export async function findCertificates(db: Db, tenantId: string, userId: string, sealOfAgencyId: string | null) {
  const mine = and(eq(signingCertificates.kind, 'personal'), eq(signingCertificates.userId, userId));
  const agency = sealOfAgencyId ? and(eq(signingCertificates.kind, 'organization'), eq(signingCertificates.agencyId, sealOfAgencyId), isNull(signingCertificates.userId)) : undefined;
  return db
    .select()
    .from(signingCertificates)
    .where(and(eq(signingCertificates.tenantId, tenantId), eq(signingCertificates.active, true), or(mine, agency)))
    .orderBy(asc(signingCertificates.kind), desc(signingCertificates.createdAt));
}

/** The agency's newest active, unexpired organization certificate the server may use unattended. */
export async function findUnattendedCertificate(db: Db, tenantId: string, agencyId: string, now: Date): Promise<CertificateRow | null> {
  const [row] = await db
    .select()
    .from(signingCertificates)
    .where(
      and(
        eq(signingCertificates.tenantId, tenantId),
        eq(signingCertificates.agencyId, agencyId),
        eq(signingCertificates.kind, 'organization'),
        eq(signingCertificates.active, true),
        isNotNull(signingCertificates.sealedUnattendedSecret),
        gt(signingCertificates.notAfter, now),
      ),
    )
    .orderBy(desc(signingCertificates.createdAt))
    .limit(1);
  return row ?? null;
}

export async function deactivateCertificate(db: Db, id: string) {
  await db.update(signingCertificates).set({ active: false }).where(eq(signingCertificates.id, id));
}

export async function insertTrustAnchor(db: Db, values: typeof trustAnchors.$inferInsert): Promise<boolean> {
  const rows = await db.insert(trustAnchors).values(values).onConflictDoNothing().returning({ id: trustAnchors.id });
  return rows.length > 0;
}

export async function findTrustAnchors(db: Db, tenantId: string, kind?: TrustAnchorKind) {
  return db
    .select()
    .from(trustAnchors)
    .where(and(eq(trustAnchors.tenantId, tenantId), kind ? eq(trustAnchors.kind, kind) : undefined))
    .orderBy(asc(trustAnchors.kind), asc(trustAnchors.name));
}

export async function deleteTrustAnchor(db: Db, tenantId: string, id: string): Promise<TrustAnchorRow | null> {
  const [row] = await db.delete(trustAnchors).where(and(eq(trustAnchors.tenantId, tenantId), eq(trustAnchors.id, id))).returning();
  return row ?? null;
}
