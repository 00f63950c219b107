/**
 * Dossier intake at a one-stop desk (a Center location or a commune): guidance slip, refusal slip, or the
 * dossier received with its code and appointment and handed to the first processing step — one transaction.
 */
import { newId } from '../../db/columns.js';
import type { Db } from '../../db/open.js';
import { recordAudit } from '../../platform/audit/service.js';
import { requirePermission, scopeOf, type Actor } from '../../platform/auth/permissions.js';
import type { WorkCalendar } from '../../platform/calendar/index.js';
import { loadWorkCalendar } from '../../platform/calendar/service.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError, type FieldIssue, forbidden, notFound } from '../../platform/http/errors.js';
import { loadProcedureForIntake, type ProcedureForIntake } from '../procedures/index.js';
import { CIRCULAR_01_2018_FORMAT, type DossierCodeFormat, issueDossierCode } from './code.js';
import { appendDossierEvent } from './events.js';
import type { ApplicantInput, ComponentInput, ReceiveDossierRequest } from './intake-schemas.js';
import * as repo from './intake-repo.js';
import { type DossierSettings, dossierSettings } from './settings.js';
import { enterStep, nextStep, stepDueAt, stepOutcome } from './steps.js';
import type { DossierStatus, IntakeSlipKind, SlipApplicant } from './tables.js';
import { appointmentAt, clockStartAt, formVersionAt } from './timing.js';
import type { MailSettings } from '../../platform/notify/index.js';
import { mailApplicant } from './applicant-mail.js';

export const COMMUNE_AGENCY_TYPES: readonly string[] = ['commune_committee', 'ward_committee', 'special_zone_committee'];
/** Decree 118/2025: any location of the Center and any commune's desk may receive any dossier of the province. */
export const RECEIVING_AGENCY_TYPES: readonly string[] = ['service_center', 'service_center_location', ...COMMUNE_AGENCY_TYPES];

export interface IntakeOptions {
  now?: Date;
  settings?: DossierSettings;
  codeFormat?: DossierCodeFormat;
  /** e-mail to the applicant when they gave an address (SMTP configured) */
  mail?: MailSettings;
}

/** The desk the actor receives at: their own agency, which must be a Center location or a commune. */
export async function receivingDesk(db: Db, actor: Actor): Promise<repo.AgencyRef> {
  const agency = await repo.getAgency(db, actor.tenantId, actor.agencyId);
  if (!agency || !RECEIVING_AGENCY_TYPES.includes(agency.type)) {
    throw forbidden('Chỉ Trung tâm Phục vụ hành chính công hoặc bộ phận một cửa của xã, phường, đặc khu mới tiếp nhận hồ sơ');
  }
  return agency;
}

export interface PreparedIntake {
  procedure: ProcedureForIntake;
  handlingAgencyId: string;
  components: Omit<repo.NewComponentRow, 'dossierId'>[];
  /** names of the required components not provided */
  missing: string[];
}

/** Checks the procedure, the handling agency and the components against the procedure's list. */
export async function prepareIntake(
  db: Db,
  tenantId: string,
  input: { procedureId: string; applicant: ApplicantInput; handlingAgencyId?: string | undefined; components: ComponentInput[] },
): Promise<PreparedIntake> {
  const procedure = await loadProcedureForIntake(db, tenantId, input.procedureId);
  if (!procedure) throw notFound('thủ tục hành chính');
  if (!procedure.active) throw new DomainError('BAD_REQUEST', `Thủ tục "${procedure.name}" đã bãi bỏ, không tiếp nhận hồ sơ mới`);
  const handlingAgencyId = await handlingAgencyOf(db, tenantId, procedure, input.handlingAgencyId);

  const byId = new Map(procedure.components.map((c) => [c.id, c]));
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  input.components.forEach((c, i) => {
    if (!byId.has(c.procedureComponentId)) issues.push({ path: `components.${i}.procedureComponentId`, message: 'Không thuộc thành phần hồ sơ của thủ tục' });
    else if (seen.has(c.procedureComponentId)) issues.push({ path: `components.${i}.procedureComponentId`, message: 'Thành phần bị khai trùng' });
    seen.add(c.procedureComponentId);
  });
  const fileIds = [...new Set(input.components.flatMap((c) => (c.fileId ? [c.fileId] : [])))];
  const known = await repo.tenantFileIds(db, tenantId, fileIds);
  input.components.forEach((c, i) => {
    if (c.fileId && !known.has(c.fileId)) issues.push({ path: `components.${i}.fileId`, message: 'Tệp không tồn tại' });
  });
  const reuseIds = [...new Set(input.components.flatMap((c) => (c.reusedFromDossierId ? [c.reusedFromDossierId] : [])))];
  const reusable = await repo.reusableByIds(db, tenantId, input.applicant.idNumber, reuseIds);
  input.components.forEach((c, i) => {
    if (c.reusedFromDossierId && !reusable.has(c.reusedFromDossierId)) {
      issues.push({ path: `components.${i}.reusedFromDossierId`, message: 'Không phải kết quả đã số hóa của hồ sơ trước của người nộp này' });
    }
  });
  if (issues.length > 0) throw new DomainError('VALIDATION_FAILED', issues.map((i) => i.message).join('; '), { errors: issues });

  const components = input.components.map((c) => {
    const pc = byId.get(c.procedureComponentId)!;
    const fileId = c.fileId ?? (c.reusedFromDossierId ? reusable.get(c.reusedFromDossierId)! : null);
    return {
      id: newId(),
      position: pc.position,
      procedureComponentId: pc.id,
      name: pc.name,
      form: pc.form,
      copies: c.copies ?? pc.copies,
      fileId,
      digitized: c.digitized ?? fileId !== null,
      reusedFromDossierId: c.reusedFromDossierId ?? null,
      fromCitizenStore: c.fromCitizenStore,
    };
  });
  const missing = procedure.components.filter((c) => c.required && !seen.has(c.id)).map((c) => c.name);
  return { procedure, handlingAgencyId, components, missing };
}

async function handlingAgencyOf(db: Db, tenantId: string, procedure: ProcedureForIntake, chosen: string | undefined): Promise<string> {
  if (procedure.level === 'province') {
    if (!procedure.competentAgencyId) throw new DomainError('BAD_REQUEST', `Thủ tục "${procedure.name}" chưa khai báo cơ quan giải quyết`);
    return procedure.competentAgencyId;
  }
  const issue = (message: string) => new DomainError('BAD_REQUEST', message, { errors: [{ path: 'handlingAgencyId', message }] });
  if (!chosen) throw issue('Thủ tục cấp xã: chọn xã, phường, đặc khu giải quyết hồ sơ');
  const agency = await repo.getAgency(db, tenantId, chosen);
  if (!agency || !agency.active || !COMMUNE_AGENCY_TYPES.includes(agency.type)) throw issue('Cơ quan giải quyết phải là một xã, phường, đặc khu của tỉnh');
  return agency.id;
}

export const sumFees = (procedure: ProcedureForIntake): number => procedure.fees.reduce((sum, f) => sum + Math.max(0, Math.round(f.amount)), 0);

/** The assignee chosen for the first processing step must be an active person of that step's agency. */
async function checkAssignee(db: Db, tenantId: string, assigneeId: string | undefined, agencyId: string): Promise<string | null> {
  if (!assigneeId) return null;
  const user = await repo.getUserRef(db, tenantId, assigneeId);
  if (!user || !user.active || user.agencyId !== agencyId) {
    throw new DomainError('BAD_REQUEST', 'Người nhận hồ sơ ở bước xử lý đầu tiên phải là cán bộ đang làm việc của cơ quan giải quyết', { errors: [{ path: 'assigneeId', message: 'Không hợp lệ' }] });
  }
  return user.id;
}

/** The reception step the receipt completes (when the process starts with one) and the step after it. */
export function processStart(procedure: Pick<ProcedureForIntake, 'steps'>) {
  const first = nextStep(procedure.steps, null);
  const reception = first?.role === 'reception' ? first : null;
  return { reception, next: reception ? nextStep(procedure.steps, reception.position) : first };
}

/** Received and handed on (4), or only received (2) when the process has no step after the reception. */
export const statusAfterReceipt = (procedure: Pick<ProcedureForIntake, 'steps'>): DossierStatus => (processStart(procedure).next ? 4 : 2);

export interface Receipt {
  code: string;
  status: DossierStatus;
  receivedAt: Date;
  clockStartAt: Date;
  appointmentAt: Date;
  formVersion: '2018' | '2025';
}

/** Code, clock start and appointment of a dossier received now by `desk`. */
export async function receiptOf(tx: Db, desk: repo.AgencyRef, procedure: ProcedureForIntake, calendar: WorkCalendar, now: Date, options: IntakeOptions): Promise<Omit<Receipt, 'status'>> {
  const settings = options.settings ?? dossierSettings();
  const code = await issueDossierCode(tx, desk, now, options.codeFormat ?? CIRCULAR_01_2018_FORMAT);
  const start = clockStartAt(calendar, now, settings.counterCutoff);
  return { code, receivedAt: now, clockStartAt: start, appointmentAt: appointmentAt(calendar, start, { value: procedure.timeLimit, unit: procedure.timeUnit }), formVersion: formVersionAt(now) };
}

/**
 * After the dossier row holds its receipt: the `received` event, then the hand-off to the first processing
 * step (the reception step, when the process starts with it, is done by this very receipt). Returns the status.
 */
export async function recordReceiptAndHandOn(
  tx: Db,
  dossier: { id: string; receivingAgencyId: string; handlingAgencyId: string; fromStatus: DossierStatus | null },
  procedure: ProcedureForIntake,
  receipt: Omit<Receipt, 'status'>,
  actor: Actor,
  calendar: WorkCalendar,
  assigneeId: string | undefined,
  settings: DossierSettings,
): Promise<DossierStatus> {
  const who = { id: actor.userId, name: actor.fullName };
  await appendDossierEvent(tx, dossier.id, {
    kind: 'received',
    at: receipt.receivedAt,
    actorId: who.id,
    actorName: who.name,
    fromStatus: dossier.fromStatus,
    toStatus: 2,
    agencyId: dossier.receivingAgencyId,
    dueAt: receipt.appointmentAt,
    data: { code: receipt.code, clockStartAt: receipt.clockStartAt.toISOString() },
  });
  const { reception, next } = processStart(procedure);
  if (!next) return 2;
  const receptionDue = reception && !reception.notCounted ? stepDueAt(calendar, receipt.clockStartAt, reception.budgetHours) : null;
  const nextAgency = next.role === 'reception' || next.role === 'return' ? dossier.receivingAgencyId : dossier.handlingAgencyId;
  await enterStep(tx, dossier, next, {
    assigneeId: await checkAssignee(tx, actor.tenantId, assigneeId, nextAgency),
    actor: who,
    at: receipt.receivedAt,
    clockFrom: receipt.clockStartAt,
    calendar,
    fromStatus: 2,
    toStatus: 4,
    finished: reception
      ? { step: reception.position, stepName: reception.name, dueAt: receptionDue, outcome: stepOutcome(receipt.receivedAt, receptionDue, settings.earlyRule) }
      : null,
  });
  return 4;
}

const slipApplicant = (a: ApplicantInput): SlipApplicant => ({ kind: a.kind, name: a.name, idNumber: a.idNumber, phone: a.phone, ...(a.email ? { email: a.email } : {}), address: a.address });

/** Writes a guidance (02) or refusal (03) slip and its audit entry. */
export async function issueSlip(
  tx: Db,
  ctx: ServiceContext,
  slip: { kind: IntakeSlipKind; procedureId: string; receivingAgencyId: string; dossierId: string | null; applicant: SlipApplicant; items: string[]; note: string | null },
  now: Date,
): Promise<{ id: string; kind: IntakeSlipKind }> {
  const id = newId();
  await repo.insertSlip(tx, { id, tenantId: ctx.actor.tenantId, ...slip, issuedBy: ctx.actor.userId, issuedAt: now });
  await recordAudit(tx, {
    tenantId: ctx.actor.tenantId,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.fullName,
    action: slip.kind === 'guidance' ? 'dossier.guidance_slip' : 'dossier.refusal_slip',
    entityType: 'dossier_intake_slip',
    entityId: id,
    summary: `${slip.kind === 'guidance' ? 'Phiếu hướng dẫn bổ sung, hoàn thiện hồ sơ' : 'Phiếu từ chối tiếp nhận hồ sơ'}: ${slip.applicant.name}`,
    after: { items: slip.items },
    ip: ctx.ip ?? null,
    first: true,
  });
  return { id, kind: slip.kind };
}

/** Receive at the counter (channel 1) or by post (channel 3), or answer with a guidance or refusal slip. */
export async function receiveDossier(ctx: ServiceContext, input: ReceiveDossierRequest, options: IntakeOptions = {}) {
  requirePermission(ctx.actor, 'dossier.receive');
  const now = options.now ?? new Date();
  const settings = options.settings ?? dossierSettings();
  return ctx.db.transaction(async (tx) => {
    const desk = await receivingDesk(tx, ctx.actor);
    const prepared = await prepareIntake(tx, ctx.actor.tenantId, input);
    const { procedure } = prepared;

    if (input.decision !== 'receive') {
      const items = input.decision === 'guidance' ? (input.items ?? prepared.missing) : (input.items ?? []);
      if (items.length === 0) {
        const message = input.decision === 'guidance' ? 'Nêu giấy tờ cần bổ sung, hoàn thiện' : 'Nêu lý do từ chối tiếp nhận';
        throw new DomainError('BAD_REQUEST', message, { errors: [{ path: 'items', message }] });
      }
      const slip = await issueSlip(tx, ctx, { kind: input.decision, procedureId: procedure.id, receivingAgencyId: desk.id, dossierId: null, applicant: slipApplicant(input.applicant), items, note: input.note ?? null }, now);
      return { outcome: input.decision, slip };
    }

    if (prepared.missing.length > 0) {
      throw new DomainError('DOSSIER_INCOMPLETE', `Còn thiếu: ${prepared.missing.join('; ')}`, {
        errors: prepared.missing.map((name) => ({ path: 'components', message: `Thiếu: ${name}` })),
        extra: { missing: prepared.missing },
      });
    }
    const calendar = await loadWorkCalendar(tx, ctx.actor.tenantId);
    const receipt = await receiptOf(tx, desk, procedure, calendar, now, { ...options, settings });
    const id = newId();
    const a = input.applicant;
    await repo.insertDossier(
      tx,
      {
        id,
        tenantId: ctx.actor.tenantId,
        code: receipt.code,
        procedureId: procedure.id,
        procedureCode: procedure.code,
        procedureName: procedure.name,
        channel: input.channel,
        status: statusAfterReceipt(procedure),
        formVersion: receipt.formVersion,
        applicantKind: a.kind,
        applicantName: a.name,
        applicantRepresentative: a.representative ?? null,
        applicantIdNumber: a.idNumber,
        applicantPhone: a.phone,
        applicantEmail: a.email ?? null,
        applicantAddress: a.address,
        applicantVerified: a.verified,
        deliveryMethod: input.deliveryMethod ?? (input.channel === 3 ? 'post' : 'counter'),
        receivingAgencyId: desk.id,
        counter: input.counter ?? null,
        receivedBy: ctx.actor.userId,
        handlingAgencyId: prepared.handlingAgencyId,
        submittedAt: now,
        receivedAt: now,
        clockStartAt: receipt.clockStartAt,
        appointmentAt: receipt.appointmentAt,
        originalAppointmentAt: receipt.appointmentAt,
        feesDue: sumFees(procedure),
        createdAt: now,
        updatedAt: now,
      },
      prepared.components.map((c) => ({ ...c, dossierId: id })),
    );
    const status = await recordReceiptAndHandOn(tx, { id, receivingAgencyId: desk.id, handlingAgencyId: prepared.handlingAgencyId, fromStatus: null }, procedure, receipt, ctx.actor, calendar, input.assigneeId, settings);
    await recordAudit(tx, {
      tenantId: ctx.actor.tenantId,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.fullName,
      action: 'dossier.receive',
      entityType: 'dossier',
      entityId: id,
      summary: `Tiếp nhận hồ sơ ${receipt.code}: ${procedure.name} — ${a.name}`,
      after: { code: receipt.code, status, appointmentAt: receipt.appointmentAt.toISOString() },
      ip: ctx.ip ?? null,
      first: true,
    });
    await mailApplicant(tx, { id, tenantId: ctx.actor.tenantId, code: receipt.code, procedureName: procedure.name, applicantName: a.name, applicantEmail: a.email ?? null }, { kind: 'received', appointmentAt: receipt.appointmentAt }, options.mail);
    return {
      outcome: 'received' as const,
      dossier: toDossierSummary({ id, code: receipt.code, status, receivedAt: now, clockStartAt: receipt.clockStartAt, appointmentAt: receipt.appointmentAt, receiveDueAt: null, feesDue: sumFees(procedure), formVersion: receipt.formVersion }, now),
    };
  });
}

type SummaryFields = Pick<repo.DossierRow, 'id' | 'code' | 'status' | 'receivedAt' | 'clockStartAt' | 'appointmentAt' | 'receiveDueAt' | 'feesDue' | 'formVersion'>;

/** An online dossier not received or answered within 8 working hours ("chậm tiếp nhận"). */
export const isLateToReceive = (d: Pick<repo.DossierRow, 'status' | 'receiveDueAt'>, now: Date): boolean => d.status === 1 && d.receiveDueAt !== null && now.getTime() > d.receiveDueAt.getTime();

export function toDossierSummary(d: SummaryFields, now: Date) {
  return {
    id: d.id,
    code: d.code,
    status: d.status,
    receivedAt: d.receivedAt?.toISOString() ?? null,
    clockStartAt: d.clockStartAt?.toISOString() ?? null,
    appointmentAt: d.appointmentAt?.toISOString() ?? null,
    receiveDueAt: d.receiveDueAt?.toISOString() ?? null,
    lateToReceive: isLateToReceive(d, now),
    feesDue: d.feesDue,
    formVersion: d.formVersion,
  };
}

/** Digitized results of the applicant's earlier dossiers, to reuse instead of asking for the paper again. */
export async function listReusableResults(ctx: ServiceContext, q: { idNumber: string; page: number; pageSize: number }) {
  if (!scopeOf(ctx.actor, 'dossier.receive')) requirePermission(ctx.actor, 'dossier.read');
  const { items, total } = await repo.listReusable(ctx.db, ctx.actor.tenantId, q.idNumber, q.page, q.pageSize);
  return {
    items: items.map((r) => ({ ...r, endedAt: r.endedAt?.toISOString() ?? null })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** A guidance or refusal slip, for printing: desks of the province, or the agency that issued it. */
export async function getIntakeSlip(ctx: ServiceContext, id: string) {
  const row = await repo.getSlip(ctx.db, ctx.actor.tenantId, id);
  const wide = scopeOf(ctx.actor, 'dossier.receive') === 'tenant' || scopeOf(ctx.actor, 'dossier.read') === 'tenant';
  const own = scopeOf(ctx.actor, 'dossier.read') !== null && row?.slip.receivingAgencyId === ctx.actor.agencyId;
  if (!wide && !scopeOf(ctx.actor, 'dossier.read')) throw forbidden();
  if (!row || (!wide && !own)) throw notFound('phiếu');
  const s = row.slip;
  return {
    id: s.id,
    kind: s.kind,
    procedure: { id: s.procedureId, code: row.procedureCode, name: row.procedureName },
    receivingAgency: { id: s.receivingAgencyId, name: row.agencyName },
    dossierId: s.dossierId,
    dossierCode: row.dossierCode,
    applicant: s.applicant,
    items: s.items,
    note: s.note,
    issuedBy: { id: s.issuedBy, name: row.issuerName },
    issuedAt: s.issuedAt.toISOString(),
  };
}
