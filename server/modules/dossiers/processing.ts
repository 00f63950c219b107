/**
 * Processing of a received dossier (issue 6 items 5 and 6): step hand-offs along the procedure's internal
 * process, assignment, supplements (the clock stands still), the apology-and-extension letter, stopping,
 * withdrawal and the return of the result. Each use case locks the dossier row, checks the caller's version,
 * asks the policy and the state machine, then writes the change, its event and its audit entry in one
 * transaction.
 */
import type { z } from 'zod';
import { newId } from '../../db/columns.js';
import type { Db } from '../../db/open.js';
import { audit } from '../../platform/audit/service.js';
import { GRANTS, requirePermission, scopeOf, type Permission, type Role } from '../../platform/auth/permissions.js';
import { loadWorkCalendar } from '../../platform/calendar/service.js';
import type { ServiceContext } from '../../platform/context.js';
import { getFile } from '../../platform/files/service.js';
import { DomainError } from '../../platform/http/errors.js';
import { NO_EMAIL, notify, type MailSettings } from '../../platform/notify/index.js';
import { getDossierSummary, getSteps } from './detail-repo.js';
import { getDossier } from './detail.js';
import { appendDossierEvent } from './events.js';
import * as policy from './policy.js';
import * as repo from './processing-repo.js';
import type { AdvanceRequest, AssignRequest, CompleteSupplementRequest, ExtensionRequest, ReasonRequest, ResultRequest, SupplementRequest } from './processing-schemas.js';
import { dossierSettings } from './settings.js';
import { DOSSIER_STATUS_LABELS, assertTransition, assertVersion } from './state-machine.js';
import { agencyForStep, enterStep, nextStep, stepOutcome } from './steps.js';
import { toDossierSummary } from './queues.js';
import type { DossierStatus } from './tables.js';
import { dossierOutcome } from './timing.js';
import { mailApplicant } from './applicant-mail.js';

type In<T extends z.ZodType> = z.output<T>;

export const dossierNotFound = () => new DomainError('NOT_FOUND', 'Không tìm thấy hồ sơ hoặc bạn không có quyền xem');
const fieldError = (path: string, message: string) => new DomainError('BAD_REQUEST', message, { errors: [{ path, message }] });
const RECEIVING_ROLES = (Object.keys(GRANTS) as Role[]).filter((r) => GRANTS[r]['dossier.receive']);
const link = (id: string) => `/ho-so-mot-cua/${id}`;

/** The dossier locked, with its procedure's steps and the policy's view of it; 404 when the actor cannot read it. */
async function lockForChange(ctx: ServiceContext, tx: Db, id: string) {
  const d = await repo.lockDossier(tx, ctx.actor.tenantId, id);
  if (!d || !policy.canRead(ctx.actor, d)) throw dossierNotFound();
  const steps = await getSteps(tx, d.procedureId);
  const step = steps.find((s) => s.position === d.currentStep) ?? null;
  const next = nextStep(steps, d.currentStep);
  const parties: policy.DossierParties = { ...d, status: d.status, currentStepRole: step?.role ?? null, nextStepRole: next?.role ?? null };
  return { d, steps, step, next, parties };
}

function requireAny(ctx: ServiceContext, ...permissions: Permission[]) {
  if (!permissions.some((p) => scopeOf(ctx.actor, p) !== null)) throw new DomainError('FORBIDDEN');
}

function guard(allowed: boolean, message: string) {
  if (!allowed) throw new DomainError('FORBIDDEN', message);
}

/** The person named for a step at an agency: active, of that agency, holding dossier.process (400 otherwise). */
async function checkAssignee(ctx: ServiceContext, tx: Db, agencyId: string, assigneeId: string) {
  const [person] = await repo.findProcessors(tx, ctx.actor.tenantId, agencyId, policy.PROCESSING_ROLES, [assigneeId]);
  if (!person) {
    const agency = await repo.getAgencyName(tx, ctx.actor.tenantId, agencyId);
    throw fieldError('assigneeId', `Người nhận phải đang công tác tại ${agency?.name ?? 'cơ quan xử lý bước tiếp theo'} và có quyền xử lý hồ sơ`);
  }
  return person;
}

/**
 * The dossier as a queue shows it: what a step hand-off answers with. Hand-offs are the hot path (issue 6:
 * ≥ 1,000 a second), so they leave the whole page (getDossier) to the caller's next read.
 */
async function dossierSummary(ctx: ServiceContext, id: string, now: Date) {
  const row = await getDossierSummary(ctx.db, ctx.actor.tenantId, id);
  if (!row) throw dossierNotFound();
  return toDossierSummary(row, now);
}

const actorOf = (ctx: ServiceContext) => ({ id: ctx.actor.userId, name: ctx.actor.fullName });
const statusChange = (from: DossierStatus, to: DossierStatus) => (from === to ? `${DOSSIER_STATUS_LABELS[from]}` : `${DOSSIER_STATUS_LABELS[from]} → ${DOSSIER_STATUS_LABELS[to]}`);

/**
 * Finishes the current step and hands the dossier to the next one (issue 6 item 5): the finished step's
 * outcome against its due time goes on the control slip. Finishing the step before the return (the clerk's
 * issuance) ends processing: status 9, NgayKetThucXuLy and the dossier's outcome; it then waits at the
 * receiving desk's return step.
 */
export async function advanceDossierStep(ctx: ServiceContext, id: string, input: In<typeof AdvanceRequest>, now: Date = new Date(), mail: MailSettings = NO_EMAIL) {
  requirePermission(ctx.actor, 'dossier.process');
  const calendar = await loadWorkCalendar(ctx.db, ctx.actor.tenantId);
  const { earlyRule } = dossierSettings();
  await ctx.db.transaction(async (tx) => {
    const { d, step, next, parties } = await lockForChange(ctx, tx, id);
    // a stale copy first: in a race the loser is told to reload, whatever else changed
    assertVersion(d.version, input.version);
    guard(policy.holdsStep(ctx.actor, parties), 'Chỉ người được giao xử lý bước hiện tại (hoặc cơ quan đang giữ hồ sơ khi chưa phân công) được chuyển bước');
    if (step?.role === 'return') throw new DomainError('INVALID_STATE', 'Hồ sơ đang ở bước trả kết quả: hãy ghi nhận trả kết quả cho người nộp');
    const processed = !next || next.role === 'return';
    const to: DossierStatus = processed ? 9 : 4;
    assertTransition('advance', d.status, to);
    const targetAgency = next ? agencyForStep(next, d) : (d.receivingAgencyId ?? d.handlingAgencyId);
    const assignee = input.assigneeId ? await checkAssignee(ctx, tx, targetAgency, input.assigneeId) : null;
    const outcome = stepOutcome(now, d.currentStepDueAt, earlyRule);
    const finished = step ? { step: step.position, stepName: step.name, dueAt: d.currentStepDueAt, outcome } : null;
    const end = processed
      ? {
          processedAt: now,
          endedAt: now,
          outcome: dossierOutcome({ appointmentAt: d.originalAppointmentAt ?? d.appointmentAt ?? now, processedAt: now, pausedMs: d.pausedMs, supplementCount: d.supplementCount }, earlyRule),
        }
      : {};
    // without a return step the dossier still goes back to the desk that received it
    const noReturnStep = next ? {} : { currentStep: null, currentAgencyId: targetAgency, currentAssigneeId: assignee?.id ?? null, currentStepStartedAt: now, currentStepDueAt: null };
    // one UPDATE of the row per hand-off: the step, the status and the version together
    if (next) await enterStep(tx, d, next, { assigneeId: assignee?.id ?? null, actor: actorOf(ctx), at: now, calendar, finished, note: input.note ?? null, set: { status: to, ...end } });
    else await repo.updateDossier(tx, ctx.actor.tenantId, id, { status: to, ...end, ...noReturnStep }, now);
    if (processed) {
      await mailApplicant(tx, d, { kind: 'processed' }, mail);
      await appendDossierEvent(tx, id, { kind: 'processed', at: now, actorId: ctx.actor.userId, actorName: ctx.actor.fullName, fromStatus: d.status, toStatus: 9, outcome: end.outcome ?? null, note: input.note ?? null });
    }
    await audit(ctx, tx, {
      action: processed ? 'dossier.processed' : 'dossier.advanced',
      entityType: 'dossier',
      entityId: id,
      summary: `Hồ sơ ${d.code ?? ''}: xong bước "${step?.name ?? ''}"${next ? `, chuyển bước "${next.name}"` : ''}${assignee ? ` cho ${assignee.name}` : ''} (${statusChange(d.status, to)})`,
      before: { status: d.status, step: d.currentStep, assigneeId: d.currentAssigneeId },
      after: { status: to, step: next?.position ?? null, assigneeId: assignee?.id ?? null, stepOutcome: outcome, outcome: end.outcome ?? null },
    });
    if (assignee && assignee.id !== ctx.actor.userId) {
      await notify(tx, { tenantId: ctx.actor.tenantId, userIds: [assignee.id], kind: 'dossier.assigned', title: `Hồ sơ ${d.code ?? ''} chuyển đến bạn`, body: `${d.procedureName} – ${d.applicantName}. Bước: ${next?.name ?? 'trả kết quả'}.`, link: link(id), entityType: 'dossier', entityId: id, dedupeKey: `dossier.assigned:${id}:${next?.position ?? 'end'}:${d.version}` }, mail);
    }
  });
  return dossierSummary(ctx, id, now);
}

/** A leader of the current agency names the current step's assignee; a member may take it for themself. */
export async function assignDossier(ctx: ServiceContext, id: string, input: In<typeof AssignRequest>, now: Date = new Date(), mail: MailSettings = NO_EMAIL) {
  requirePermission(ctx.actor, 'dossier.process');
  await ctx.db.transaction(async (tx) => {
    const { d, step, parties } = await lockForChange(ctx, tx, id);
    assertVersion(d.version, input.version);
    guard(policy.canAssign(ctx.actor, parties, input.assigneeId), 'Chỉ lãnh đạo cơ quan đang giữ hồ sơ được phân công; cán bộ chỉ được tự nhận hồ sơ chưa phân công');
    assertTransition('assign', d.status);
    if (!d.currentAgencyId) throw new DomainError('INVALID_STATE', 'Hồ sơ chưa ở bước xử lý nào');
    const assignee = await checkAssignee(ctx, tx, d.currentAgencyId, input.assigneeId);
    await repo.updateDossier(tx, ctx.actor.tenantId, id, { currentAssigneeId: assignee.id }, now);
    // a hand-over inside the step: a row of the control slip, the step and its due time unchanged
    await appendDossierEvent(tx, id, { kind: 'handoff', at: now, actorId: ctx.actor.userId, actorName: ctx.actor.fullName, step: d.currentStep, stepName: step?.name ?? null, agencyId: d.currentAgencyId, assigneeId: assignee.id, dueAt: d.currentStepDueAt, note: input.note ?? null, data: { assignment: true, previousAssigneeId: d.currentAssigneeId } });
    await audit(ctx, tx, { action: 'dossier.assigned', entityType: 'dossier', entityId: id, summary: `Hồ sơ ${d.code ?? ''}: giao ${assignee.name} xử lý bước "${step?.name ?? ''}"`, before: { assigneeId: d.currentAssigneeId }, after: { assigneeId: assignee.id } });
    if (assignee.id !== ctx.actor.userId) {
      await notify(tx, { tenantId: ctx.actor.tenantId, userIds: [assignee.id], kind: 'dossier.assigned', title: `Hồ sơ ${d.code ?? ''} được giao cho bạn`, body: `${d.procedureName} – ${d.applicantName}. Bước: ${step?.name ?? ''}.`, link: link(id), entityType: 'dossier', entityId: id, dedupeKey: `dossier.assigned:${id}:${d.currentStep ?? 0}:${d.version}` }, mail);
    }
  });
  return getDossier(ctx, id, now);
}

/**
 * Yêu cầu bổ sung (form 02): the clock stops until the applicant brings the papers. A second request is
 * allowed, but the national index then counts the dossier as late — the response says so.
 */
export async function requestSupplement(ctx: ServiceContext, id: string, input: In<typeof SupplementRequest>, now: Date = new Date(), mail: MailSettings = NO_EMAIL) {
  requirePermission(ctx.actor, 'dossier.process');
  const warnings: string[] = [];
  await ctx.db.transaction(async (tx) => {
    const { d, parties } = await lockForChange(ctx, tx, id);
    assertVersion(d.version, input.version);
    guard(policy.canRequestSupplement(ctx.actor, parties), 'Chỉ người đang xử lý hồ sơ được yêu cầu bổ sung');
    assertTransition('request_supplement', d.status, 5);
    if (d.supplementCount >= 1) warnings.push(`Đây là lần yêu cầu bổ sung thứ ${d.supplementCount + 1}: theo Bộ chỉ số 766, hồ sơ yêu cầu bổ sung quá một lần được tính là quá hạn`);
    await repo.insertSupplement(tx, { id: newId(), dossierId: id, requestedAt: now, requestedBy: ctx.actor.userId, reason: input.reason, items: input.items });
    await repo.updateDossier(tx, ctx.actor.tenantId, id, { status: 5, pausedSince: now, supplementCount: d.supplementCount + 1 }, now);
    await appendDossierEvent(tx, id, { kind: 'supplement_requested', at: now, actorId: ctx.actor.userId, actorName: ctx.actor.fullName, fromStatus: d.status, toStatus: 5, step: d.currentStep, note: input.reason, data: { items: input.items, count: d.supplementCount + 1 } });
    await audit(ctx, tx, { action: 'dossier.supplement_requested', entityType: 'dossier', entityId: id, summary: `Hồ sơ ${d.code ?? ''}: yêu cầu bổ sung lần ${d.supplementCount + 1} – ${input.reason}`, before: { status: d.status }, after: { status: 5, items: input.items } });
    await mailApplicant(tx, d, { kind: 'supplement', reason: input.reason, items: input.items }, mail);
    if (d.receivingAgencyId) {
      const desk = await repo.findAgencyPeople(tx, ctx.actor.tenantId, d.receivingAgencyId, RECEIVING_ROLES);
      await notify(tx, { tenantId: ctx.actor.tenantId, userIds: desk, kind: 'dossier.supplement_requested', title: `Hồ sơ ${d.code ?? ''} cần bổ sung`, body: `${d.applicantName} (${d.applicantPhone}): ${input.items.join('; ')}. Lý do: ${input.reason}`, link: link(id), entityType: 'dossier', entityId: id, dedupeKey: `dossier.supplement:${id}:${d.supplementCount + 1}` }, mail);
    }
  });
  return { ...(await getDossier(ctx, id, now)), warnings };
}

/**
 * The applicant brought the papers: the paused time is added up, the dossier goes back to processing and the
 * current step's due time moves by the working hours it stood still.
 */
export async function completeSupplement(ctx: ServiceContext, id: string, input: In<typeof CompleteSupplementRequest>, now: Date = new Date(), mail: MailSettings = NO_EMAIL) {
  requireAny(ctx, 'dossier.receive', 'dossier.process');
  const calendar = await loadWorkCalendar(ctx.db, ctx.actor.tenantId);
  await ctx.db.transaction(async (tx) => {
    const { d, parties } = await lockForChange(ctx, tx, id);
    assertVersion(d.version, input.version);
    guard(policy.canCompleteSupplement(ctx.actor, parties), 'Chỉ bộ phận một cửa nơi tiếp nhận hoặc người đang xử lý hồ sơ được ghi nhận bổ sung');
    assertTransition('complete_supplement', d.status, 4);
    const since = d.pausedSince ?? now;
    const paused = Math.max(0, now.getTime() - since.getTime());
    const pausedHours = calendar.workingHoursBetween(since, now);
    const stepDue = d.currentStepDueAt ? calendar.addWorkingHours(d.currentStepDueAt, pausedHours) : null;
    const open = await repo.openSupplement(tx, id);
    if (open) await repo.completeSupplement(tx, open.id, { completedAt: now, completedBy: ctx.actor.userId, note: input.note ?? null });
    await repo.updateDossier(tx, ctx.actor.tenantId, id, { status: 4, pausedSince: null, pausedMs: d.pausedMs + paused, currentStepDueAt: stepDue }, now);
    await appendDossierEvent(tx, id, { kind: 'supplement_completed', at: now, actorId: ctx.actor.userId, actorName: ctx.actor.fullName, fromStatus: 5, toStatus: 4, step: d.currentStep, dueAt: stepDue, note: input.note ?? null, data: { pausedMs: paused, pausedWorkingHours: pausedHours } });
    await audit(ctx, tx, { action: 'dossier.supplement_completed', entityType: 'dossier', entityId: id, summary: `Hồ sơ ${d.code ?? ''}: đã bổ sung, tiếp tục xử lý (tạm dừng ${pausedHours} giờ làm việc)`, before: { status: 5, currentStepDueAt: d.currentStepDueAt?.toISOString() ?? null }, after: { status: 4, pausedMs: d.pausedMs + paused, currentStepDueAt: stepDue?.toISOString() ?? null } });
    if (d.currentAssigneeId && d.currentAssigneeId !== ctx.actor.userId) {
      await notify(tx, { tenantId: ctx.actor.tenantId, userIds: [d.currentAssigneeId], kind: 'dossier.supplement_completed', title: `Hồ sơ ${d.code ?? ''} đã được bổ sung`, body: `${d.procedureName} – ${d.applicantName}: tiếp tục xử lý.`, link: link(id), entityType: 'dossier', entityId: id, dedupeKey: `dossier.supplemented:${id}:${d.supplementCount}` }, mail);
    }
  });
  return getDossier(ctx, id, now);
}

/**
 * Văn bản xin lỗi và đề nghị gia hạn (form 04 of 2025): once, before the appointment passes, by a leader of
 * the handling agency or the current assignee. The appointment moves; the original stays, and the outcome
 * is still measured against it (the 766 index counts such a dossier as late, domain file §2.5).
 */
export async function extendDossier(ctx: ServiceContext, id: string, input: In<typeof ExtensionRequest>, now: Date = new Date(), mail: MailSettings = NO_EMAIL) {
  requirePermission(ctx.actor, 'dossier.process');
  await ctx.db.transaction(async (tx) => {
    const { d, parties } = await lockForChange(ctx, tx, id);
    assertVersion(d.version, input.version);
    guard(policy.canExtend(ctx.actor, parties), 'Chỉ lãnh đạo cơ quan giải quyết hoặc người đang xử lý hồ sơ được gửi văn bản xin lỗi, gia hạn');
    assertTransition('extend', d.status);
    if (d.extensionCount > 0) throw new DomainError('INVALID_STATE', 'Hồ sơ đã có văn bản xin lỗi và hẹn lại ngày trả kết quả; chỉ được hẹn lại một lần');
    if (!d.appointmentAt || d.appointmentAt <= now) throw new DomainError('INVALID_STATE', 'Đã quá thời hạn hẹn trả kết quả: văn bản xin lỗi và đề nghị gia hạn phải gửi trước khi hết hạn');
    const newAppointment = new Date(input.newAppointmentAt);
    if (newAppointment <= d.appointmentAt) throw fieldError('newAppointmentAt', 'Thời gian hẹn trả mới phải sau thời gian hẹn hiện tại');
    const fault = await repo.getAgencyName(tx, ctx.actor.tenantId, input.faultAgencyId);
    if (!fault) throw fieldError('faultAgencyId', 'Cơ quan gây chậm trễ không có trong danh mục');
    await repo.insertExtension(tx, { id: newId(), dossierId: id, issuedAt: now, issuedBy: ctx.actor.userId, reason: input.reason, faultAgencyId: fault.id, previousAppointmentAt: d.appointmentAt, newAppointmentAt: newAppointment });
    await repo.updateDossier(tx, ctx.actor.tenantId, id, { appointmentAt: newAppointment, originalAppointmentAt: d.originalAppointmentAt ?? d.appointmentAt, extensionCount: d.extensionCount + 1, faultAgencyId: fault.id }, now);
    await appendDossierEvent(tx, id, { kind: 'extended', at: now, actorId: ctx.actor.userId, actorName: ctx.actor.fullName, step: d.currentStep, agencyId: fault.id, note: input.reason, data: { previousAppointmentAt: d.appointmentAt.toISOString(), newAppointmentAt: newAppointment.toISOString(), faultAgencyId: fault.id, faultAgencyName: fault.name } });
    await mailApplicant(tx, d, { kind: 'extended', reason: input.reason, appointmentAt: newAppointment }, mail);
    await audit(ctx, tx, { action: 'dossier.extended', entityType: 'dossier', entityId: id, summary: `Hồ sơ ${d.code ?? ''}: xin lỗi và hẹn lại, lỗi tại ${fault.name} – ${input.reason}`, before: { appointmentAt: d.appointmentAt.toISOString() }, after: { appointmentAt: newAppointment.toISOString(), faultAgencyId: fault.id } });
  });
  return getDossier(ctx, id, now);
}

/** Ends a dossier that will not be processed further: stopped (8, form 05) or withdrawn by the applicant (7). */
async function closeDossier(ctx: ServiceContext, id: string, input: In<typeof ReasonRequest>, to: 7 | 8, now: Date) {
  const { earlyRule } = dossierSettings();
  await ctx.db.transaction(async (tx) => {
    const { d, parties } = await lockForChange(ctx, tx, id);
    assertVersion(d.version, input.version);
    if (to === 8) guard(policy.canStop(ctx.actor, parties), 'Chỉ lãnh đạo cơ quan giải quyết được dừng giải quyết hồ sơ');
    else guard(policy.canWithdraw(ctx.actor, parties), 'Chỉ bộ phận một cửa nơi tiếp nhận được ghi nhận yêu cầu rút hồ sơ');
    assertTransition(to === 8 ? 'stop' : 'withdraw', d.status, to);
    // a dossier stopped while waiting for the applicant: the wait until now is not counted either
    const pausedMs = d.pausedMs + (d.pausedSince ? Math.max(0, now.getTime() - d.pausedSince.getTime()) : 0);
    const appointment = d.originalAppointmentAt ?? d.appointmentAt;
    const outcome = appointment ? dossierOutcome({ appointmentAt: appointment, closedAt: now, pausedMs, supplementCount: d.supplementCount }, earlyRule) : null;
    await repo.updateDossier(tx, ctx.actor.tenantId, id, { status: to, endedAt: now, closingReason: input.reason, pausedMs, pausedSince: null, outcome }, now);
    await appendDossierEvent(tx, id, { kind: to === 8 ? 'stopped' : 'withdrawn', at: now, actorId: ctx.actor.userId, actorName: ctx.actor.fullName, fromStatus: d.status, toStatus: to, step: d.currentStep, outcome, note: input.reason });
    await audit(ctx, tx, { action: to === 8 ? 'dossier.stopped' : 'dossier.withdrawn', entityType: 'dossier', entityId: id, summary: `Hồ sơ ${d.code ?? ''}: ${DOSSIER_STATUS_LABELS[to].toLowerCase()} – ${input.reason}`, before: { status: d.status }, after: { status: to, reason: input.reason } });
  });
  return getDossier(ctx, id, now);
}

/** Thông báo dừng giải quyết hồ sơ (form 05 of 2025), by a leader of the handling agency. */
export function stopDossier(ctx: ServiceContext, id: string, input: In<typeof ReasonRequest>, now: Date = new Date()) {
  requirePermission(ctx.actor, 'dossier.process');
  return closeDossier(ctx, id, input, 8, now);
}

/** The applicant asks to withdraw the dossier; the one-stop officer records it. */
export function withdrawDossier(ctx: ServiceContext, id: string, input: In<typeof ReasonRequest>, now: Date = new Date()) {
  requirePermission(ctx.actor, 'dossier.receive');
  return closeDossier(ctx, id, input, 7, now);
}

/**
 * Trả kết quả at the desk, only once processing has ended (9) and the dossier waits at the return step. The
 * outcome is not recomputed: the end of processing is "processed", not "returned".
 */
export async function returnDossierResult(ctx: ServiceContext, id: string, input: In<typeof ResultRequest>, now: Date = new Date()) {
  requirePermission(ctx.actor, 'dossier.receive');
  await ctx.db.transaction(async (tx) => {
    const { d, parties } = await lockForChange(ctx, tx, id);
    assertVersion(d.version, input.version);
    guard(policy.canReturnResult(ctx.actor, parties), 'Chỉ bộ phận một cửa nơi tiếp nhận hồ sơ được trả kết quả');
    if (d.status !== 9) throw new DomainError('INVALID_STATE', `Chưa thể trả kết quả: hồ sơ chưa đến bước trả kết quả (đang ở trạng thái "${DOSSIER_STATUS_LABELS[d.status]}")`);
    assertTransition('return_result', d.status, 10);
    if (input.resultFileId && !(await getFile(tx, ctx.actor.tenantId, input.resultFileId))) throw fieldError('resultFileId', 'Không tìm thấy tệp kết quả; hãy tải tệp lên trước');
    await repo.updateDossier(
      tx,
      ctx.actor.tenantId,
      id,
      { status: 10, returnedAt: now, resultSummary: input.resultSummary, resultFileId: input.resultFileId ?? null, resultElectronic: input.resultElectronic, resultDigitized: input.resultDigitized },
      now,
    );
    await appendDossierEvent(tx, id, { kind: 'returned', at: now, actorId: ctx.actor.userId, actorName: ctx.actor.fullName, fromStatus: 9, toStatus: 10, step: d.currentStep, agencyId: d.currentAgencyId, note: input.resultSummary, data: { resultFileId: input.resultFileId ?? null, electronic: input.resultElectronic, digitized: input.resultDigitized } });
    await audit(ctx, tx, { action: 'dossier.returned', entityType: 'dossier', entityId: id, summary: `Hồ sơ ${d.code ?? ''}: đã trả kết quả – ${input.resultSummary}`, before: { status: 9 }, after: { status: 10, resultFileId: input.resultFileId ?? null } });
  });
  return getDossier(ctx, id, now);
}
