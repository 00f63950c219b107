import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { dossierPayments, dossiers, type PaymentChannel } from './tables.js';

export type PaymentRow = typeof dossierPayments.$inferSelect;

const feeColumns = {
  id: dossiers.id,
  tenantId: dossiers.tenantId,
  code: dossiers.code,
  status: dossiers.status,
  handlingAgencyId: dossiers.handlingAgencyId,
  receivingAgencyId: dossiers.receivingAgencyId,
  currentAgencyId: dossiers.currentAgencyId,
  feesDue: dossiers.feesDue,
  feesPaid: dossiers.feesPaid,
  paidOnline: dossiers.paidOnline,
};
export type DossierFees = { id: string; tenantId: string; code: string | null; status: number; handlingAgencyId: string; receivingAgencyId: string | null; currentAgencyId: string | null; feesDue: number; feesPaid: number; paidOnline: number };

/** The tenant's dossier with its fees; locked for the rest of the transaction when asked. */
export async function dossierFees(db: Db, tenantId: string, id: string, opts: { lock?: boolean } = {}): Promise<DossierFees | null> {
  const query = db.select(feeColumns).from(dossiers).where(and(eq(dossiers.tenantId, tenantId), eq(dossiers.id, id)));
  const [row] = opts.lock ? await query.for('update') : await query;
  return row ?? null;
}

/** The dossier's payments, oldest first. */
export function paymentsOf(db: Db, dossierId: string): Promise<PaymentRow[]> {
  return db.select().from(dossierPayments).where(eq(dossierPayments.dossierId, dossierId)).orderBy(asc(dossierPayments.createdAt), asc(dossierPayments.id));
}

export async function insertPayment(tx: Db, values: typeof dossierPayments.$inferInsert): Promise<PaymentRow> {
  const [row] = await tx.insert(dossierPayments).values(values).returning();
  return row!;
}

/** Adds a paid amount to the dossier; an online payment also sets its DuocThanhToanTrucTuyen flag. */
export async function addPaid(tx: Db, dossierId: string, amount: number, paidOnline: 1 | 2 | null, at: Date): Promise<{ feesPaid: number; feesDue: number }> {
  const [row] = await tx
    .update(dossiers)
    .set({ feesPaid: sql`${dossiers.feesPaid} + ${amount}`, ...(paidOnline ? { paidOnline } : {}), updatedAt: at })
    .where(eq(dossiers.id, dossierId))
    .returning({ feesPaid: dossiers.feesPaid, feesDue: dossiers.feesDue });
  return row!;
}

/** A payment by its provider reference on a channel (the unique index answers it), with its dossier's tenant. */
export async function paymentByReference(db: Db, channel: PaymentChannel, reference: string): Promise<(PaymentRow & { tenantId: string }) | null> {
  const [row] = await db
    .select({ payment: dossierPayments, tenantId: dossiers.tenantId })
    .from(dossierPayments)
    .innerJoin(dossiers, eq(dossiers.id, dossierPayments.dossierId))
    .where(and(eq(dossierPayments.channel, channel), eq(dossierPayments.providerRef, reference)));
  return row ? { ...row.payment, tenantId: row.tenantId } : null;
}

/** A pending online payment of the dossier on a channel for this amount (started before and not finished). */
export async function pendingPayment(db: Db, dossierId: string, channel: PaymentChannel, amount: number): Promise<PaymentRow | null> {
  const [row] = await db
    .select()
    .from(dossierPayments)
    .where(and(eq(dossierPayments.dossierId, dossierId), eq(dossierPayments.channel, channel), eq(dossierPayments.state, 'pending'), eq(dossierPayments.amount, amount)))
    .orderBy(asc(dossierPayments.createdAt))
    .limit(1);
  return row ?? null;
}

export async function setPaymentState(tx: Db, id: string, state: 'paid' | 'failed', paidAt: Date | null): Promise<PaymentRow> {
  const [row] = await tx.update(dossierPayments).set({ state, paidAt }).where(eq(dossierPayments.id, id)).returning();
  return row!;
}
