/**
 * Channel 2: a citizen submits on the public portal (status 1, no code yet); a desk must receive it or
 * refuse it within 8 working hours (An Giang, Nov 2025: "chậm tiếp nhận" is reported to the Government Office).
 */
import { newId } from '../../db/columns.js';
import { recordAudit } from '../../platform/audit/service.js';
import { requirePermission } from '../../platform/auth/permissions.js';
import { loadWorkCalendar } from '../../platform/calendar/service.js';
import type { AnonymousContext, ServiceContext } from '../../platform/context.js';
import { DomainError, notFound } from '../../platform/http/errors.js';
import { loadProcedureForIntake } from '../procedures/index.js';
import { appendDossierEvent } from './events.js';
import { type IntakeOptions, issueSlip, prepareIntake, receiptOf, receivingDesk, recordReceiptAndHandOn, statusAfterReceipt, sumFees, toDossierSummary } from './intake.js';
import type { SubmitOnlineDossierRequest } from './intake-schemas.js';
import * as repo from './intake-repo.js';
import { dossierSettings } from './settings.js';
import { DOSSIER_STATUS_LABELS, assertVersion } from './state-machine.js';
import type { DossierStatus } from './tables.js';
import { receiveDueAt } from './timing.js';
import { mailApplicant } from './applicant-mail.js';

/**
 * A dossier submitted online. Attachments were stored beforehand (the public route uploads them) and are
 * referenced by file id. Returns the dossier with its receive-by time. The acknowledgement e-mail is not
 * sent yet: the notify module only writes to users of the system (see the report).
 */
export async function submitOnlineDossier(ctx: AnonymousContext, tenantCode: string, input: SubmitOnlineDossierRequest, options: IntakeOptions = {}) {
  const now = options.now ?? new Date();
  const settings = options.settings ?? dossierSettings();
  return ctx.db.transaction(async (tx) => {
    const tenant = await repo.findTenantByCode(tx, tenantCode);
    if (!tenant) throw notFound('tỉnh, thành phố');
    const prepared = await prepareIntake(tx, tenant.id, input);
    const { procedure } = prepared;
    if (procedure.onlineService === 'none') throw new DomainError('BAD_REQUEST', `Thủ tục "${procedure.name}" chưa cung cấp dịch vụ công trực tuyến; vui lòng nộp trực tiếp hoặc qua bưu chính`);
    if (prepared.missing.length > 0) {
      throw new DomainError('DOSSIER_INCOMPLETE', `Còn thiếu: ${prepared.missing.join('; ')}`, { errors: prepared.missing.map((name) => ({ path: 'components', message: `Thiếu: ${name}` })), extra: { missing: prepared.missing } });
    }
    const calendar = await loadWorkCalendar(tx, tenant.id);
    const dueAt = receiveDueAt(calendar, now, settings.onlineReceiveHours);
    const id = newId();
    const a = input.applicant;
    const row = {
      id,
      tenantId: tenant.id,
      code: null,
      procedureId: procedure.id,
      procedureCode: procedure.code,
      procedureName: procedure.name,
      channel: 2 as const,
      status: 1 as const,
      formVersion: '2025' as const,
      applicantKind: a.kind,
      applicantName: a.name,
      applicantRepresentative: a.representative ?? null,
      applicantIdNumber: a.idNumber,
      applicantPhone: a.phone,
      applicantEmail: a.email ?? null,
      applicantAddress: a.address,
      applicantVerified: a.verified,
      deliveryMethod: input.deliveryMethod,
      handlingAgencyId: prepared.handlingAgencyId,
      submittedAt: now,
      receiveDueAt: dueAt,
      feesDue: sumFees(procedure),
      createdAt: now,
      updatedAt: now,
    };
    await repo.insertDossier(tx, row, prepared.components.map((c) => ({ ...c, dossierId: id })));
    await appendDossierEvent(tx, id, { kind: 'submitted', at: now, actorName: a.name, toStatus: 1, dueAt, note: input.note ?? null });
    await recordAudit(tx, { tenantId: tenant.id, actorName: a.name, action: 'dossier.submit_online', entityType: 'dossier', entityId: id, summary: `Nộp hồ sơ trực tuyến: ${procedure.name} — ${a.name}`, ip: ctx.ip ?? null, first: true });
    await mailApplicant(tx, { ...row, applicantEmail: row.applicantEmail }, { kind: 'submitted', reference: id, receiveDueAt: dueAt }, options.mail);
    return { ...toDossierSummary({ ...row, receivedAt: null, clockStartAt: null, appointmentAt: null }, now), submittedAt: now.toISOString(), procedureName: procedure.name };
  });
}

/** Only a new online dossier (status 1) can be received or refused. */
function assertNew(status: DossierStatus, action: string): void {
  if (status === 1) return;
  throw new DomainError('INVALID_STATE', `Không thể ${action} khi hồ sơ đang ở trạng thái "${DOSSIER_STATUS_LABELS[status]}"`, { extra: { dossierStatus: status } });
}

/** Receives an online dossier at the actor's desk: code, appointment, handed to the first processing step. */
export async function acceptOnlineDossier(ctx: ServiceContext, id: string, input: { counter?: string | undefined; assigneeId?: string | undefined; version?: number | undefined }, options: IntakeOptions = {}) {
  requirePermission(ctx.actor, 'dossier.receive');
  const now = options.now ?? new Date();
  const settings = options.settings ?? dossierSettings();
  return ctx.db.transaction(async (tx) => {
    const dossier = await repo.lockDossier(tx, ctx.actor.tenantId, id);
    if (!dossier) throw notFound('hồ sơ');
    assertVersion(dossier.version, input.version);
    assertNew(dossier.status, 'tiếp nhận');
    const desk = await receivingDesk(tx, ctx.actor);
    const procedure = await loadProcedureForIntake(tx, ctx.actor.tenantId, dossier.procedureId);
    if (!procedure) throw notFound('thủ tục hành chính');
    const calendar = await loadWorkCalendar(tx, ctx.actor.tenantId);
    const receipt = await receiptOf(tx, desk, procedure, calendar, now, { ...options, settings });
    const status = statusAfterReceipt(procedure);
    await repo.updateDossier(tx, id, {
      code: receipt.code,
      status,
      formVersion: receipt.formVersion,
      receivingAgencyId: desk.id,
      counter: input.counter ?? null,
      receivedBy: ctx.actor.userId,
      receivedAt: now,
      clockStartAt: receipt.clockStartAt,
      appointmentAt: receipt.appointmentAt,
      originalAppointmentAt: receipt.appointmentAt,
      updatedAt: now,
    });
    await recordReceiptAndHandOn(tx, { id, receivingAgencyId: desk.id, handlingAgencyId: dossier.handlingAgencyId, fromStatus: 1 }, procedure, receipt, ctx.actor, calendar, input.assigneeId, settings);
    await recordAudit(tx, {
      tenantId: ctx.actor.tenantId,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.fullName,
      action: 'dossier.accept_online',
      entityType: 'dossier',
      entityId: id,
      summary: `Tiếp nhận hồ sơ trực tuyến ${receipt.code}`,
      before: { status: 1 },
      after: { code: receipt.code, status, appointmentAt: receipt.appointmentAt.toISOString() },
      ip: ctx.ip ?? null,
    });
    await mailApplicant(tx, { ...dossier, code: receipt.code }, { kind: 'received', appointmentAt: receipt.appointmentAt }, options.mail);
    return {
      outcome: 'received' as const,
      dossier: toDossierSummary({ ...dossier, code: receipt.code, status, receivedAt: now, clockStartAt: receipt.clockStartAt, appointmentAt: receipt.appointmentAt }, now),
    };
  });
}

/** Refuses an online dossier (status 3) with the refusal slip (form 03) and its reasons. */
export async function refuseOnlineDossier(ctx: ServiceContext, id: string, input: { reasons: string[]; note?: string | undefined; version?: number | undefined }, options: IntakeOptions = {}) {
  requirePermission(ctx.actor, 'dossier.receive');
  const now = options.now ?? new Date();
  return ctx.db.transaction(async (tx) => {
    const dossier = await repo.lockDossier(tx, ctx.actor.tenantId, id);
    if (!dossier) throw notFound('hồ sơ');
    assertVersion(dossier.version, input.version);
    assertNew(dossier.status, 'từ chối tiếp nhận');
    const desk = await receivingDesk(tx, ctx.actor);
    const reason = input.reasons.join('; ');
    await repo.updateDossier(tx, id, { status: 3, receivingAgencyId: desk.id, endedAt: now, closingReason: reason, updatedAt: now });
    const slip = await issueSlip(
      tx,
      ctx,
      {
        kind: 'refusal',
        procedureId: dossier.procedureId,
        receivingAgencyId: desk.id,
        dossierId: id,
        applicant: { kind: dossier.applicantKind, name: dossier.applicantName, idNumber: dossier.applicantIdNumber, phone: dossier.applicantPhone, ...(dossier.applicantEmail ? { email: dossier.applicantEmail } : {}), address: dossier.applicantAddress },
        items: input.reasons,
        note: input.note ?? null,
      },
      now,
    );
    await appendDossierEvent(tx, id, { kind: 'refused', at: now, actorId: ctx.actor.userId, actorName: ctx.actor.fullName, fromStatus: 1, toStatus: 3, agencyId: desk.id, note: reason, data: { slipId: slip.id } });
    await recordAudit(tx, { tenantId: ctx.actor.tenantId, actorId: ctx.actor.userId, actorName: ctx.actor.fullName, action: 'dossier.refuse_online', entityType: 'dossier', entityId: id, summary: `Từ chối tiếp nhận hồ sơ trực tuyến: ${reason}`, before: { status: 1 }, after: { status: 3 }, ip: ctx.ip ?? null });
    await mailApplicant(tx, dossier, { kind: 'refused', reasons: input.reasons }, options.mail);
    return { outcome: 'refusal' as const, dossier: toDossierSummary({ ...dossier, status: 3 }, now), slip };
  });
}
