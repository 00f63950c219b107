import type { z } from 'zod';
import { newId } from '../../db/columns.js';
import type { Db } from '../../db/open.js';
import { audit } from '../../platform/audit/service.js';
import { formatVnDate } from '../../platform/calendar/service.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import { canRead, sidesOf } from './policy.js';
import * as repo from './repo.js';
import type { ConfirmRequest, ExtensionDecision, ExtensionRequest, ProgressRequest, ReportDoneRequest, ReturnRequest } from './schemas.js';
import { fieldError, taskNotFound, today } from './service.js';
import { nextState, refusalOf, TRANSITIONS, type TaskAction } from './state-machine.js';
import type { TaskState } from './tables.js';

type In<T extends z.ZodType> = z.output<T>;

interface Step {
  tx: Db;
  task: repo.TaskRow;
  extensions: Awaited<ReturnType<typeof repo.getExtensions>>;
}

/**
 * One transition: the task locked, the actor's side and the state checked against the state machine
 * (403 when the action is never theirs, 409 when it is not its turn — nothing changes either way), then
 * `change` runs and the timeline event and the audit entry are written in the same transaction.
 */
async function transition(
  ctx: ServiceContext,
  taskId: string,
  action: TaskAction,
  change: (s: Step) => Promise<{ note: string; summary: string; values?: Partial<repo.TaskInsert>; data?: Record<string, unknown> }>,
) {
  await ctx.db.transaction(async (tx) => {
    const task = await repo.lockTask(tx, ctx.actor.tenantId, taskId);
    if (!task) throw taskNotFound();
    const coordinatorIds = (await repo.getCoordinators(tx, ctx.actor.tenantId, taskId)).map((c) => c.id);
    if (!canRead(ctx.actor, task, coordinatorIds)) throw taskNotFound();
    const extensions = await repo.getExtensions(tx, ctx.actor.tenantId, taskId);
    const refusal = refusalOf(action, sidesOf(ctx.actor, task, coordinatorIds), { state: task.state, openExtension: extensions.some((e) => e.status === 'pending') });
    if (refusal === 'forbidden') throw new DomainError('FORBIDDEN');
    if (refusal === 'state') throw new DomainError('INVALID_STATE', TRANSITIONS[action].refusal);
    const { note, summary, values, data } = await change({ tx, task, extensions });
    const to: TaskState = nextState(action, task.state);
    await repo.updateTask(tx, ctx.actor.tenantId, taskId, { ...values, state: to });
    await repo.addEvent(tx, { id: newId(), tenantId: ctx.actor.tenantId, taskId, actorId: ctx.actor.userId, actorName: ctx.actor.fullName, kind: action, fromState: task.state, toState: to, note, data: data ?? null });
    await audit(ctx, tx, { action: `task.${action}`, entityType: 'task', entityId: taskId, summary, before: { state: task.state, deadline: task.deadline, progress: task.progress }, after: { state: to, ...values, ...data } });
  });
}

async function attachable(ctx: ServiceContext, tx: Db, fileIds: string[]) {
  const ids = [...new Set(fileIds)];
  const found = await repo.findAttachableFiles(tx, ctx.actor.tenantId, ctx.actor.userId, ids);
  if (found.length !== ids.length) throw fieldError('fileIds', 'Có tệp không tồn tại, không do bạn tải lên hoặc đã gắn với báo cáo khác');
  return ids;
}

export function acceptTask(ctx: ServiceContext, taskId: string) {
  return transition(ctx, taskId, 'accept', async () => ({ note: 'Tiếp nhận nhiệm vụ', summary: 'Tiếp nhận nhiệm vụ' }));
}

/**
 * A progress report by the assignee (percent, text, files); from a coordinating agency the same call adds
 * its note to the task without a percent and without changing the state.
 */
export async function reportTaskProgress(ctx: ServiceContext, taskId: string, input: In<typeof ProgressRequest>) {
  const probe = await repo.getTask(ctx.db, ctx.actor.tenantId, taskId);
  if (!probe) throw taskNotFound();
  const coordinatorIds = (await repo.getCoordinators(ctx.db, ctx.actor.tenantId, taskId)).map((c) => c.id);
  const sides = sidesOf(ctx.actor, probe, coordinatorIds);
  const asCoordinator = sides.includes('coordinator') && !sides.includes('assignee');
  if (asCoordinator) {
    return transition(ctx, taskId, 'add_note', async ({ tx }) => {
      const fileIds = await attachable(ctx, tx, input.fileIds);
      await repo.insertReport(tx, { id: newId(), tenantId: ctx.actor.tenantId, taskId, kind: 'note', percent: null, note: input.note, agencyId: ctx.actor.agencyId, actorId: ctx.actor.userId, actorName: ctx.actor.fullName }, fileIds);
      return { note: `Ý kiến phối hợp: ${input.note}`, summary: 'Cơ quan phối hợp báo cáo', data: { files: fileIds.length } };
    });
  }
  return transition(ctx, taskId, 'report_progress', async ({ tx }) => {
    const percent = input.percent;
    if (percent === undefined) throw fieldError('percent', 'Nhập phần trăm hoàn thành');
    if (percent >= 100) throw fieldError('percent', 'Đã xong thì dùng "Báo cáo hoàn thành"; tiến độ tối đa 99%');
    const fileIds = await attachable(ctx, tx, input.fileIds);
    await repo.insertReport(tx, { id: newId(), tenantId: ctx.actor.tenantId, taskId, kind: 'progress', percent, note: input.note, agencyId: ctx.actor.agencyId, actorId: ctx.actor.userId, actorName: ctx.actor.fullName }, fileIds);
    return { note: `Tiến độ ${percent}%: ${input.note}`, summary: `Báo cáo tiến độ ${percent}%`, values: { progress: percent }, data: { percent, files: fileIds.length } };
  });
}

export function reportTaskDone(ctx: ServiceContext, taskId: string, input: In<typeof ReportDoneRequest>) {
  return transition(ctx, taskId, 'report_done', async ({ tx, task }) => {
    const fileIds = await attachable(ctx, tx, input.fileIds);
    await repo.insertReport(tx, { id: newId(), tenantId: ctx.actor.tenantId, taskId, kind: 'done', percent: 100, note: input.note, agencyId: ctx.actor.agencyId, actorId: ctx.actor.userId, actorName: ctx.actor.fullName }, fileIds);
    const on = today();
    const late = on > task.deadline;
    return { note: `Báo cáo hoàn thành${late ? ' (sau hạn)' : ''}: ${input.note}`, summary: 'Báo cáo hoàn thành nhiệm vụ', values: { progress: 100, reportedOn: on }, data: { reportedOn: on, files: fileIds.length } };
  });
}

export function confirmTaskDone(ctx: ServiceContext, taskId: string, input: In<typeof ConfirmRequest>) {
  return transition(ctx, taskId, 'confirm_done', async ({ task }) => {
    const completedOn = task.reportedOn ?? today();
    const onTime = completedOn <= task.deadline;
    return {
      note: `Xác nhận hoàn thành ${onTime ? 'đúng hạn' : 'quá hạn'} (báo cáo ngày ${formatVnDate(completedOn)}, hạn ${formatVnDate(task.deadline)})${input.note ? `: ${input.note}` : ''}`,
      summary: `Xác nhận hoàn thành nhiệm vụ ${onTime ? 'đúng hạn' : 'quá hạn'}`,
      values: { completedOn },
      data: { completedOn, onTime },
    };
  });
}

/** Not done yet: back to the assignee, in progress again, at the percent of their last progress report. */
export function returnTask(ctx: ServiceContext, taskId: string, input: In<typeof ReturnRequest>) {
  return transition(ctx, taskId, 'return', async ({ tx }) => {
    const reports = await repo.getReports(tx, ctx.actor.tenantId, taskId);
    const last = reports.filter((r) => r.kind === 'progress').at(-1);
    return { note: `Trả lại, chưa đạt yêu cầu: ${input.reason}`, summary: 'Trả lại báo cáo hoàn thành nhiệm vụ', values: { reportedOn: null, progress: last?.percent ?? 0 } };
  });
}

export function requestTaskExtension(ctx: ServiceContext, taskId: string, input: In<typeof ExtensionRequest>) {
  return transition(ctx, taskId, 'request_extension', async ({ tx, task }) => {
    if (input.dueDate <= task.deadline) throw fieldError('dueDate', `Hạn đề nghị phải sau hạn hiện tại (${formatVnDate(task.deadline)})`);
    await repo.insertExtension(tx, { id: newId(), tenantId: ctx.actor.tenantId, taskId, fromDeadline: task.deadline, requestedDeadline: input.dueDate, reason: input.reason, requestedBy: ctx.actor.userId, requestedByName: ctx.actor.fullName, status: 'pending' });
    return { note: `Xin gia hạn từ ${formatVnDate(task.deadline)} đến ${formatVnDate(input.dueDate)}: ${input.reason}`, summary: `Xin gia hạn nhiệm vụ đến ${formatVnDate(input.dueDate)}`, data: { requestedDeadline: input.dueDate } };
  });
}

/** Approved: the deadline moves (the original one stays on the task); refused: a reason is required. */
export function decideTaskExtension(ctx: ServiceContext, taskId: string, input: In<typeof ExtensionDecision>) {
  return transition(ctx, taskId, 'decide_extension', async ({ tx, task, extensions }) => {
    const open = extensions.find((e) => e.status === 'pending')!;
    await repo.decideExtension(tx, ctx.actor.tenantId, open.id, { status: input.approve ? 'approved' : 'refused', decidedBy: ctx.actor.userId, decidedByName: ctx.actor.fullName, decisionNote: input.note ?? null, decidedAt: new Date() });
    const to = formatVnDate(open.requestedDeadline);
    if (!input.approve) return { note: `Không đồng ý gia hạn đến ${to}: ${input.note}`, summary: 'Không đồng ý gia hạn nhiệm vụ', data: { extensionId: open.id, approved: false } };
    return {
      note: `Đồng ý gia hạn từ ${formatVnDate(task.deadline)} đến ${to}${input.note ? `: ${input.note}` : ''}`,
      summary: `Gia hạn nhiệm vụ đến ${to}`,
      values: { deadline: open.requestedDeadline },
      data: { extensionId: open.id, approved: true },
    };
  });
}
