import { newId } from '../../db/columns.js';
import type { Db } from '../../db/open.js';
import { recordAudit } from '../../platform/audit/service.js';
import { parseDate, vietnamDate } from '../../platform/calendar/date-only.js';
import { formatVnDate } from '../../platform/calendar/service.js';
import { notify, NO_EMAIL, type MailSettings } from '../../platform/notify/index.js';
import { SYSTEM_ACTOR_NAME } from './reminders.js';
import * as repo from './repo.js';
import { findSeriesDue, insertPeriodTask } from './recurrence-repo.js';
import { nextDeadline, periodLabel, RECURRENCE_LABEL } from './recurrence-period.js';
import { assigneeRecipients, shortContent, taskLink } from './urging.js';

/**
 * The recurrence job: when a period's task of a series is over (its deadline passed, or the assigner
 * confirmed it done), the next period's task is given with the same content, agencies, person, priority
 * and coordinators, a deadline one period later and its own period label — once (the unique series and
 * deadline index), and never past the series' end date.
 */
export async function createDueRecurrences(db: Db, now: Date, mail: MailSettings = NO_EMAIL, limit = 200): Promise<number> {
  const today = vietnamDate(now);
  let created = 0;
  for (const prev of await findSeriesDue(db, today, limit)) {
    const recurrence = prev.recurrence!;
    const deadline = nextDeadline(recurrence, prev.originalDeadline, parseDate(prev.anchorDeadline).day);
    if (prev.recurrenceUntil && deadline > prev.recurrenceUntil) continue;
    const ok = await db.transaction(async (tx) => {
      const coordinators = (await repo.getCoordinators(tx, prev.tenantId, prev.id)).map((c) => c.id);
      const id = newId();
      const label = periodLabel(recurrence, deadline);
      const inserted = await insertPeriodTask(
        tx,
        {
          id,
          tenantId: prev.tenantId,
          content: prev.content,
          expectedResult: prev.expectedResult,
          sourceKind: prev.sourceKind,
          sourceDocumentId: prev.sourceDocumentId,
          sourceReference: prev.sourceReference,
          sourceMeetingId: prev.sourceMeetingId,
          sourceDelegationId: prev.sourceDelegationId,
          recurrence,
          seriesId: prev.seriesId,
          periodLabel: label,
          recurrenceUntil: prev.recurrenceUntil,
          priority: prev.priority,
          assignedBy: prev.assignedBy,
          assignedByName: prev.assignedByName,
          assignerAgencyId: prev.assignerAgencyId,
          primaryAgencyId: prev.primaryAgencyId,
          primaryUserId: prev.primaryUserId,
          state: 'assigned',
          assignedOn: today,
          deadline,
          originalDeadline: deadline,
          deadlineWorkingDays: null,
        },
        coordinators,
      );
      if (!inserted) return false;
      const when = `${label}, hạn ${formatVnDate(deadline)}`;
      await repo.addEvent(tx, { id: newId(), tenantId: prev.tenantId, taskId: id, actorId: null, actorName: SYSTEM_ACTOR_NAME, kind: 'period_created', fromState: null, toState: 'assigned', note: `Tạo nhiệm vụ kỳ tiếp theo (${when}) của nhiệm vụ định kỳ ${RECURRENCE_LABEL[recurrence]} do ${prev.assignedByName} giao`, data: { previousTaskId: prev.id }, at: now });
      await repo.addEvent(tx, { id: newId(), tenantId: prev.tenantId, taskId: prev.id, actorId: null, actorName: SYSTEM_ACTOR_NAME, kind: 'next_period_created', fromState: null, toState: null, note: `Đã tạo nhiệm vụ kỳ tiếp theo (${when})`, data: { nextTaskId: id }, at: now });
      await recordAudit(tx, { tenantId: prev.tenantId, actorName: SYSTEM_ACTOR_NAME, action: 'task.assigned', entityType: 'task', entityId: id, first: true, summary: `Tạo nhiệm vụ định kỳ kỳ ${label}, hạn ${formatVnDate(deadline)}`, after: { seriesId: prev.seriesId, previousTaskId: prev.id, deadline, periodLabel: label } });
      await notify(
        tx,
        { tenantId: prev.tenantId, userIds: await assigneeRecipients(tx, prev), kind: 'task.assigned', title: `Nhiệm vụ định kỳ ${label}: ${shortContent(prev.content)}`, body: `Nhiệm vụ định kỳ do ${prev.assignedByName} giao, kỳ ${when}.`, link: taskLink(id), entityType: 'task', entityId: id, dedupeKey: `task.period:${prev.seriesId}:${deadline}` },
        mail,
      );
      return true;
    });
    if (ok) created += 1;
  }
  return created;
}
