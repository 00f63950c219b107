import { newId } from '../../db/columns.js';
import type { Db } from '../../db/open.js';
import { recordAudit } from '../../platform/audit/service.js';
import { addDays, vietnamDate } from '../../platform/calendar/date-only.js';
import { formatVnDate, loadWorkCalendar } from '../../platform/calendar/service.js';
import type { WorkCalendar } from '../../platform/calendar/work-calendar.js';
import { notify, type MailSettings } from '../../platform/notify/index.js';
import { DUE_SOON_WORKING_DAYS } from './derived-status.js';
import * as repo from './repo.js';
import { claimReminder, findUnreminded, listTenantIds } from './reminders-repo.js';
import { URGEABLE_STATES } from './state-machine.js';
import type { ReminderKind } from './tables.js';
import { assigneeRecipients, shortContent, taskLink } from './urging.js';

/** The name the timeline shows for what the system did by itself. */
export const SYSTEM_ACTOR_NAME = 'Hệ thống';

export interface ReminderOptions extends MailSettings {
  /** working days a task may be overdue before it is escalated to the head of its primary agency */
  escalateAfterDays: number;
  /** at most this many reminders of each kind per tenant and run: a backlog is worked off over runs */
  limit?: number;
}

/**
 * The latest deadline that is overdue by at least `days` working days on `today`: overdue days are the
 * working days after the deadline up to today, from the tenant's calendar (weekends and holidays skipped).
 */
export function escalationCutoff(calendar: WorkCalendar, today: string, days: number): string {
  let deadline = addDays(today, -1);
  // bounded: `days` working days never span more than a few weeks, even across Tết
  for (let i = 0; i < 400 && calendar.countWorkingDays(addDays(deadline, 1), today) < days; i++) deadline = addDays(deadline, -1);
  return deadline;
}

/**
 * The reminders job (run every few minutes, safe to run twice): for every tenant, tasks due soon and tasks
 * overdue are reminded once per deadline, and tasks overdue by `escalateAfterDays` working days are
 * escalated to the head of the primary agency. Each on the task's timeline and notified.
 */
export async function runTaskReminders(db: Db, now: Date, options: ReminderOptions) {
  const today = vietnamDate(now);
  const limit = options.limit ?? 200;
  const done = { dueSoon: 0, overdue: 0, escalated: 0 };
  for (const tenantId of await listTenantIds(db)) {
    const calendar = await loadWorkCalendar(db, tenantId);
    const dueSoonUntil = calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS);
    const plan: [ReminderKind, { from?: string; to: string }][] = [
      ['due_soon', { from: today, to: dueSoonUntil }],
      ['overdue', { to: addDays(today, -1) }],
      ['escalated', { to: escalationCutoff(calendar, today, options.escalateAfterDays) }],
    ];
    for (const [kind, range] of plan) {
      for (const candidate of await findUnreminded(db, tenantId, kind, range, limit)) {
        if (await remind(db, tenantId, candidate, kind, { now, today, calendar, options })) done[kind === 'due_soon' ? 'dueSoon' : kind] += 1;
      }
    }
  }
  return done;
}

interface Run {
  now: Date;
  today: string;
  calendar: WorkCalendar;
  options: ReminderOptions;
}

/** One reminder in its own transaction: the task re-read under lock, since it may have changed meanwhile. */
async function remind(db: Db, tenantId: string, candidate: { id: string; deadline: string }, kind: ReminderKind, run: Run): Promise<boolean> {
  return db.transaction(async (tx) => {
    const task = await repo.lockTask(tx, tenantId, candidate.id);
    if (!task || !URGEABLE_STATES.includes(task.state) || task.deadline !== candidate.deadline) return false;
    if (!(await claimReminder(tx, { tenantId, taskId: task.id, kind, deadline: task.deadline, at: run.now }))) return false;
    const deadline = formatVnDate(task.deadline);
    const title = shortContent(task.content);
    let note: string;
    let notice: { userIds: string[]; title: string; body: string };
    if (kind === 'due_soon') {
      note = `Nhắc hạn: nhiệm vụ sắp đến hạn ${deadline}`;
      notice = { userIds: await assigneeRecipients(tx, task), title: `Sắp đến hạn ${deadline}: ${title}`, body: `Nhiệm vụ do ${task.assignedByName} giao sắp đến hạn ${deadline} (tiến độ ${task.progress}%). Đề nghị hoàn thành và báo cáo đúng hạn.` };
    } else if (kind === 'overdue') {
      note = `Nhắc hạn: nhiệm vụ đã quá hạn ${deadline}`;
      // the assigner learns it too: the next step may be theirs (urge, or extend)
      notice = { userIds: [...(await assigneeRecipients(tx, task)), task.assignedBy], title: `Quá hạn ${deadline}: ${title}`, body: `Nhiệm vụ do ${task.assignedByName} giao đã quá hạn ${deadline} (tiến độ ${task.progress}%). Đề nghị khẩn trương hoàn thành và báo cáo.` };
    } else {
      const days = run.calendar.countWorkingDays(addDays(task.deadline, 1), run.today);
      const head = await repo.findAgencyHead(tx, tenantId, task.primaryAgencyId);
      note = head ? `Quá hạn ${days} ngày làm việc: đã báo cáo ${head.fullName}, lãnh đạo cơ quan chủ trì` : `Quá hạn ${days} ngày làm việc: cơ quan chủ trì chưa có lãnh đạo trên hệ thống, đã báo lãnh đạo và văn thư của cơ quan`;
      notice = {
        userIds: head ? [head.id] : await repo.findAgencyHandlers(tx, tenantId, task.primaryAgencyId),
        title: `Nhiệm vụ quá hạn ${days} ngày làm việc: ${title}`,
        body: `Nhiệm vụ do ${task.assignedByName} giao cho cơ quan của đồng chí đã quá hạn ${deadline} được ${days} ngày làm việc (tiến độ ${task.progress}%). Đề nghị đồng chí chỉ đạo hoàn thành.`,
      };
      await repo.updateTask(tx, tenantId, task.id, { escalatedAt: run.now });
      await recordAudit(tx, { tenantId, actorName: SYSTEM_ACTOR_NAME, action: 'task.escalated', entityType: 'task', entityId: task.id, summary: `Báo cáo lãnh đạo cơ quan chủ trì: quá hạn ${days} ngày làm việc`, after: { escalatedTo: head?.id ?? null, deadline: task.deadline, overdueWorkingDays: days } });
    }
    await repo.addEvent(tx, { id: newId(), tenantId, taskId: task.id, actorId: null, actorName: SYSTEM_ACTOR_NAME, kind: `reminder_${kind}`, fromState: null, toState: null, note, data: { deadline: task.deadline }, at: run.now });
    await notify(tx, { tenantId, ...notice, kind: `task.${kind}`, link: taskLink(task.id), entityType: 'task', entityId: task.id, dedupeKey: `task.${kind}:${task.id}:${task.deadline}` }, run.options);
    return true;
  });
}
