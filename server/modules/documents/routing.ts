import type { z } from 'zod';
import { newId } from '../../db/columns.js';
import type { Db } from '../../db/open.js';
import { audit } from '../../platform/audit/service.js';
import { scopeOf, type Actor } from '../../platform/auth/permissions.js';
import { vietnamDate } from '../../platform/calendar/date-only.js';
import { loadWorkCalendar } from '../../platform/calendar/service.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import { listUnitsByIds, listUsersByIds, loadActorUser } from '../org/index.js';
import { isStateSecret, type Confidentiality } from './document-types.js';
import { visibilityOf } from './policy.js';
import * as repo from './repo.js';
import * as routingRepo from './routing-repo.js';
import type { AssignmentView } from './routing-repo.js';
import type { AssignDocumentRequest, DueInput, ForwardAssignmentRequest, InboxQuery, PresentDocumentRequest, RoutingTarget } from './routing-schemas.js';
import type { AssignmentRole, DocumentStatus } from './tables.js';

type In<T extends z.ZodType> = z.output<T>;

export const ASSIGNMENT_ACTIONS = ['accept', 'forward', 'report', 'complete', 'recall', 'extend'] as const;
export type AssignmentAction = (typeof ASSIGNMENT_ACTIONS)[number];

const ROLE_LABEL: Record<AssignmentRole, string> = { direct: 'cho ý kiến chỉ đạo', lead: 'chủ trì', coordinate: 'phối hợp', info: 'để biết' };
const fmt = (d: string) => d.split('-').reverse().join('/');
const fieldError = (path: string, message: string) => new DomainError('BAD_REQUEST', message, { errors: [{ path, message }] });
const invalidState = (message: string) => new DomainError('INVALID_STATE', message);
const today = () => vietnamDate(new Date());

type DocRow = NonNullable<Awaited<ReturnType<typeof routingRepo.lockDocument>>>;

/** The assignment is the actor's to work on: addressed to them, or to their unit without a person. */
export const holds = (actor: Actor, a: Pick<AssignmentView, 'userId' | 'unitId'>) => a.userId === actor.userId || (a.userId === null && a.unitId === actor.unitId);

/** Clerks and leaders of the document's agency route it (art. 23); so does a leader it was presented to. */
function routes(actor: Actor, doc: Pick<DocRow, 'agencyId'>, assignments: AssignmentView[]) {
  if (scopeOf(actor, 'document.assign') && doc.agencyId === actor.agencyId) return true;
  return assignments.some((a) => a.role === 'direct' && holds(actor, a) && a.status === 'pending');
}

const isActive = (a: AssignmentView) => routingRepo.ACTIVE_STATUSES.includes(a.status);

export function actionsOn(actor: Actor, doc: Pick<DocRow, 'agencyId'>, a: AssignmentView): AssignmentAction[] {
  const out: AssignmentAction[] = [];
  const mine = holds(actor, a);
  const work = a.role === 'lead' || a.role === 'coordinate';
  if (mine && a.status === 'pending' && a.role !== 'direct') out.push('accept');
  if (mine && work && (a.status === 'pending' || a.status === 'accepted')) out.push('forward', 'report', 'complete');
  // a leader may answer a presentation without assigning it: an opinion, or "file it" (lưu)
  if (mine && a.role === 'direct' && a.status === 'pending') out.push('complete');
  // taking back or extending is for whoever gave the work, or the agency's clerks and leaders — never on one's own row
  const over = !mine && ((scopeOf(actor, 'document.assign') && doc.agencyId === actor.agencyId) || a.assignedBy === actor.userId);
  if (over && isActive(a)) out.push('recall');
  if (over && isActive(a) && work) out.push('extend');
  return out;
}

/** The routing part of a document's detail: the assignments with what the actor may do on each. */
export function routingView(actor: Actor, doc: DocRow | (Pick<DocRow, 'agencyId' | 'status' | 'direction'>), assignments: AssignmentView[]) {
  const canRoute = doc.direction === 'incoming' && doc.status !== 'withdrawn' && routes(actor, doc, assignments);
  const hasLead = assignments.some((a) => a.role === 'lead' && a.parentId === null && isActive(a));
  return {
    assignments: assignments.map((a) => ({
      id: a.id,
      parentId: a.parentId,
      role: a.role,
      unitId: a.unitId,
      unitName: a.unitName,
      userId: a.userId,
      userName: a.userName,
      instruction: a.instruction,
      dueDate: a.dueDate,
      originalDueDate: a.originalDueDate,
      status: a.status,
      overdue: isActive(a) && a.role !== 'info' && a.dueDate !== null && a.dueDate < today(),
      result: a.result,
      assignedByName: a.assignedByName,
      createdAt: a.createdAt.toISOString(),
      acceptedAt: a.acceptedAt?.toISOString() ?? null,
      doneAt: a.doneAt?.toISOString() ?? null,
      actions: actionsOn(actor, doc, a),
    })),
    can: {
      present: canRoute && !hasLead && scopeOf(actor, 'document.register') !== null,
      assign: canRoute && !hasLead,
      reassign: canRoute && hasLead,
    },
  };
}

/** Incoming status from its routing: presented → in progress → done (the lead handler finished). */
function statusFrom(assignments: AssignmentView[]): DocumentStatus {
  const live = assignments.filter((a) => a.status !== 'recalled');
  const leads = live.filter((a) => a.role === 'lead' && a.parentId === null);
  if (leads.some(isActive)) return 'in_progress';
  if (leads.length > 0) return 'done';
  if (live.some((a) => a.role === 'direct' && isActive(a))) return 'presented';
  // the leader answered without giving it to anyone: handled
  if (live.some((a) => a.role === 'direct' && a.status === 'done')) return 'done';
  return 'registered';
}

async function resolveDue(db: Db, actor: Actor, input: In<typeof DueInput>, notBefore: string | null): Promise<string | null> {
  let due = input.dueDate ?? null;
  if (input.dueInWorkingDays) due = (await loadWorkCalendar(db, actor.tenantId)).addWorkingDays(today(), input.dueInWorkingDays);
  if (due && notBefore && due < notBefore) throw fieldError('dueDate', `Hạn xử lý không được trước ngày văn bản (${fmt(notBefore)})`);
  if (due && due < today()) throw fieldError('dueDate', 'Hạn xử lý không được trước hôm nay');
  return due;
}

interface Loaded {
  doc: DocRow;
  assignments: AssignmentView[];
}

/** Opens a routing change: the document visible to the actor, locked, with its assignments. */
async function load(ctx: ServiceContext, tx: Db, documentId: string): Promise<Loaded> {
  const visible = await repo.getVisibleDocument(tx, ctx.actor.tenantId, visibilityOf(ctx.actor), documentId);
  if (!visible) throw new DomainError('NOT_FOUND', 'Không tìm thấy văn bản hoặc bạn không có quyền xem');
  const doc = (await routingRepo.lockDocument(tx, ctx.actor.tenantId, documentId))!;
  if (doc.status === 'withdrawn') throw invalidState('Văn bản đã bị cơ quan gửi thu hồi');
  return { doc, assignments: await routingRepo.getAssignments(tx, documentId) };
}

function findAssignment(l: Loaded, assignmentId: string) {
  const a = l.assignments.find((x) => x.id === assignmentId);
  if (!a) throw new DomainError('NOT_FOUND', 'Không tìm thấy lượt giao xử lý này của văn bản');
  return a;
}

function requireAction(ctx: ServiceContext, l: Loaded, a: AssignmentView, action: AssignmentAction, message: string) {
  if (actionsOn(ctx.actor, l.doc, a).includes(action)) return;
  if (holds(ctx.actor, a) || a.assignedBy === ctx.actor.userId || scopeOf(ctx.actor, 'document.assign')) throw invalidState(message);
  throw new DomainError('FORBIDDEN');
}

async function finish(ctx: ServiceContext, tx: Db, l: Loaded, events: { kind: string; note: string; data?: Record<string, unknown> }[], auditAction: string, summary: string) {
  const assignments = await routingRepo.getAssignments(tx, l.doc.id);
  const status = l.doc.direction === 'incoming' ? statusFrom(assignments) : l.doc.status;
  const lead = assignments.find((a) => a.role === 'lead' && a.parentId === null && a.status !== 'recalled');
  const dueDate = lead ? lead.dueDate : l.doc.dueDate;
  if (status !== l.doc.status || dueDate !== l.doc.dueDate) await routingRepo.setDocumentRouting(tx, l.doc.id, { status, dueDate });
  await routingRepo.addEvents(
    tx,
    events.map((e) => ({ id: newId(), tenantId: ctx.actor.tenantId, documentId: l.doc.id, actorId: ctx.actor.userId, actorName: ctx.actor.fullName, kind: e.kind, note: e.note, data: e.data ?? null })),
  );
  await audit(ctx, tx, { action: auditAction, entityType: 'document', entityId: l.doc.id, summary, after: { status, dueDate, events: events.map((e) => e.kind) } });
}

interface ResolvedTarget {
  unitId: string;
  agencyId: string;
  userId: string | null;
  label: string;
}

async function resolveTargets(ctx: ServiceContext, tx: Db, targets: { path: string; target: In<typeof RoutingTarget> }[], secret: boolean) {
  const sub = { ...ctx, db: tx };
  const userIds = targets.flatMap((t) => (t.target.userId ? [t.target.userId] : []));
  const unitIds = targets.flatMap((t) => (t.target.unitId ? [t.target.unitId] : []));
  const [people, unitRows] = await Promise.all([listUsersByIds(sub, userIds), listUnitsByIds(sub, unitIds)]);
  const seen = new Set<string>();
  return targets.map(({ path, target }): ResolvedTarget => {
    const key = target.userId ?? target.unitId!;
    if (seen.has(key)) throw fieldError(path, 'Một đơn vị hoặc người chỉ được giao một vai trò');
    seen.add(key);
    if (target.userId) {
      const p = people.find((u) => u.id === target.userId);
      if (!p || !p.active) throw fieldError(path, 'Người được giao không tồn tại hoặc đã ngừng hoạt động');
      return { unitId: p.unitId, agencyId: p.agencyId, userId: p.id, label: p.fullName };
    }
    if (secret) throw fieldError(path, 'Văn bản mật chỉ được giao cho người cụ thể, không giao cho cả đơn vị');
    const u = unitRows.find((x) => x.id === target.unitId);
    if (!u || !u.active) throw fieldError(path, 'Đơn vị được giao không tồn tại hoặc đã ngừng hoạt động');
    return { unitId: u.id, agencyId: u.agencyId, userId: null, label: u.name };
  });
}

/** The clerk presents a registered document to a leader for direction (art. 23.1). */
export async function presentDocument(ctx: ServiceContext, documentId: string, input: In<typeof PresentDocumentRequest>) {
  await ctx.db.transaction(async (tx) => {
    const l = await load(ctx, tx, documentId);
    if (!scopeOf(ctx.actor, 'document.register') || l.doc.agencyId !== ctx.actor.agencyId || l.doc.direction !== 'incoming') throw new DomainError('FORBIDDEN');
    if (l.assignments.some((a) => a.role === 'lead' && isActive(a))) throw invalidState('Văn bản đã được giao xử lý; hãy thu hồi hoặc giao lại thay vì trình');
    if (l.assignments.some((a) => a.role === 'direct' && isActive(a) && a.userId === input.leaderId)) throw invalidState('Văn bản đang chờ người này cho ý kiến');
    const [leader] = await resolveTargets(ctx, tx, [{ path: 'leaderId', target: { userId: input.leaderId } }], isStateSecret(l.doc.confidentiality as Confidentiality));
    const roles = (await loadActorUser(tx, input.leaderId))?.roles ?? [];
    if (!roles.includes('leader') || leader!.agencyId !== l.doc.agencyId) throw fieldError('leaderId', 'Chỉ trình được lãnh đạo của cơ quan');
    if (isStateSecret(l.doc.confidentiality as Confidentiality)) await repo.addViewers(tx, documentId, [input.leaderId]);
    await routingRepo.insertAssignments(tx, [
      { id: newId(), tenantId: ctx.actor.tenantId, documentId, role: 'direct', agencyId: leader!.agencyId, unitId: leader!.unitId, userId: leader!.userId, instruction: input.note ?? null, status: 'pending', assignedBy: ctx.actor.userId, assignedByName: ctx.actor.fullName },
    ]);
    await finish(ctx, tx, l, [{ kind: 'presented', note: `Trình ${leader!.label} cho ý kiến chỉ đạo${input.note ? `: ${input.note}` : ''}` }], 'document.presented', `Trình văn bản cho ${leader!.label}`);
  });
}

/**
 * The direction (art. 23.2): one lead handler, coordinators, readers for information and a deadline.
 * With `reassign` the current lead and coordinators are recalled in the same step.
 */
export async function assignDocument(ctx: ServiceContext, documentId: string, input: In<typeof AssignDocumentRequest>) {
  await ctx.db.transaction(async (tx) => {
    const l = await load(ctx, tx, documentId);
    if (l.doc.direction !== 'incoming' || !routes(ctx.actor, l.doc, l.assignments)) throw new DomainError('FORBIDDEN');
    const active = l.assignments.filter((a) => (a.role === 'lead' || a.role === 'coordinate') && isActive(a));
    if (active.some((a) => a.role === 'lead') && !input.reassign) throw invalidState('Văn bản đã có đơn vị, người chủ trì; chọn "Giao lại" để thay đổi');
    const secret = isStateSecret(l.doc.confidentiality as Confidentiality);
    const due = await resolveDue(tx, ctx.actor, input, l.doc.issuedDate);
    const targets = await resolveTargets(
      ctx,
      tx,
      [
        { path: 'lead', target: input.lead },
        ...input.coordinators.map((target, i) => ({ path: `coordinators.${i}`, target })),
        ...input.info.map((target, i) => ({ path: `info.${i}`, target })),
      ],
      secret,
    );
    const roleOf = (i: number): AssignmentRole => (i === 0 ? 'lead' : i <= input.coordinators.length ? 'coordinate' : 'info');
    const now = new Date();
    for (const a of active) await routingRepo.updateAssignment(tx, a.id, { status: 'recalled', doneAt: now });
    for (const a of l.assignments.filter((x) => x.role === 'direct' && isActive(x) && holds(ctx.actor, x))) {
      await routingRepo.updateAssignment(tx, a.id, { status: 'done', result: input.instruction, doneAt: now });
    }
    if (secret) await repo.addViewers(tx, documentId, targets.flatMap((t) => (t.userId ? [t.userId] : [])));
    await routingRepo.insertAssignments(
      tx,
      targets.map((t, i) => ({
        id: newId(),
        tenantId: ctx.actor.tenantId,
        documentId,
        role: roleOf(i),
        agencyId: t.agencyId,
        unitId: t.unitId,
        userId: t.userId,
        instruction: input.instruction,
        dueDate: roleOf(i) === 'info' ? null : due,
        status: 'pending' as const,
        assignedBy: ctx.actor.userId,
        assignedByName: ctx.actor.fullName,
      })),
    );
    const names = (role: AssignmentRole) => targets.filter((_, i) => roleOf(i) === role).map((t) => t.label);
    const parts = [`Chủ trì: ${names('lead').join('')}`];
    if (input.coordinators.length) parts.push(`Phối hợp: ${names('coordinate').join(', ')}`);
    if (input.info.length) parts.push(`Để biết: ${names('info').join(', ')}`);
    if (due) parts.push(`Hạn xử lý: ${fmt(due)}`);
    const kind = input.reassign && active.length > 0 ? 'reassigned' : 'assigned';
    await finish(ctx, tx, l, [{ kind, note: `${input.instruction}\n${parts.join('. ')}`, data: { due } }], `document.${kind}`, `${kind === 'reassigned' ? 'Giao lại' : 'Giao'} xử lý văn bản: ${parts[0]}`);
  });
}

export async function acceptAssignment(ctx: ServiceContext, documentId: string, assignmentId: string) {
  await ctx.db.transaction(async (tx) => {
    const l = await load(ctx, tx, documentId);
    const a = findAssignment(l, assignmentId);
    requireAction(ctx, l, a, 'accept', 'Lượt giao này không còn chờ tiếp nhận');
    await routingRepo.updateAssignment(tx, a.id, { status: 'accepted', acceptedAt: new Date() });
    await finish(ctx, tx, l, [{ kind: 'accepted', note: `Tiếp nhận xử lý (${ROLE_LABEL[a.role]})`, data: { assignmentId: a.id } }], 'document.accepted', `Tiếp nhận văn bản (${ROLE_LABEL[a.role]})`);
  });
}

/** The holder passes the work to a person of the same unit; the holder's row waits for theirs. */
export async function forwardAssignment(ctx: ServiceContext, documentId: string, assignmentId: string, input: In<typeof ForwardAssignmentRequest>) {
  await ctx.db.transaction(async (tx) => {
    const l = await load(ctx, tx, documentId);
    const a = findAssignment(l, assignmentId);
    requireAction(ctx, l, a, 'forward', 'Chỉ chuyển được việc đang chờ hoặc đang xử lý');
    if (input.userId === ctx.actor.userId) throw fieldError('userId', 'Không chuyển cho chính mình');
    const [to] = await resolveTargets(ctx, tx, [{ path: 'userId', target: { userId: input.userId } }], false);
    if (to!.unitId !== a.unitId) throw fieldError('userId', 'Chỉ chuyển được cho người trong cùng đơn vị');
    const due = input.dueDate || input.dueInWorkingDays ? await resolveDue(tx, ctx.actor, input, l.doc.issuedDate) : a.dueDate;
    if (isStateSecret(l.doc.confidentiality as Confidentiality)) await repo.addViewers(tx, documentId, [input.userId]);
    const now = new Date();
    await routingRepo.updateAssignment(tx, a.id, { status: 'forwarded', acceptedAt: a.acceptedAt ?? now });
    await routingRepo.insertAssignments(tx, [
      { id: newId(), tenantId: ctx.actor.tenantId, documentId, parentId: a.id, role: a.role, agencyId: to!.agencyId, unitId: to!.unitId, userId: to!.userId, instruction: input.note, dueDate: due, status: 'pending', assignedBy: ctx.actor.userId, assignedByName: ctx.actor.fullName },
    ]);
    await finish(ctx, tx, l, [{ kind: 'forwarded', note: `Chuyển ${to!.label} xử lý (${ROLE_LABEL[a.role]})${due ? `, hạn ${fmt(due)}` : ''}: ${input.note}`, data: { assignmentId: a.id } }], 'document.forwarded', `Chuyển văn bản cho ${to!.label}`);
  });
}

export async function reportProgress(ctx: ServiceContext, documentId: string, assignmentId: string, note: string) {
  await ctx.db.transaction(async (tx) => {
    const l = await load(ctx, tx, documentId);
    const a = findAssignment(l, assignmentId);
    requireAction(ctx, l, a, 'report', 'Chỉ báo cáo được việc đang xử lý');
    if (a.status === 'pending') await routingRepo.updateAssignment(tx, a.id, { status: 'accepted', acceptedAt: new Date() });
    await finish(ctx, tx, l, [{ kind: 'progress', note, data: { assignmentId: a.id } }], 'document.progress', 'Báo cáo tiến độ xử lý văn bản');
  });
}

/** Done with a result; a parent waiting only on this forward is done with it, up to the lead. */
export async function completeAssignment(ctx: ServiceContext, documentId: string, assignmentId: string, result: string) {
  await ctx.db.transaction(async (tx) => {
    const l = await load(ctx, tx, documentId);
    const a = findAssignment(l, assignmentId);
    requireAction(ctx, l, a, 'complete', 'Chỉ hoàn thành được việc đang chờ hoặc đang xử lý');
    const now = new Date();
    const done = new Set([a.id]);
    await routingRepo.updateAssignment(tx, a.id, { status: 'done', result, doneAt: now, acceptedAt: a.acceptedAt ?? now });
    let parent = l.assignments.find((x) => x.id === a.parentId);
    while (parent && parent.status === 'forwarded') {
      const waiting = l.assignments.some((x) => x.parentId === parent!.id && !done.has(x.id) && isActive(x));
      if (waiting) break;
      await routingRepo.updateAssignment(tx, parent.id, { status: 'done', result, doneAt: now });
      done.add(parent.id);
      const up = parent.parentId;
      parent = l.assignments.find((x) => x.id === up);
    }
    const late = a.dueDate !== null && today() > a.dueDate;
    await finish(ctx, tx, l, [{ kind: 'completed', note: `Hoàn thành (${ROLE_LABEL[a.role]})${late ? ', quá hạn' : ''}: ${result}`, data: { assignmentId: a.id, late } }], 'document.completed', `Hoàn thành xử lý văn bản (${ROLE_LABEL[a.role]})`);
  });
}

/** Taken back from the assignee, with everything they forwarded; a waiting parent is theirs again. */
export async function recallAssignment(ctx: ServiceContext, documentId: string, assignmentId: string, note: string) {
  await ctx.db.transaction(async (tx) => {
    const l = await load(ctx, tx, documentId);
    const a = findAssignment(l, assignmentId);
    requireAction(ctx, l, a, 'recall', 'Lượt giao này đã kết thúc, không thu hồi được');
    const now = new Date();
    const gone = new Set([a.id]);
    // the forwards made from it, and theirs, in creation order (a child is always created after its parent)
    for (const x of l.assignments) if (x.parentId && gone.has(x.parentId) && isActive(x)) gone.add(x.id);
    for (const id of gone) await routingRepo.updateAssignment(tx, id, { status: 'recalled', doneAt: now });
    const parent = l.assignments.find((x) => x.id === a.parentId);
    if (parent?.status === 'forwarded' && !l.assignments.some((x) => x.parentId === parent.id && !gone.has(x.id) && isActive(x))) {
      await routingRepo.updateAssignment(tx, parent.id, { status: 'accepted' });
    }
    const who = a.userName ?? a.unitName;
    await finish(ctx, tx, l, [{ kind: 'recalled', note: `Thu hồi việc giao ${who} (${ROLE_LABEL[a.role]}): ${note}`, data: { assignmentId: a.id } }], 'document.assignment_recalled', `Thu hồi việc giao văn bản cho ${who}`);
  });
}

/** A new deadline; the first one stays visible. */
export async function extendAssignment(ctx: ServiceContext, documentId: string, assignmentId: string, input: In<typeof DueInput> & { note: string }) {
  await ctx.db.transaction(async (tx) => {
    const l = await load(ctx, tx, documentId);
    const a = findAssignment(l, assignmentId);
    requireAction(ctx, l, a, 'extend', 'Chỉ gia hạn được việc đang xử lý');
    const due = await resolveDue(tx, ctx.actor, input, l.doc.issuedDate);
    if (!due) throw fieldError('dueDate', 'Nhập hạn xử lý mới');
    if (a.dueDate && due <= a.dueDate) throw fieldError('dueDate', `Hạn mới phải sau hạn hiện tại (${fmt(a.dueDate)})`);
    await routingRepo.updateAssignment(tx, a.id, { dueDate: due, originalDueDate: a.originalDueDate ?? a.dueDate });
    const who = a.userName ?? a.unitName;
    await finish(ctx, tx, l, [{ kind: 'extended', note: `Gia hạn cho ${who}${a.dueDate ? ` từ ${fmt(a.dueDate)}` : ''} đến ${fmt(due)}: ${input.note}`, data: { assignmentId: a.id, from: a.dueDate, to: due } }], 'document.extended', `Gia hạn xử lý văn bản đến ${fmt(due)}`);
  });
}

function inboxActor(actor: Actor): routingRepo.InboxActor {
  return { tenantId: actor.tenantId, userId: actor.userId, unitId: actor.unitId, routesAgencyIds: scopeOf(actor, 'document.assign') ? [actor.agencyId] : [] };
}

export async function listInbox<S extends object>(ctx: ServiceContext, q: In<typeof InboxQuery>, summary: (d: repo.DocumentRow) => S) {
  const { items, total } = await routingRepo.findInbox(ctx.db, q.view, inboxActor(ctx.actor), today(), { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }, q.q);
  return {
    total,
    items: items.map((r) => ({
      ...summary({ ...r.document, registerName: r.registerName }),
      assignment: r.assignment
        ? {
            id: r.assignment.id,
            role: r.assignment.role,
            status: r.assignment.status,
            dueDate: r.assignment.dueDate,
            parentId: r.assignment.parentId,
            overdue: routingRepo.ACTIVE_STATUSES.includes(r.assignment.status) && r.assignment.role !== 'info' && r.assignment.dueDate !== null && r.assignment.dueDate < today(),
            instruction: r.assignment.instruction,
            assignedByName: r.assignment.assignedByName,
            createdAt: r.assignment.createdAt.toISOString(),
          }
        : null,
    })),
  };
}

export async function inboxCounts(ctx: ServiceContext) {
  return routingRepo.countInbox(ctx.db, inboxActor(ctx.actor), today());
}
