import type { z } from 'zod';
import { newId } from '../../db/columns.js';
import { audit } from '../../platform/audit/service.js';
import { requirePermission, scopeOf } from '../../platform/auth/permissions.js';
import { vietnamDate } from '../../platform/calendar/date-only.js';
import { formatVnDate, loadWorkCalendar } from '../../platform/calendar/service.js';
import type { ServiceContext } from '../../platform/context.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { readVerified } from '../../platform/files/service.js';
import { DomainError } from '../../platform/http/errors.js';
import { documentDetail } from '../documents/index.js';
import { getAgency, listUsersByIds } from '../org/index.js';
import { deriveStatus, DUE_SOON_WORKING_DAYS } from './derived-status.js';
import { canRead, canUrge, sidesOf } from './policy.js';
import { periodLabel, RECURRENCE_LABEL } from './recurrence-period.js';
import * as repo from './repo.js';
import type { CreateTaskRequest, TaskListQuery } from './schemas.js';
import { availableActions, URGEABLE_STATES } from './state-machine.js';
import type { TaskSourceKind } from './tables.js';

type In<T extends z.ZodType> = z.output<T>;

export const fieldError = (path: string, message: string) => new DomainError('BAD_REQUEST', message, { errors: [{ path, message }] });
export const taskNotFound = () => new DomainError('NOT_FOUND', 'Không tìm thấy nhiệm vụ hoặc bạn không có quyền xem');
export const today = () => vietnamDate(new Date());

/** Today and the last day that still counts as "due soon", from the tenant's working-day calendar. */
export async function timelinessDays(ctx: ServiceContext) {
  const day = today();
  return { today: day, dueSoonUntil: (await loadWorkCalendar(ctx.db, ctx.actor.tenantId)).addWorkingDays(day, DUE_SOON_WORKING_DAYS) };
}

export function toTaskSummary(t: repo.TaskListRow, days: { today: string; dueSoonUntil: string }) {
  return {
    id: t.id,
    content: t.content,
    sourceKind: t.sourceKind,
    sourceReference: t.sourceReference,
    priority: t.priority,
    state: t.state,
    derivedStatus: deriveStatus(t, days.today, days.dueSoonUntil),
    assignedByName: t.assignedByName,
    primaryAgencyId: t.primaryAgencyId,
    primaryAgencyName: t.primaryAgencyName,
    primaryUserName: t.primaryUserName,
    assignedOn: t.assignedOn,
    deadline: t.deadline,
    originalDeadline: t.originalDeadline,
    progress: t.progress,
    recurrence: t.recurrence,
    periodLabel: t.periodLabel,
    urgeCount: t.urgeCount,
  };
}

const SOURCE_LABEL: Record<TaskSourceKind, string> = { document: 'Văn bản chỉ đạo', meeting: 'Kết luận cuộc họp', instruction: 'Ý kiến chỉ đạo', delegation: 'Làm việc với đoàn công tác' };

async function sourceOf(ctx: ServiceContext, source: In<typeof CreateTaskRequest>['source']) {
  if (source.kind !== 'document') return { documentId: null, reference: source.reference! };
  const doc = await documentDetail(ctx, source.documentId!).catch((err: unknown) => {
    if (err instanceof DomainError && err.code === 'NOT_FOUND') throw fieldError('source.documentId', 'Không tìm thấy văn bản chỉ đạo hoặc bạn không có quyền xem');
    throw err;
  });
  return { documentId: doc.id, reference: [doc.numberNotation, doc.subject].filter(Boolean).join(' – ') };
}

async function activeAgency(ctx: ServiceContext, id: string, path: string) {
  const agency = await getAgency(ctx, id).catch((err: unknown) => {
    if (err instanceof DomainError && err.code === 'NOT_FOUND') throw fieldError(path, 'Cơ quan không có trong danh mục');
    throw err;
  });
  if (!agency.active) throw fieldError(path, 'Cơ quan đã ngừng hoạt động');
  return agency;
}

/** What other modules link a task to when they give it (the meeting of a conclusion, a delegation's visit). */
export interface TaskSourceLink {
  sourceMeetingId?: string;
  sourceDelegationId?: string;
}

/**
 * A leader gives a task: exactly one primary agency (and optionally one of its people), a deadline, a source.
 * Another module giving tasks in its own transaction passes `{ ...ctx, db: tx }` and the link to its record.
 */
export async function createTask(ctx: ServiceContext, input: In<typeof CreateTaskRequest>, link: TaskSourceLink = {}) {
  requirePermission(ctx.actor, 'task.assign');
  const coordinatorIds = [...new Set(input.coordinatingAgencyIds)];
  if (coordinatorIds.includes(input.primaryAgencyId)) throw fieldError('coordinatingAgencyIds', 'Cơ quan chủ trì không đồng thời là cơ quan phối hợp');
  const assignedOn = today();
  const [source, primary, coordinators, people, calendar] = await Promise.all([
    sourceOf(ctx, input.source),
    activeAgency(ctx, input.primaryAgencyId, 'primaryAgencyId'),
    Promise.all(coordinatorIds.map((id, i) => activeAgency(ctx, id, `coordinatingAgencyIds.${i}`))),
    input.primaryUserId ? listUsersByIds(ctx, [input.primaryUserId]) : [],
    loadWorkCalendar(ctx.db, ctx.actor.tenantId),
  ]);
  const person = people[0];
  if (input.primaryUserId && (!person || !person.active || person.agencyId !== primary.id)) throw fieldError('primaryUserId', 'Người chủ trì phải là người đang làm việc tại cơ quan chủ trì');
  const deadline = input.dueInWorkingDays ? calendar.addWorkingDays(assignedOn, input.dueInWorkingDays) : input.dueDate!;
  if (deadline < assignedOn) throw fieldError('dueDate', 'Hạn hoàn thành không được trước ngày giao');

  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await repo.insertTask(
      tx,
      {
        id,
        tenantId: ctx.actor.tenantId,
        content: input.content,
        expectedResult: input.expectedResult ?? null,
        sourceKind: input.source.kind,
        sourceDocumentId: source.documentId,
        sourceReference: source.reference,
        sourceMeetingId: link.sourceMeetingId ?? null,
        sourceDelegationId: link.sourceDelegationId ?? null,
        priority: input.priority,
        assignedBy: ctx.actor.userId,
        assignedByName: ctx.actor.fullName,
        assignerAgencyId: ctx.actor.agencyId,
        primaryAgencyId: primary.id,
        primaryUserId: person?.id ?? null,
        state: 'assigned',
        assignedOn,
        deadline,
        originalDeadline: deadline,
        deadlineWorkingDays: input.dueInWorkingDays ?? null,
        // a periodic task starts its series: every later period's task points back to this one
        recurrence: input.recurrence ?? null,
        seriesId: input.recurrence ? id : null,
        periodLabel: input.recurrence ? periodLabel(input.recurrence, deadline) : null,
        recurrenceUntil: input.recurrence ? (input.recurrenceUntil ?? null) : null,
      },
      coordinatorIds,
    );
    const parts = [`Chủ trì: ${primary.name}${person ? ` (${person.fullName})` : ''}`];
    if (coordinators.length) parts.push(`Phối hợp: ${coordinators.map((c) => c.name).join(', ')}`);
    parts.push(`Hạn: ${formatVnDate(deadline)}${input.dueInWorkingDays ? ` (${input.dueInWorkingDays} ngày làm việc)` : ''}`);
    if (input.recurrence) parts.push(`Định kỳ ${RECURRENCE_LABEL[input.recurrence]}, kỳ ${periodLabel(input.recurrence, deadline)}${input.recurrenceUntil ? `, đến ${formatVnDate(input.recurrenceUntil)}` : ''}`);
    parts.push(`${SOURCE_LABEL[input.source.kind]}: ${source.reference}`);
    await repo.addEvent(tx, { id: newId(), tenantId: ctx.actor.tenantId, taskId: id, actorId: ctx.actor.userId, actorName: ctx.actor.fullName, kind: 'assigned', fromState: null, toState: 'assigned', note: parts.join('. ') });
    await audit(ctx, tx, {
      action: 'task.assigned',
      entityType: 'task',
      entityId: id,
      first: true,
      summary: `Giao nhiệm vụ cho ${primary.name}, hạn ${formatVnDate(deadline)}`,
      after: { primaryAgencyId: primary.id, primaryUserId: person?.id ?? null, coordinatingAgencyIds: coordinatorIds, deadline, deadlineWorkingDays: input.dueInWorkingDays ?? null, priority: input.priority, source: input.source.kind, recurrence: input.recurrence ?? null, recurrenceUntil: input.recurrenceUntil ?? null },
    });
  });
  return getTask(ctx, id);
}

/** The task with its reports, extensions, timeline and what the actor may do now; "not found" to outsiders. */
export async function getTask(ctx: ServiceContext, id: string) {
  const t = await repo.getTask(ctx.db, ctx.actor.tenantId, id);
  if (!t) throw taskNotFound();
  const coordinators = await repo.getCoordinators(ctx.db, ctx.actor.tenantId, id);
  const coordinatorIds = coordinators.map((c) => c.id);
  if (!canRead(ctx.actor, t, coordinatorIds)) throw taskNotFound();
  const [reports, extensions, events, days] = await Promise.all([
    repo.getReports(ctx.db, ctx.actor.tenantId, id),
    repo.getExtensions(ctx.db, ctx.actor.tenantId, id),
    repo.getEvents(ctx.db, ctx.actor.tenantId, id),
    timelinessDays(ctx),
  ]);
  const openExtension = extensions.some((e) => e.status === 'pending');
  return {
    ...toTaskSummary(t, days),
    expectedResult: t.expectedResult,
    sourceDocumentId: t.sourceDocumentId,
    assignedBy: t.assignedBy,
    primaryUserId: t.primaryUserId,
    coordinatingAgencies: coordinators,
    deadlineWorkingDays: t.deadlineWorkingDays,
    reportedOn: t.reportedOn,
    completedOn: t.completedOn,
    seriesId: t.seriesId,
    recurrenceUntil: t.recurrenceUntil,
    lastUrgedAt: t.lastUrgedAt?.toISOString() ?? null,
    escalatedAt: t.escalatedAt?.toISOString() ?? null,
    canUrge: canUrge(ctx.actor, t) && URGEABLE_STATES.includes(t.state),
    createdAt: t.createdAt.toISOString(),
    reports: reports.map((r) => ({ id: r.id, kind: r.kind, percent: r.percent, note: r.note, agencyName: r.agencyName, actorName: r.actorName, at: r.at.toISOString(), files: r.files.map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size })) })),
    extensions: extensions.map((e) => ({
      id: e.id,
      fromDeadline: e.fromDeadline,
      requestedDeadline: e.requestedDeadline,
      reason: e.reason,
      requestedByName: e.requestedByName,
      requestedAt: e.requestedAt.toISOString(),
      status: e.status,
      decidedByName: e.decidedByName,
      decisionNote: e.decisionNote,
      decidedAt: e.decidedAt?.toISOString() ?? null,
    })),
    events: events.map((e) => ({ id: e.id, kind: e.kind, fromState: e.fromState as typeof t.state | null, toState: e.toState as typeof t.state | null, actorName: e.actorName, note: e.note, at: e.at.toISOString() })),
    actions: availableActions(sidesOf(ctx.actor, t, coordinatorIds), { state: t.state, openExtension }),
  };
}

export async function listTasks(ctx: ServiceContext, q: In<typeof TaskListQuery>) {
  const days = await timelinessDays(ctx);
  const actor = { tenantId: ctx.actor.tenantId, userId: ctx.actor.userId, agencyId: ctx.actor.agencyId, handlesForAgency: scopeOf(ctx.actor, 'task.handle') !== null };
  const { items, total } = await repo.findTasks(ctx.db, actor, { view: q.view, status: q.status, q: q.q, ...days, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: items.map((t) => toTaskSummary(t, days)), total };
}

/** A file of a progress report, to anyone who may read the task. */
export async function openTaskFile(ctx: ServiceContext, store: BlobStore, taskId: string, fileId: string) {
  const t = await repo.getTask(ctx.db, ctx.actor.tenantId, taskId);
  if (!t) throw taskNotFound();
  const coordinators = await repo.getCoordinators(ctx.db, ctx.actor.tenantId, taskId);
  if (!canRead(ctx.actor, t, coordinators.map((c) => c.id))) throw taskNotFound();
  const file = await repo.getTaskFile(ctx.db, ctx.actor.tenantId, taskId, fileId);
  if (!file) throw new DomainError('NOT_FOUND', 'Nhiệm vụ không có tệp này');
  return { file, stream: await readVerified(store, file) };
}
