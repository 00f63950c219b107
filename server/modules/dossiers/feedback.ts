import { audit, recordAudit } from '../../platform/audit/service.js';
import { requirePermission, type Actor } from '../../platform/auth/permissions.js';
import { formatVnDate, loadWorkCalendar } from '../../platform/calendar/service.js';
import { vietnamDate, type WorkCalendar } from '../../platform/calendar/index.js';
import type { AnonymousContext, ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import { NO_EMAIL, queueEmail, type MailSettings } from '../../platform/notify/index.js';
import { loadProcedureForIntake } from '../procedures/index.js';
import { canTransition, feedbackDueAt, FEEDBACK_LIMIT_DAYS, FEEDBACK_TRANSITIONS, infoWaitMinutes, isOnTime, overdueStartCutoff, pendingDeadline, type FeedbackAction, type TimedFeedbackAction } from './feedback-deadlines.js';
import * as repo from './feedback-repo.js';
import { normalizePhone } from './lookup.js';
import { dossierByCode, tenantByCode } from './public-repo.js';
import type { FeedbackKind, FeedbackState } from './tables.js';

export const FEEDBACK_STATE_LABELS: Readonly<Record<FeedbackState, string>> = {
  received: 'Đã tiếp nhận, đang xử lý',
  refused: 'Từ chối xử lý',
  more_info: 'Chờ người gửi bổ sung thông tin',
  resolved: 'Đã giải quyết',
  published: 'Đã công khai kết quả',
};

const ACTION_LABELS: Readonly<Record<FeedbackAction, string>> = {
  refuse: 'từ chối',
  request_info: 'đề nghị bổ sung thông tin',
  supply_info: 'bổ sung thông tin',
  resolve: 'giải quyết',
  publish: 'công khai kết quả',
};

const TIMED: readonly TimedFeedbackAction[] = ['refuse', 'request_info', 'resolve', 'publish'];

/** What the sender is told by e-mail after each action (publishing changes nothing for them). */
const SENDER_TOLD: Partial<Record<TimedFeedbackAction, string>> = {
  refuse: 'Từ chối xử lý phản ánh, kiến nghị',
  request_info: 'Đề nghị bổ sung thông tin cho phản ánh, kiến nghị',
  resolve: 'Kết quả giải quyết phản ánh, kiến nghị',
};

async function tenantOf(db: AnonymousContext['db'], code: string) {
  const tenant = await tenantByCode(db, code);
  if (!tenant) throw new DomainError('NOT_FOUND', 'Không tìm thấy tỉnh, thành phố này');
  return tenant;
}

/** "2026-11-27" → "261127", the day of the code in Việt Nam time. */
const yymmdd = (at: Date) => vietnamDate(at).slice(2).replaceAll('-', '');

export interface SubmitFeedbackInput {
  kind: FeedbackKind;
  dossierCode?: string | undefined;
  procedureId?: string | undefined;
  agencyId?: string | undefined;
  sender: { name: string; phone: string; email?: string | undefined; address?: string | undefined };
  title: string;
  content: string;
}

/**
 * `submitFeedback` (no login): the agency that must handle it is the one named, else the dossier's handling
 * agency, else the procedure's competent agency, else none — the Center's officers (tenant scope) take it.
 */
export interface FeedbackOptions {
  now?: Date;
  /** e-mail to the sender when SMTP is configured (the public URL makes the follow link) */
  mail?: MailSettings | undefined;
}

/** The sender's follow page, when the address people reach the app at is known. */
const followLink = (mail: MailSettings, tenantCode: string) => (mail.publicUrl ? `\n\nTheo dõi tại: ${new URL(`/cong-khai/dich-vu-cong/${tenantCode}/phan-anh`, mail.publicUrl).toString()}` : '');

export async function submitFeedback(ctx: AnonymousContext, tenantCode: string, input: SubmitFeedbackInput, opts: FeedbackOptions = {}) {
  const now = opts.now ?? new Date();
  const mail = opts.mail ?? NO_EMAIL;
  const tenant = await tenantOf(ctx.db, tenantCode);
  return ctx.db.transaction(async (tx) => {
    let dossierId: string | null = null;
    let procedureId = input.procedureId ?? null;
    let agencyId: string | null = null;
    if (input.dossierCode) {
      const dossier = await dossierByCode(tx, tenant.id, input.dossierCode.trim());
      if (!dossier) throw new DomainError('BAD_REQUEST', `Không tìm thấy hồ sơ có mã ${input.dossierCode}`, { errors: [{ path: 'dossierCode', message: 'Mã hồ sơ không đúng' }] });
      dossierId = dossier.id;
      procedureId ??= dossier.procedureId;
      agencyId = dossier.handlingAgencyId;
    }
    if (procedureId) {
      const procedure = await loadProcedureForIntake(tx, tenant.id, procedureId);
      if (!procedure) throw new DomainError('BAD_REQUEST', 'Không tìm thấy thủ tục đã chọn', { errors: [{ path: 'procedureId', message: 'Thủ tục không tồn tại' }] });
      agencyId ??= procedure.competentAgencyId;
    }
    if (input.agencyId) {
      if (!(await repo.agencyOfTenant(tx, tenant.id, input.agencyId))) throw new DomainError('BAD_REQUEST', 'Không tìm thấy cơ quan đã chọn', { errors: [{ path: 'agencyId', message: 'Cơ quan không tồn tại' }] });
      agencyId = input.agencyId;
    }
    const code = await repo.nextFeedbackCode(tx, tenant.id, yymmdd(now));
    const row = await repo.insertFeedback(tx, {
      tenantId: tenant.id,
      code,
      kind: input.kind,
      dossierId,
      procedureId,
      agencyId,
      senderName: input.sender.name,
      senderPhone: input.sender.phone,
      senderEmail: input.sender.email ?? null,
      senderAddress: input.sender.address || null,
      title: input.title,
      content: input.content,
      state: 'received',
      submittedAt: now,
    });
    await queueEmail(tx, { tenantId: tenant.id, to: input.sender.email ?? null, toName: input.sender.name, subject: `Đã tiếp nhận phản ánh, kiến nghị ${code}`, text: `Kính gửi ${input.sender.name},\n\nPhản ánh, kiến nghị "${input.title}" đã được tiếp nhận với mã ${code}. Vui lòng giữ mã này và số điện thoại đã khai để theo dõi kết quả.${followLink(mail, tenantCode)}`, dedupeKey: `feedback:${row.id}:submitted` }, mail);
    await recordAudit(tx, { tenantId: tenant.id, actorName: input.sender.name, action: 'feedback.submitted', entityType: 'feedback', entityId: row.id, summary: `Tiếp nhận phản ánh, kiến nghị ${code}`, after: { code, kind: input.kind, agencyId, dossierId }, ip: ctx.ip ?? null, first: true });
    return { code, state: row.state, submittedAt: now.toISOString() };
  });
}

/** The sender's own feedback: code and the phone given when sending; a wrong phone answers like an unknown code. */
async function senderFeedback(db: AnonymousContext['db'], tenantCode: string, code: string, phone: string, lock = false) {
  const tenant = await tenantOf(db, tenantCode);
  const row = await repo.feedbackByCode(db, tenant.id, code.trim().toUpperCase(), { lock });
  if (!row || normalizePhone(row.senderPhone) !== normalizePhone(phone)) throw new DomainError('NOT_FOUND', 'Không tìm thấy phản ánh với mã và số điện thoại đã nhập');
  return { tenant, row };
}

function respondedAt(row: repo.FeedbackRow): Date | null {
  if (row.state === 'refused') return row.refusedAt;
  if (row.state === 'more_info') return row.moreInfoRequestedAt;
  if (row.state === 'resolved' || row.state === 'published') return row.resolvedAt;
  return null;
}

async function toPublic(db: AnonymousContext['db'], tenantId: string, row: repo.FeedbackRow) {
  const agencyName = row.agencyId ? ((await repo.agencyOfTenant(db, tenantId, row.agencyId))?.name ?? null) : null;
  const answered = respondedAt(row);
  return {
    code: row.code,
    kind: row.kind,
    title: row.title,
    content: row.content,
    state: row.state,
    stateLabel: FEEDBACK_STATE_LABELS[row.state],
    agencyName,
    submittedAt: row.submittedAt.toISOString(),
    response: answered ? row.response : null,
    respondedAt: answered?.toISOString() ?? null,
    satisfied: row.satisfied,
    canRate: (row.state === 'resolved' || row.state === 'published') && row.satisfied === null,
    canSupply: row.state === 'more_info',
  };
}

/** `getFeedbackPublic`: the sender follows a feedback with its code and phone. */
export async function getFeedbackPublic(ctx: AnonymousContext, tenantCode: string, q: { code: string; phone: string }) {
  const { tenant, row } = await senderFeedback(ctx.db, tenantCode, q.code, q.phone);
  return toPublic(ctx.db, tenant.id, row);
}

/**
 * `supplyFeedbackInfo`: the sender answers a request for more information; the feedback is handled again, and the
 * working time this round waited is added to the rounds before it, so the resolve deadline moves by it.
 */
export async function supplyFeedbackInfo(ctx: AnonymousContext, tenantCode: string, input: { code: string; phone: string; content: string }, now = new Date()) {
  return ctx.db.transaction(async (tx) => {
    const { tenant, row } = await senderFeedback(tx, tenantCode, input.code, input.phone, true);
    if (!canTransition(row.state, 'supply_info')) throw new DomainError('INVALID_STATE', 'Cơ quan xử lý không đề nghị bổ sung thông tin cho phản ánh này');
    const content = `${row.content}\n\n[Bổ sung ngày ${formatVnDate(vietnamDate(now))}] ${input.content}`;
    const waited = infoWaitMinutes(await loadWorkCalendar(tx, tenant.id), row.moreInfoRequestedAt, now);
    const values = { content, state: FEEDBACK_TRANSITIONS.supply_info.to, infoSuppliedAt: now, infoWaitMinutes: row.infoWaitMinutes + waited };
    await repo.updateFeedback(tx, tenant.id, row.id, values);
    await recordAudit(tx, { tenantId: tenant.id, actorName: row.senderName, action: 'feedback.info_supplied', entityType: 'feedback', entityId: row.id, summary: `Người gửi bổ sung thông tin cho ${row.code}`, after: { added: input.content, waitedMinutes: waited, infoWaitMinutes: values.infoWaitMinutes }, ip: ctx.ip ?? null });
    return toPublic(tx, tenant.id, { ...row, ...values });
  });
}

/** `rateFeedbackAnswer`: once, after the answer, the sender says whether it satisfied them (indicator 5.3). */
export async function rateFeedbackAnswer(ctx: AnonymousContext, tenantCode: string, input: { code: string; phone: string; satisfied: boolean }) {
  return ctx.db.transaction(async (tx) => {
    const { tenant, row } = await senderFeedback(tx, tenantCode, input.code, input.phone, true);
    if (row.state !== 'resolved' && row.state !== 'published') throw new DomainError('INVALID_STATE', 'Chỉ đánh giá được khi phản ánh đã có trả lời');
    if (row.satisfied !== null) throw new DomainError('CONFLICT', 'Bạn đã đánh giá trả lời này');
    await repo.updateFeedback(tx, tenant.id, row.id, { satisfied: input.satisfied });
    await recordAudit(tx, { tenantId: tenant.id, actorName: row.senderName, action: 'feedback.rated', entityType: 'feedback', entityId: row.id, summary: `Người gửi ${input.satisfied ? 'hài lòng' : 'không hài lòng'} với trả lời ${row.code}`, after: { satisfied: input.satisfied }, ip: ctx.ip ?? null });
    return toPublic(tx, tenant.id, { ...row, satisfied: input.satisfied });
  });
}

/** `listPublishedFeedback`: answers made public, newest first; the sender is not named. */
export async function listPublishedFeedback(ctx: AnonymousContext, tenantCode: string, q: { q?: string | undefined; page: number; pageSize: number }) {
  const tenant = await tenantOf(ctx.db, tenantCode);
  const { rows, total } = await repo.listPublished(ctx.db, tenant.id, q);
  return {
    items: rows.map(({ feedback: f, agencyName }) => ({ code: f.code, kind: f.kind, title: f.title, content: f.content, agencyName, submittedAt: f.submittedAt.toISOString(), answer: f.response ?? '', publishedAt: (f.publishedAt ?? f.updatedAt).toISOString() })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

// ——— officers (feedback.handle: the Center for the whole province, others for their own agency) ———

const scopeOf = (actor: Actor) => requirePermission(actor, 'feedback.handle');
const inScope = (actor: Actor, scope: ReturnType<typeof scopeOf>, row: { agencyId: string | null }) => scope === 'tenant' || (row.agencyId !== null && row.agencyId === actor.agencyId);

function listItem(cal: WorkCalendar, now: Date, v: repo.FeedbackView) {
  const f = v.feedback;
  const pending = pendingDeadline(cal, f);
  return {
    id: f.id,
    code: f.code,
    kind: f.kind,
    title: f.title,
    senderName: f.senderName,
    agencyName: v.agencyName,
    state: f.state,
    submittedAt: f.submittedAt.toISOString(),
    pending: pending ? { action: pending.action, dueAt: pending.dueAt.toISOString(), overdue: now > pending.dueAt } : null,
  };
}

const DONE_AT: Record<TimedFeedbackAction, (f: repo.FeedbackRow) => Date | null> = {
  refuse: (f) => f.refusedAt,
  request_info: (f) => f.moreInfoRequestedAt,
  resolve: (f) => f.resolvedAt,
  publish: (f) => f.publishedAt,
};

function detail(cal: WorkCalendar, now: Date, v: repo.FeedbackView) {
  const f = v.feedback;
  const deadlines = TIMED.map((action) => {
    const dueAt = feedbackDueAt(cal, action, f);
    const doneAt = DONE_AT[action](f);
    return { action, dueAt: dueAt?.toISOString() ?? null, doneAt: doneAt?.toISOString() ?? null, onTime: doneAt && dueAt ? isOnTime(doneAt, dueAt) : null };
  }).filter((d) => f.state !== 'refused' || d.doneAt);
  return {
    ...listItem(cal, now, v),
    senderPhone: f.senderPhone,
    senderEmail: f.senderEmail,
    senderAddress: f.senderAddress,
    content: f.content,
    dossierCode: v.dossierCode,
    procedureName: v.procedureName,
    agencyId: f.agencyId,
    response: f.response,
    handledByName: v.handledByName,
    satisfied: f.satisfied,
    infoWaitMinutes: f.infoWaitMinutes,
    deadlines,
    actions: TIMED.filter((a) => canTransition(f.state, a)),
  };
}

/**
 * What "overdue" means to the list query. Without a wait, one start cutoff per deadline decides it in the database;
 * the few open feedbacks whose deadline moved by a wait for the sender are checked here, with the same due time
 * the list shows, and passed by id.
 */
async function overdueFilter(ctx: ServiceContext, cal: WorkCalendar, scope: ReturnType<typeof scopeOf>, now: Date): Promise<repo.FeedbackFilter['overdue']> {
  const waited = await repo.openWaitedFeedback(ctx.db, ctx.actor.tenantId, scope === 'tenant' ? null : ctx.actor.agencyId);
  return {
    resolveCutoff: overdueStartCutoff(cal, now, FEEDBACK_LIMIT_DAYS.resolve),
    publishCutoff: overdueStartCutoff(cal, now, FEEDBACK_LIMIT_DAYS.publish),
    waitedOverdueIds: waited.filter((f) => now > feedbackDueAt(cal, 'resolve', f)!).map((f) => f.id),
  };
}

/** `listFeedback`: the caller's feedback (whole province for the Center), newest first, with what is due. */
export async function listFeedback(ctx: ServiceContext, q: { state?: FeedbackState | undefined; overdue?: 'true' | 'false' | undefined; q?: string | undefined; page: number; pageSize: number }, now = new Date()) {
  const scope = scopeOf(ctx.actor);
  const cal = await loadWorkCalendar(ctx.db, ctx.actor.tenantId);
  const overdue = q.overdue === 'true' ? await overdueFilter(ctx, cal, scope, now) : undefined;
  const { rows, total } = await repo.listFeedback(ctx.db, ctx.actor.tenantId, { agencyId: scope === 'tenant' ? null : ctx.actor.agencyId, state: q.state, overdue, q: q.q, page: q.page, pageSize: q.pageSize });
  return { items: rows.map((v) => listItem(cal, now, v)), total, page: q.page, pageSize: q.pageSize };
}

async function viewInScope(ctx: ServiceContext, id: string) {
  const scope = scopeOf(ctx.actor);
  const v = await repo.feedbackView(ctx.db, ctx.actor.tenantId, id);
  if (!v) throw new DomainError('NOT_FOUND', 'Không tìm thấy phản ánh, kiến nghị');
  if (!inScope(ctx.actor, scope, v.feedback)) throw new DomainError('FORBIDDEN', 'Phản ánh, kiến nghị này do cơ quan khác xử lý');
  return v;
}

export async function getFeedback(ctx: ServiceContext, id: string, now = new Date()) {
  const v = await viewInScope(ctx, id);
  return detail(await loadWorkCalendar(ctx.db, ctx.actor.tenantId), now, v);
}

/**
 * One officer action: the row locked, the transition checked against the table (409 otherwise), the time it
 * was due and whether it is on time computed from the working calendar, the change audited.
 */
async function act(ctx: ServiceContext, id: string, action: TimedFeedbackAction, change: (now: Date) => Partial<repo.FeedbackInsert>, note: string, opts: FeedbackOptions) {
  const now = opts.now ?? new Date();
  const scope = scopeOf(ctx.actor);
  const result = await ctx.db.transaction(async (tx) => {
    const row = await repo.lockFeedback(tx, ctx.actor.tenantId, id);
    if (!row) throw new DomainError('NOT_FOUND', 'Không tìm thấy phản ánh, kiến nghị');
    if (!inScope(ctx.actor, scope, row)) throw new DomainError('FORBIDDEN', 'Phản ánh, kiến nghị này do cơ quan khác xử lý');
    if (!canTransition(row.state, action)) throw new DomainError('INVALID_STATE', `Phản ánh ${row.code} đang ở trạng thái "${FEEDBACK_STATE_LABELS[row.state]}", không thể ${ACTION_LABELS[action]}`);
    const cal = await loadWorkCalendar(tx, ctx.actor.tenantId);
    const dueAt = feedbackDueAt(cal, action, row)!;
    const values = { ...change(now), state: FEEDBACK_TRANSITIONS[action].to, handledBy: ctx.actor.userId };
    await repo.updateFeedback(tx, ctx.actor.tenantId, id, values);
    const onTime = isOnTime(now, dueAt);
    await audit(ctx, tx, { action: `feedback.${action}`, entityType: 'feedback', entityId: id, summary: `${note} ${row.code}${onTime ? '' : ' (quá hạn)'}`, before: { state: row.state }, after: { ...values, dueAt: dueAt.toISOString(), onTime } });
    const told = SENDER_TOLD[action];
    if (told) {
      const mail = opts.mail ?? NO_EMAIL;
      const tenantCode = await repo.tenantCodeOf(tx, ctx.actor.tenantId);
      await queueEmail(tx, { tenantId: ctx.actor.tenantId, to: row.senderEmail, toName: row.senderName, subject: `${told} ${row.code}`, text: `Kính gửi ${row.senderName},\n\n${told} "${row.title}" (${row.code}):\n\n${values.response ?? ''}${tenantCode ? followLink(mail, tenantCode) : ''}`, dedupeKey: `feedback:${id}:${action}:${now.getTime()}` }, mail);
    }
    return { dueAt, onTime };
  });
  return { feedback: await getFeedback(ctx, id, now), action, dueAt: result.dueAt.toISOString(), onTime: result.onTime };
}

export const refuseFeedback = (ctx: ServiceContext, id: string, input: { reason: string }, opts: FeedbackOptions = {}) =>
  act(ctx, id, 'refuse', (at) => ({ refusedAt: at, response: input.reason }), 'Từ chối xử lý phản ánh', opts);

export const requestFeedbackInfo = (ctx: ServiceContext, id: string, input: { request: string }, opts: FeedbackOptions = {}) =>
  act(ctx, id, 'request_info', (at) => ({ moreInfoRequestedAt: at, response: input.request }), 'Đề nghị bổ sung thông tin phản ánh', opts);

export const resolveFeedback = (ctx: ServiceContext, id: string, input: { answer: string }, opts: FeedbackOptions = {}) =>
  act(ctx, id, 'resolve', (at) => ({ resolvedAt: at, response: input.answer }), 'Giải quyết phản ánh', opts);

export const publishFeedback = (ctx: ServiceContext, id: string, opts: FeedbackOptions = {}) => act(ctx, id, 'publish', (at) => ({ publishedAt: at }), 'Công khai kết quả giải quyết phản ánh', opts);
