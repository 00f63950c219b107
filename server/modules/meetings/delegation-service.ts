import type { z } from 'zod';
import { newId } from '../../db/columns.js';
import { audit } from '../../platform/audit/service.js';
import { requirePermission, scopeOf, type Actor } from '../../platform/auth/permissions.js';
import { formatVnDate } from '../../platform/calendar/service.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import { createTask, listDelegationTasks } from '../tasks/index.js';
import * as repo from './delegation-repo.js';
import type { CreateDelegationRequest, DelegationListQuery, DelegationOutcomeRequest, DelegationTaskRequest, UpdateDelegationRequest } from './delegation-schemas.js';
import { findLeaders, getAgencyRef } from './schedule-repo.js';

type In<T extends z.ZodType> = z.output<T>;

const fieldError = (path: string, message: string) => new DomainError('BAD_REQUEST', message, { errors: [{ path, message }] });
const notFound = () => new DomainError('NOT_FOUND', 'Không tìm thấy đoàn công tác');

export const DELEGATION_KIND_LABELS = { central: 'Đoàn Trung ương', foreign: 'Đoàn nước ngoài', other_province: 'Đoàn tỉnh, thành phố khác' } as const;

/** Tenant-wide organizers handle every delegation; an agency's organizers those their agency hosts (or they entered). */
function manages(actor: Actor, d: { hostAgencyId: string; createdBy: string }): boolean {
  const scope = scopeOf(actor, 'meeting.manage');
  if (scope === 'tenant') return true;
  return scope !== null && (d.hostAgencyId === actor.agencyId || d.createdBy === actor.userId);
}

async function checkRefs(ctx: ServiceContext, v: { receivingLeaderId?: string | undefined; hostAgencyId?: string | undefined }) {
  const [leaders, host] = await Promise.all([
    v.receivingLeaderId ? findLeaders(ctx.db, ctx.actor.tenantId, [v.receivingLeaderId]) : null,
    v.hostAgencyId ? getAgencyRef(ctx.db, ctx.actor.tenantId, v.hostAgencyId) : null,
  ]);
  if (v.receivingLeaderId && !leaders?.[0]) throw fieldError('receivingLeaderId', 'Người tiếp đoàn phải là lãnh đạo đang làm việc');
  if (v.hostAgencyId && (!host || !host.active)) throw fieldError('hostAgencyId', 'Cơ quan không có trong danh mục');
  if (v.hostAgencyId && scopeOf(ctx.actor, 'meeting.manage') !== 'tenant' && v.hostAgencyId !== ctx.actor.agencyId) throw fieldError('hostAgencyId', 'Bạn chỉ nhập được đoàn do cơ quan mình chủ trì đón tiếp');
  return leaders?.[0] ?? null;
}

const summary = (d: NonNullable<Awaited<ReturnType<typeof repo.getDelegation>>>) => ({
  id: d.id,
  kind: d.kind,
  name: d.name,
  organization: d.organization,
  headName: d.headName,
  memberCount: d.memberCount,
  arrivesOn: d.arrivesOn,
  departsOn: d.departsOn,
  receivingLeaderId: d.receivingLeaderId,
  receivingLeaderName: d.receivingLeaderName,
  hostAgencyId: d.hostAgencyId,
  hostAgencyName: d.hostAgencyName,
  state: d.state,
});

const snapshot = (d: Partial<repo.DelegationInsert>) => ({ kind: d.kind, name: d.name, organization: d.organization, headName: d.headName, memberCount: d.memberCount, arrivesOn: d.arrivesOn, departsOn: d.departsOn, receivingLeaderId: d.receivingLeaderId, hostAgencyId: d.hostAgencyId, state: d.state });

export async function createDelegation(ctx: ServiceContext, input: In<typeof CreateDelegationRequest>) {
  requirePermission(ctx.actor, 'meeting.manage');
  const leader = (await checkRefs(ctx, input))!;
  const id = newId();
  const row: repo.DelegationInsert = {
    id,
    tenantId: ctx.actor.tenantId,
    kind: input.kind,
    name: input.name,
    organization: input.organization,
    headName: input.headName,
    composition: input.composition ?? null,
    memberCount: input.memberCount ?? null,
    arrivesOn: input.arrivesOn,
    departsOn: input.departsOn,
    content: input.content,
    receivingLeaderId: leader.id,
    receivingLeaderName: leader.fullName,
    hostAgencyId: input.hostAgencyId,
    createdBy: ctx.actor.userId,
  };
  await ctx.db.transaction(async (tx) => {
    await repo.insertDelegation(tx, row);
    await audit(ctx, tx, { action: 'delegation.created', entityType: 'delegation', entityId: id, first: true, summary: `${DELEGATION_KIND_LABELS[input.kind]}: ${input.name}, ${formatVnDate(input.arrivesOn)}`, after: snapshot(row) });
  });
  return getDelegation(ctx, id);
}

export async function listDelegations(ctx: ServiceContext, q: In<typeof DelegationListQuery>) {
  const { items, total } = await repo.findDelegations(ctx.db, ctx.actor.tenantId, { ...q, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: items.map(summary), total };
}

/** Delegations are no secret inside the province: everyone of the tenant reads them. */
export async function getDelegation(ctx: ServiceContext, id: string) {
  const d = await repo.getDelegation(ctx.db, ctx.actor.tenantId, id);
  if (!d) throw notFound();
  const tasks = await listDelegationTasks(ctx, id);
  const actions: ('edit' | 'outcome' | 'task')[] = [];
  if (d.state === 'planned' && manages(ctx.actor, d)) actions.push('edit', 'outcome');
  if (d.state === 'received' && scopeOf(ctx.actor, 'task.assign')) actions.push('task');
  return { ...summary(d), composition: d.composition, content: d.content, outcome: d.outcome, createdByName: d.createdByName, createdAt: d.createdAt.toISOString(), tasks, actions };
}

/** A change to a planned delegation by those who handle it: 404 outside the tenant, 403 to others, 409 once it is over. */
async function change(ctx: ServiceContext, id: string, apply: (d: repo.DelegationRow) => Promise<{ values: Partial<repo.DelegationInsert>; action: string; summary: string }>) {
  requirePermission(ctx.actor, 'meeting.manage');
  await ctx.db.transaction(async (tx) => {
    const d = await repo.lockDelegation(tx, ctx.actor.tenantId, id);
    if (!d) throw notFound();
    if (!manages(ctx.actor, d)) throw new DomainError('FORBIDDEN', 'Đoàn này do cơ quan khác chủ trì đón tiếp');
    if (d.state !== 'planned') throw new DomainError('INVALID_STATE', d.state === 'received' ? 'Đoàn đã được đón tiếp, không sửa được' : 'Đoàn đã hoãn, hủy, không sửa được');
    const { values, action, summary: text } = await apply(d);
    await repo.updateDelegation(tx, ctx.actor.tenantId, id, values);
    await audit(ctx, tx, { action, entityType: 'delegation', entityId: id, summary: text, before: snapshot(d), after: snapshot({ ...d, ...values }) });
  });
  return getDelegation(ctx, id);
}

export async function updateDelegation(ctx: ServiceContext, id: string, input: In<typeof UpdateDelegationRequest>) {
  requirePermission(ctx.actor, 'meeting.manage');
  // the references are checked before the row is locked (one connection on the embedded database)
  const leader = await checkRefs(ctx, { receivingLeaderId: input.receivingLeaderId, hostAgencyId: input.hostAgencyId });
  return change(ctx, id, async (d) => {
    if ((input.departsOn ?? d.departsOn) < (input.arrivesOn ?? d.arrivesOn)) throw fieldError('departsOn', 'Ngày về không được trước ngày đến');
    const values: Partial<repo.DelegationInsert> = { ...input, ...(leader ? { receivingLeaderId: leader.id, receivingLeaderName: leader.fullName } : {}) };
    return { values, action: 'delegation.changed', summary: `Sửa thông tin đoàn ${input.name ?? d.name}` };
  });
}

export async function recordDelegationOutcome(ctx: ServiceContext, id: string, input: In<typeof DelegationOutcomeRequest>) {
  return change(ctx, id, async (d) => ({
    values: { state: input.state, outcome: input.outcome },
    action: `delegation.${input.state}`,
    summary: input.state === 'received' ? `Đã làm việc với ${d.name}` : `${d.name} hoãn, hủy: ${input.outcome}`,
  }));
}

/** A follow-up task of the visit, given through the tasks module in the same transaction as the delegation's audit entry. */
export async function createDelegationTask(ctx: ServiceContext, id: string, input: In<typeof DelegationTaskRequest>) {
  requirePermission(ctx.actor, 'task.assign');
  let taskId = '';
  await ctx.db.transaction(async (tx) => {
    const d = await repo.lockDelegation(tx, ctx.actor.tenantId, id);
    if (!d) throw notFound();
    if (d.state !== 'received') throw new DomainError('INVALID_STATE', 'Chỉ giao nhiệm vụ sau khi đã làm việc với đoàn');
    const reference = `Làm việc với ${d.name} ngày ${formatVnDate(d.arrivesOn)}`;
    const task = await createTask({ ...ctx, db: tx }, { ...input, source: { kind: 'delegation', reference } }, { sourceDelegationId: id });
    taskId = task.id;
    await audit(ctx, tx, { action: 'delegation.task_given', entityType: 'delegation', entityId: id, summary: `Giao nhiệm vụ sau khi làm việc với đoàn cho ${task.primaryAgencyName}: ${task.content}`, after: { taskId: task.id } });
  });
  return { taskId, delegation: await getDelegation(ctx, id) };
}
