import type { z } from 'zod';
import { scopeOf, requirePermission } from '../../platform/auth/permissions.js';
import { recordAudit } from '../../platform/audit/service.js';
import type { AnonymousContext, ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import { appendDossierEvent } from './events.js';
import { findDossierForCitizen } from './lookup.js';
import { newPaymentReference, PAID_ONLINE_FLAG, type OnlinePaymentChannel, type PaymentCallback, type PaymentGateway } from './payment-gateway.js';
import type { ConfirmOnlinePaymentRequest, RecordPaymentRequest, StartOnlinePaymentRequest } from './payment-schemas.js';
import * as repo from './payments-repo.js';
import type { DossierStatus } from './tables.js';

/** Fees are paid on a dossier that is received and not closed without a result (refused, withdrawn, stopped). */
const PAYABLE: readonly DossierStatus[] = [2, 4, 5, 6, 9, 10];
const GATEWAY_NAMES: Record<OnlinePaymentChannel, string> = { national_platform: 'Nền tảng thanh toán trên Cổng Dịch vụ công quốc gia', provincial_gateway: 'Cổng thanh toán trực tuyến của tỉnh' };

const notFoundDossier = () => new DomainError('NOT_FOUND', 'Không tìm thấy hồ sơ');

const mapPayment = (p: repo.PaymentRow) => ({
  id: p.id,
  kind: p.kind,
  name: p.name,
  amount: p.amount,
  channel: p.channel,
  state: p.state,
  providerRef: p.providerRef,
  paidAt: p.paidAt ? p.paidAt.toISOString() : null,
  createdAt: p.createdAt.toISOString(),
});

const feesOf = (d: { id: string; feesDue: number; feesPaid: number; paidOnline: number }, payments: repo.PaymentRow[]) => ({
  dossierId: d.id,
  feesDue: d.feesDue,
  feesPaid: d.feesPaid,
  outstanding: Math.max(0, d.feesDue - d.feesPaid),
  paidOnline: d.paidOnline,
  payments: payments.map(mapPayment),
});

/** Who reads a dossier's fees: the whole province with a tenant-wide grant, else its handling, receiving or current agency. */
function canRead(ctx: ServiceContext, d: repo.DossierFees): boolean {
  const scope = scopeOf(ctx.actor, 'dossier.read');
  if (scope === 'tenant') return true;
  if (!scope) return false;
  return [d.handlingAgencyId, d.receivingAgencyId, d.currentAgencyId].includes(ctx.actor.agencyId);
}

/** The fees due and paid of a dossier, and each payment (counter and online). */
export async function listDossierPayments(ctx: ServiceContext, dossierId: string) {
  requirePermission(ctx.actor, 'dossier.read');
  const d = await repo.dossierFees(ctx.db, ctx.actor.tenantId, dossierId);
  if (!d) throw notFoundDossier();
  if (!canRead(ctx, d)) throw new DomainError('FORBIDDEN', 'Hồ sơ không thuộc cơ quan của bạn');
  return feesOf(d, await repo.paymentsOf(ctx.db, d.id));
}

/**
 * A fee or charge paid in cash at the counter, recorded by a one-stop officer of the desk that received the
 * dossier. The amount cannot exceed what is still due; the dossier's log and the audit get an entry.
 */
export async function recordDossierPayment(ctx: ServiceContext, dossierId: string, input: z.output<typeof RecordPaymentRequest>, now = new Date()) {
  requirePermission(ctx.actor, 'dossier.receive');
  return ctx.db.transaction(async (tx) => {
    const d = await repo.dossierFees(tx, ctx.actor.tenantId, dossierId, { lock: true });
    if (!d) throw notFoundDossier();
    if (d.receivingAgencyId !== ctx.actor.agencyId) throw new DomainError('FORBIDDEN', 'Chỉ bộ phận một cửa đã tiếp nhận hồ sơ mới thu phí, lệ phí của hồ sơ');
    if (!PAYABLE.includes(d.status as DossierStatus)) throw new DomainError('INVALID_STATE', 'Hồ sơ chưa được tiếp nhận hoặc đã kết thúc không có kết quả, không thu phí, lệ phí');
    const outstanding = d.feesDue - d.feesPaid;
    if (outstanding <= 0) throw new DomainError('NOTHING_TO_PAY');
    if (input.amount > outstanding) throw new DomainError('OVERPAYMENT', `Hồ sơ còn phải nộp ${outstanding.toLocaleString('vi-VN')} đồng`, { errors: [{ path: 'amount', message: 'Vượt quá số còn phải nộp' }] });
    const payment = await repo.insertPayment(tx, { dossierId: d.id, kind: input.kind, name: input.name, amount: input.amount, channel: 'cash', state: 'paid', paidAt: now });
    const after = await repo.addPaid(tx, d.id, input.amount, null, now);
    await appendDossierEvent(tx, d.id, { kind: 'payment', at: now, actorId: ctx.actor.userId, actorName: ctx.actor.fullName, note: `${input.name}: ${input.amount.toLocaleString('vi-VN')} đồng (tiền mặt)`, data: { paymentId: payment.id, channel: 'cash', amount: input.amount } });
    await recordAudit(tx, {
      tenantId: ctx.actor.tenantId,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.fullName,
      ip: ctx.ip ?? null,
      action: 'dossier.payment',
      entityType: 'dossier',
      entityId: d.id,
      summary: `Thu ${input.amount} đồng tiền mặt: ${input.name}`,
      before: { feesPaid: d.feesPaid },
      after: { feesPaid: after.feesPaid, paymentId: payment.id },
    });
    const fees = feesOf({ ...d, ...after }, await repo.paymentsOf(tx, d.id));
    return { payment: mapPayment(payment), fees };
  });
}

/**
 * A citizen starts paying a dossier's outstanding fees online (no login: the dossier code and the applicant's
 * phone or ID number). A pending payment of the same amount on the same channel is reused rather than doubled.
 */
export async function startOnlinePayment(ctx: AnonymousContext, tenantCode: string, input: z.output<typeof StartOnlinePaymentRequest>, gateways: (channel: OnlinePaymentChannel) => PaymentGateway, returnUrl: string) {
  return ctx.db.transaction(async (tx) => {
    const { tenant, dossier } = await findDossierForCitizen(tx, tenantCode, input.code, input.contact, { lock: true });
    if (!PAYABLE.includes(dossier.status as DossierStatus)) throw new DomainError('INVALID_STATE', 'Hồ sơ chưa được tiếp nhận hoặc đã kết thúc, không thanh toán được');
    const amount = dossier.feesDue - dossier.feesPaid;
    if (amount <= 0) throw new DomainError('NOTHING_TO_PAY');
    const gateway = gateways(input.channel);
    let payment = await repo.pendingPayment(tx, dossier.id, input.channel, amount);
    if (!payment) {
      payment = await repo.insertPayment(tx, { dossierId: dossier.id, kind: 'fee', name: `Phí, lệ phí hồ sơ ${dossier.code ?? ''}`.trim(), amount, channel: input.channel, state: 'pending', providerRef: newPaymentReference(input.channel) });
      await recordAudit(tx, { tenantId: tenant.id, actorName: dossier.applicantName, ip: ctx.ip ?? null, action: 'dossier.payment_started', entityType: 'dossier', entityId: dossier.id, summary: `Bắt đầu thanh toán trực tuyến ${amount} đồng qua ${GATEWAY_NAMES[input.channel]}`, after: { paymentId: payment.id, reference: payment.providerRef } });
    }
    const { paymentUrl } = gateway.start({ reference: payment.providerRef!, amount, description: `Thanh toan ho so ${dossier.code ?? ''}`.trim(), returnUrl });
    return { reference: payment.providerRef!, amount, channel: input.channel, state: payment.state, paymentUrl };
  });
}

/**
 * The gateway's callback. The signature is checked before anything is read; a payment already confirmed is
 * answered again unchanged (providers repeat callbacks); an amount that differs from the pending payment or
 * exceeds what the dossier still owes is refused and nothing changes.
 */
export async function confirmOnlinePayment(ctx: AnonymousContext, channel: OnlinePaymentChannel, input: z.output<typeof ConfirmOnlinePaymentRequest>, gateway: PaymentGateway, now = new Date()) {
  const callback: PaymentCallback = { reference: input.reference, transactionId: input.transactionId, amount: input.amount, status: input.status };
  if (!gateway.verify(callback, input.signature)) throw new DomainError('PAYMENT_SIGNATURE_INVALID');
  return ctx.db.transaction(async (tx) => {
    const found = await repo.paymentByReference(tx, channel, input.reference);
    if (!found) throw new DomainError('NOT_FOUND', 'Không tìm thấy giao dịch thanh toán với mã này');
    const d = (await repo.dossierFees(tx, found.tenantId, found.dossierId, { lock: true }))!;
    const answer = (state: repo.PaymentRow['state'], feesPaid: number) => ({ reference: input.reference, state, dossierCode: d.code, feesPaid, outstanding: Math.max(0, d.feesDue - feesPaid) });
    // read again under the dossier's lock: a repeated callback racing the first sees its result
    const payment = (await repo.paymentByReference(tx, channel, input.reference))!;
    if (payment.state === 'paid' && input.status === 'paid' && payment.amount === input.amount) return answer('paid', d.feesPaid);
    if (payment.state !== 'pending') throw new DomainError('INVALID_STATE', 'Giao dịch này đã kết thúc');
    if (input.amount !== payment.amount) throw new DomainError('BAD_REQUEST', 'Số tiền không khớp với giao dịch đã tạo', { errors: [{ path: 'amount', message: `Phải là ${payment.amount}` }] });
    const audit = { tenantId: found.tenantId, actorName: GATEWAY_NAMES[channel], ip: ctx.ip ?? null, entityType: 'dossier', entityId: d.id };
    if (input.status === 'failed') {
      await repo.setPaymentState(tx, payment.id, 'failed', null);
      await recordAudit(tx, { ...audit, action: 'dossier.payment_failed', summary: `Thanh toán trực tuyến không thành công (${input.transactionId})`, after: { paymentId: payment.id } });
      return answer('failed', d.feesPaid);
    }
    if (d.feesPaid + input.amount > d.feesDue) throw new DomainError('OVERPAYMENT', `Hồ sơ còn phải nộp ${Math.max(0, d.feesDue - d.feesPaid).toLocaleString('vi-VN')} đồng`);
    await repo.setPaymentState(tx, payment.id, 'paid', now);
    const after = await repo.addPaid(tx, d.id, input.amount, PAID_ONLINE_FLAG[channel], now);
    await appendDossierEvent(tx, d.id, { kind: 'payment', at: now, actorName: GATEWAY_NAMES[channel], note: `Thanh toán trực tuyến ${input.amount.toLocaleString('vi-VN')} đồng`, data: { paymentId: payment.id, channel, amount: input.amount, transactionId: input.transactionId } });
    await recordAudit(tx, { ...audit, action: 'dossier.payment', summary: `Thanh toán trực tuyến ${input.amount} đồng (${input.transactionId})`, before: { feesPaid: d.feesPaid }, after: { feesPaid: after.feesPaid, paymentId: payment.id } });
    return answer('paid', after.feesPaid);
  });
}
