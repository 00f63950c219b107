import type { z } from 'zod';
import { newId } from '../../db/columns.js';
import type { Db } from '../../db/open.js';
import { audit } from '../../platform/audit/service.js';
import { formatVnDate } from '../../platform/calendar/service.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import { NO_EMAIL, notify, type MailSettings } from '../../platform/notify/index.js';
import { canRead, canUrge } from './policy.js';
import * as repo from './repo.js';
import type { UrgeRequest } from './schemas.js';
import { taskNotFound } from './service.js';
import { URGEABLE_STATES } from './state-machine.js';

type In<T extends z.ZodType> = z.output<T>;

/** The web page of a task, the link every notice about it carries. */
export const taskLink = (id: string) => `/nhiem-vu/${id}`;

/** Who does the task: the person named, or else the primary agency's leaders and clerks (who act for it). */
export async function assigneeRecipients(db: Db, task: Pick<repo.TaskRow, 'tenantId' | 'primaryAgencyId' | 'primaryUserId'>): Promise<string[]> {
  return task.primaryUserId ? [task.primaryUserId] : repo.findAgencyHandlers(db, task.tenantId, task.primaryAgencyId);
}

/** The task's content cut for a title or a subject line. */
export const shortContent = (content: string, max = 120) => (content.length > max ? `${content.slice(0, max - 1).trimEnd()}…` : content);

/**
 * The assigning leader urges an open task with a note: the assignee is notified (in-app, and by e-mail when
 * configured), the count and the time are kept on the task, and the urge is on its timeline and in the audit.
 */
export async function urgeTask(ctx: ServiceContext, taskId: string, input: In<typeof UrgeRequest>, mail: MailSettings = NO_EMAIL, now = new Date()) {
  await ctx.db.transaction(async (tx) => {
    const task = await repo.lockTask(tx, ctx.actor.tenantId, taskId);
    if (!task) throw taskNotFound();
    const coordinatorIds = (await repo.getCoordinators(tx, ctx.actor.tenantId, taskId)).map((c) => c.id);
    if (!canRead(ctx.actor, task, coordinatorIds)) throw taskNotFound();
    if (!canUrge(ctx.actor, task)) throw new DomainError('FORBIDDEN', 'Chỉ lãnh đạo đã giao nhiệm vụ được đôn đốc nhiệm vụ này');
    if (!URGEABLE_STATES.includes(task.state)) {
      throw new DomainError('INVALID_STATE', task.state === 'confirmed_done' ? 'Nhiệm vụ đã hoàn thành, không cần đôn đốc' : 'Đơn vị đã báo cáo hoàn thành: hãy xác nhận hoặc trả lại thay vì đôn đốc');
    }
    const urgeCount = task.urgeCount + 1;
    await repo.updateTask(tx, ctx.actor.tenantId, taskId, { urgeCount, lastUrgedAt: now });
    await repo.addEvent(tx, { id: newId(), tenantId: ctx.actor.tenantId, taskId, actorId: ctx.actor.userId, actorName: ctx.actor.fullName, kind: 'urged', fromState: null, toState: null, note: input.note, data: { urgeCount }, at: now });
    await audit(ctx, tx, { action: 'task.urged', entityType: 'task', entityId: taskId, summary: `Đôn đốc nhiệm vụ (lần ${urgeCount})`, before: { urgeCount: task.urgeCount }, after: { urgeCount, note: input.note } });
    await notify(
      tx,
      {
        tenantId: ctx.actor.tenantId,
        userIds: await assigneeRecipients(tx, task),
        kind: 'task.urged',
        title: `Đôn đốc nhiệm vụ: ${shortContent(task.content)}`,
        body: `${ctx.actor.fullName} đôn đốc nhiệm vụ (lần ${urgeCount}), hạn ${formatVnDate(task.deadline)}: ${input.note}`,
        link: taskLink(taskId),
        entityType: 'task',
        entityId: taskId,
        // each urge is its own notice; the count makes a retried request notify once
        dedupeKey: `task.urged:${taskId}:${urgeCount}`,
      },
      mail,
    );
  });
}
