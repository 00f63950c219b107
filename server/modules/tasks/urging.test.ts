import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { auditEntries } from '../../platform/audit/tables.js';
import { addDays, dayOfWeek, instantFromVietnamLocalMs, toDayNumber, vietnamDate } from '../../platform/calendar/date-only.js';
import { formatVnDate, loadWorkCalendar } from '../../platform/calendar/service.js';
import { emailOutbox, notifications } from '../../platform/notify/tables.js';
import { userRoles, users } from '../org/tables.js';
import { type Role, scopeOf } from '../../platform/auth/permissions.js';
import { escalationCutoff, runTaskReminders } from './reminders.js';
import { newId } from '../../db/columns.js';
import { agencies } from '../org/tables.js';
import { taskEvents, taskReminders, tasks } from './tables.js';

let t: TestApp;
let leader: Session; // lanhdao: gives the tasks
let otherLeader: Session; // chanhvanphong: head of the Office (lowest rank among its leaders)
let officeLeader: Session; // truongphong: another leader of the Office
let officeClerk: Session; // vanthu: clerk of the Office
let deptClerk: Session; // vanthuso: clerk of the Department of Finance
let deptStaff: Session; // so: staff of the Department of Finance
let admin: Session;

type Task = { id: string; state: string; deadline: string; urgeCount: number; lastUrgedAt: string | null; escalatedAt: string | null; canUrge: boolean; events: { kind: string; actorName: string | null; note: string | null }[] };
type Notice = { id: string; kind: string; title: string; body: string; link: string | null; readAt: string | null };

const post = (s: Session, url: string, payload: object = {}) => t.as(s, { method: 'POST', url, payload });
const get = async (s: Session, id: string) => (await t.as(s, { method: 'GET', url: `/api/tasks/${id}` })).json() as Task;
async function inbox(s: Session) {
  const res = await t.as(s, { method: 'GET', url: '/api/notifications?pageSize=100' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Notice[]; total: number; unread: number };
}
const noticesOf = async (s: Session, taskId: string) => (await inbox(s)).items.filter((n) => n.link === `/nhiem-vu/${taskId}`);

async function created(extra: Record<string, unknown>): Promise<Task> {
  const res = await post(leader, '/api/tasks', { content: `Báo cáo tình hình giải ngân vốn đầu tư công ${Math.random()}`, source: { kind: 'instruction', reference: 'Ý kiến chỉ đạo tại phiên họp thường kỳ' }, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** 09:00 Vietnam time on a day: the job's clock, moved by the test, never by sleeping. */
const at = (day: string) => instantFromVietnamLocalMs(toDayNumber(day) * 86_400_000 + 9 * 3600_000);

beforeAll(async () => {
  t = await createTestApp();
  [leader, otherLeader, officeLeader, officeClerk, deptClerk, deptStaff, admin] = (await Promise.all(['lanhdao', 'chanhvanphong', 'truongphong', 'vanthu', 'vanthuso', 'so', 'admin'].map((u) => t.login(u)))) as Session[] as [Session, Session, Session, Session, Session, Session, Session];
});
afterAll(() => t.close());

describe('urging a task (đôn đốc)', () => {
  it('is the assigning leader’s: the primary agency’s leaders and clerks are notified, the count and the urge are kept', async () => {
    const task = await created({ primaryAgencyId: deptClerk.user.agency.id, dueInWorkingDays: 5 });
    expect(task).toMatchObject({ urgeCount: 0, lastUrgedAt: null, canUrge: true });
    expect((await get(deptClerk, task.id)).canUrge).toBe(false);

    // the assignee does not urge, another leader cannot even see it, an empty note changes nothing
    expect((await post(deptClerk, `/api/tasks/${task.id}/urge`, { note: 'Nhắc' })).statusCode).toBe(403);
    expect((await post(otherLeader, `/api/tasks/${task.id}/urge`, { note: 'Nhắc' })).statusCode).toBe(404);
    const empty = await post(leader, `/api/tasks/${task.id}/urge`, { note: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0]).toMatchObject({ path: 'body.note', message: 'Nhập nội dung đôn đốc' });
    expect((await get(leader, task.id)).urgeCount).toBe(0);

    const res = await post(leader, `/api/tasks/${task.id}/urge`, { note: 'Đề nghị Sở Tài chính khẩn trương báo cáo trước thứ Sáu' });
    expect(res.statusCode, res.body).toBe(200);
    const urged = res.json() as Task;
    expect(urged.urgeCount).toBe(1);
    expect(urged.lastUrgedAt).not.toBeNull();
    expect(urged.events.at(-1)).toMatchObject({ kind: 'urged', actorName: 'Lê Minh Đức', note: 'Đề nghị Sở Tài chính khẩn trương báo cáo trước thứ Sáu' });

    const [notice] = await noticesOf(deptClerk, task.id);
    expect(notice).toMatchObject({ kind: 'task.urged', readAt: null });
    expect(notice!.body).toContain('Đề nghị Sở Tài chính khẩn trương báo cáo trước thứ Sáu');
    expect(notice!.title.startsWith('Đôn đốc nhiệm vụ: Báo cáo tình hình giải ngân')).toBe(true);
    // staff of the department who are not named act on nothing: not notified
    expect(await noticesOf(deptStaff, task.id)).toEqual([]);

    const again = await post(leader, `/api/tasks/${task.id}/urge`, { note: 'Nhắc lần hai' });
    expect(again.json().urgeCount).toBe(2);
    expect((await noticesOf(deptClerk, task.id)).map((n) => n.body)).toEqual([expect.stringContaining('lần 2'), expect.stringContaining('lần 1')]);

    const trail = await t.database.db.select().from(auditEntries).where(and(eq(auditEntries.entityId, task.id), eq(auditEntries.action, 'task.urged'))).orderBy(asc(auditEntries.seq));
    expect(trail.map((a) => a.summary)).toEqual(['Đôn đốc nhiệm vụ (lần 1)', 'Đôn đốc nhiệm vụ (lần 2)']);
  });

  it('notifies the person named instead of the agency, and is refused once the task is reported or confirmed done', async () => {
    const task = await created({ primaryAgencyId: deptClerk.user.agency.id, primaryUserId: deptStaff.user.id, dueInWorkingDays: 5 });
    expect((await post(leader, `/api/tasks/${task.id}/urge`, { note: 'Chị Trang lưu ý hạn' })).statusCode).toBe(200);
    expect((await noticesOf(deptStaff, task.id)).map((n) => n.kind)).toEqual(['task.urged']);
    expect(await noticesOf(deptClerk, task.id)).toEqual([]);

    await post(deptStaff, `/api/tasks/${task.id}/accept`);
    await post(deptStaff, `/api/tasks/${task.id}/done`, { note: 'Đã gửi báo cáo' });
    const reported = await post(leader, `/api/tasks/${task.id}/urge`, { note: 'Nhắc' });
    expect([reported.statusCode, reported.json().code]).toEqual([409, 'INVALID_STATE']);
    expect((await get(leader, task.id)).canUrge).toBe(false);
    await post(leader, `/api/tasks/${task.id}/confirm`, {});
    const done = await post(leader, `/api/tasks/${task.id}/urge`, { note: 'Nhắc' });
    expect([done.statusCode, done.json().detail]).toEqual([409, 'Nhiệm vụ đã hoàn thành, không cần đôn đốc']);
    expect((await get(leader, task.id)).urgeCount).toBe(1);
  });
});

describe('notifications of a person', () => {
  it('are their own: read one, read all, someone else’s answers 404', async () => {
    const before = await inbox(deptClerk);
    expect(before.unread).toBeGreaterThan(0);
    const first = before.items[0]!;
    expect((await post(deptStaff, `/api/notifications/${first.id}/read`)).statusCode).toBe(404);
    const read = await post(deptClerk, `/api/notifications/${first.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await inbox(deptClerk)).unread).toBe(before.unread - 1);
    const all = await post(deptClerk, '/api/notifications/read-all');
    expect(all.json()).toEqual({ updated: before.unread - 1 });
    expect((await inbox(deptClerk)).unread).toBe(0);
    expect((await t.as(null, { method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });
});

describe('automatic reminders (controllable clock)', () => {
  it('remind before the deadline and when overdue once per deadline, escalate to the agency head after N working days, skipping a weekend and a holiday', async () => {
    const calendar0 = await loadWorkCalendar(t.database.db, leader.user.tenant.id);
    // a Friday two weeks or more ahead whose next Monday to Thursday are working days
    let deadline = addDays(vietnamDate(new Date()), 14);
    while (dayOfWeek(deadline) !== 5 || [3, 4, 5, 6].some((d) => !calendar0.isWorkingDay(addDays(deadline, d)).workingDay)) deadline = addDays(deadline, 1);
    const monday = addDays(deadline, 3);
    const holiday = await post(admin, '/api/calendar/overrides', { date: monday, kind: 'day_off', name: 'Nghỉ bù (thử nghiệm)' });
    expect(holiday.statusCode, holiday.body).toBe(201);
    const calendar = await loadWorkCalendar(t.database.db, leader.user.tenant.id);
    expect(calendar.isWorkingDay(monday).workingDay).toBe(false);

    // the Office: its head is the Chánh Văn phòng (rank 30), not the Trưởng phòng (rank 90)
    const task = await created({ primaryAgencyId: officeClerk.user.agency.id, dueDate: deadline });
    const other = await created({ primaryAgencyId: deptClerk.user.agency.id, primaryUserId: deptStaff.user.id, dueDate: deadline });
    const options = { escalateAfterDays: 3, email: false };
    const run = (day: string) => runTaskReminders(t.database.db, at(day), options);
    const kinds = async (id: string) => (await get(leader, id)).events.map((e) => e.kind).filter((k) => k.startsWith('reminder_'));

    // Monday before: 4 working days ahead, nothing yet (the other tests' tasks are long overdue by then)
    expect((await run(addDays(deadline, -4))).dueSoon).toBe(0);
    expect(await kinds(task.id)).toEqual([]);
    // Wednesday: 2 working days ahead, due soon; the same day again: nothing new
    expect((await run(addDays(deadline, -2))).dueSoon).toBe(2);
    expect(await kinds(task.id)).toEqual(['reminder_due_soon']);
    expect(await run(addDays(deadline, -2))).toEqual({ dueSoon: 0, overdue: 0, escalated: 0 });
    expect((await noticesOf(officeClerk, task.id)).map((n) => n.kind)).toEqual(['task.due_soon']);
    expect((await noticesOf(officeLeader, task.id)).map((n) => n.kind)).toEqual(['task.due_soon']);
    expect((await noticesOf(deptStaff, other.id)).map((n) => n.kind)).toEqual(['task.due_soon']);

    // the person named reports it done: no more reminders for that one
    await post(deptStaff, `/api/tasks/${other.id}/accept`);
    await post(deptStaff, `/api/tasks/${other.id}/done`, { note: 'Đã báo cáo' });

    // Saturday: overdue (once), to the agency and to the leader who gave it
    expect((await run(addDays(deadline, 1))).overdue).toBe(1);
    expect(await run(addDays(deadline, 2))).toEqual({ dueSoon: 0, overdue: 0, escalated: 0 });
    expect(await kinds(task.id)).toEqual(['reminder_due_soon', 'reminder_overdue']);
    expect(await kinds(other.id)).toEqual(['reminder_due_soon']);
    expect((await noticesOf(leader, task.id)).map((n) => n.kind)).toEqual(['task.overdue']);

    // Monday is a holiday, so three working days overdue is Thursday, not Wednesday
    expect(escalationCutoff(calendar, addDays(deadline, 5), 3) < deadline).toBe(true);
    await run(addDays(deadline, 3));
    expect(await run(addDays(deadline, 5))).toEqual({ dueSoon: 0, overdue: 0, escalated: 0 });
    expect((await get(leader, task.id)).escalatedAt).toBeNull();
    expect(await run(addDays(deadline, 6))).toEqual({ dueSoon: 0, overdue: 0, escalated: 1 });
    const escalated = await get(leader, task.id);
    expect(escalated.escalatedAt).toBe(at(addDays(deadline, 6)).toISOString());
    expect(escalated.events.at(-1)).toMatchObject({ kind: 'reminder_escalated', actorName: 'Hệ thống', note: 'Quá hạn 3 ngày làm việc: đã báo cáo Phạm Thanh Hải, lãnh đạo cơ quan chủ trì' });
    expect((await noticesOf(otherLeader, task.id)).map((n) => n.kind)).toEqual(['task.escalated', 'task.overdue', 'task.due_soon']);
    expect((await noticesOf(officeLeader, task.id)).map((n) => n.kind)).toEqual(['task.overdue', 'task.due_soon']);
    expect(await run(addDays(deadline, 8))).toEqual({ dueSoon: 0, overdue: 0, escalated: 0 });

    const sent = await t.database.db.select().from(taskReminders).where(eq(taskReminders.taskId, task.id)).orderBy(asc(taskReminders.at));
    expect(sent.map((r) => [r.kind, r.deadline])).toEqual([
      ['due_soon', deadline],
      ['overdue', deadline],
      ['escalated', deadline],
    ]);
    // no e-mail was asked for
    expect(await t.database.db.select().from(emailOutbox)).toEqual([]);
  });

  it('remind again for the deadline an approved extension gives', async () => {
    const deadline = addDays(vietnamDate(new Date()), 3);
    const task = await created({ primaryAgencyId: deptClerk.user.agency.id, dueDate: deadline });
    await runTaskReminders(t.database.db, at(addDays(deadline, 1)), { escalateAfterDays: 30, email: false });
    expect((await get(leader, task.id)).events.filter((e) => e.kind === 'reminder_overdue')).toHaveLength(1);

    const later = addDays(deadline, 20);
    expect((await post(deptClerk, `/api/tasks/${task.id}/extensions`, { dueDate: later, reason: 'Chờ số liệu của Kho bạc' })).statusCode).toBe(200);
    expect((await post(leader, `/api/tasks/${task.id}/extensions/decision`, { approve: true })).statusCode).toBe(200);
    await runTaskReminders(t.database.db, at(addDays(later, 1)), { escalateAfterDays: 30, email: false });
    const events = (await get(leader, task.id)).events.filter((e) => e.kind.startsWith('reminder_'));
    expect(events.map((e) => e.note)).toEqual([`Nhắc hạn: nhiệm vụ đã quá hạn ${formatVnDate(deadline)}`, `Nhắc hạn: nhiệm vụ đã quá hạn ${formatVnDate(later)}`]);
  });

  it('queue e-mails when e-mail is on, to real addresses only (never a demo .invalid one)', async () => {
    await t.database.db.update(users).set({ email: 'vanthu.stc@angiang.gov.vn' }).where(eq(users.id, deptClerk.user.id));
    const deadline = addDays(vietnamDate(new Date()), 2);
    const task = await created({ primaryAgencyId: officeClerk.user.agency.id, coordinatingAgencyIds: [], dueDate: deadline });
    const task2 = await created({ primaryAgencyId: deptClerk.user.agency.id, dueDate: deadline });
    await runTaskReminders(t.database.db, at(addDays(deadline, -1)), { escalateAfterDays: 30, email: true, publicUrl: 'https://vanphong.angiang.gov.vn' });
    const mails = await t.database.db.select().from(emailOutbox).orderBy(asc(emailOutbox.createdAt));
    // the Office's people all have demo addresses: in-app only
    expect(await noticesOf(officeClerk, task.id)).toHaveLength(1);
    expect(mails.map((m) => m.toAddress)).toEqual(['vanthu.stc@angiang.gov.vn']);
    expect(mails[0]).toMatchObject({ toName: 'Lê Thị Thu', state: 'pending', dedupeKey: `task.due_soon:${task2.id}:${deadline}:${deptClerk.user.id}` });
    expect(mails[0]!.text).toContain(`https://vanphong.angiang.gov.vn/nhiem-vu/${task2.id}`);
    // in-app, everyone who handles tasks for the department is told (its clerk and its leaders)
    const rows = await t.database.db.select().from(notifications).where(eq(notifications.entityId, task2.id));
    const people = await t.database.db.select({ id: users.id, role: userRoles.role }).from(users).innerJoin(userRoles, eq(userRoles.userId, users.id)).where(eq(users.agencyId, deptClerk.user.agency.id));
    const handlers = people.filter((p) => scopeOf({ roles: [p.role as Role] }, 'task.handle')).map((p) => p.id);
    expect(handlers).toContain(deptClerk.user.id);
    expect(rows.map((r) => r.userId).sort()).toEqual(handlers.sort());
  });

  it('work across provinces, a bounded number per run, each province’s notices to its own people', async () => {
    const [other] = await t.database.db.select().from(users).where(eq(users.username, 'tn.admin'));
    const [otherAgency] = await t.database.db.select().from(agencies).where(eq(agencies.tenantId, other!.tenantId));
    const deadline = addDays(vietnamDate(new Date()), 40);
    const ids = [newId(), newId()];
    for (const id of ids) {
      await t.database.db.insert(tasks).values({
        id,
        tenantId: other!.tenantId,
        content: 'Nhiệm vụ của tỉnh Thử Nghiệm',
        sourceKind: 'instruction',
        sourceReference: 'Chỉ đạo',
        priority: 'normal',
        assignedBy: other!.id,
        assignedByName: other!.fullName,
        assignerAgencyId: other!.agencyId,
        primaryAgencyId: otherAgency!.id,
        state: 'assigned',
        assignedOn: vietnamDate(new Date()),
        deadline,
        originalDeadline: deadline,
      });
    }
    const run = () => runTaskReminders(t.database.db, at(addDays(deadline, 1)), { escalateAfterDays: 60, email: false, limit: 1 });
    await run();
    const reminded = async () => (await t.database.db.select().from(taskReminders).where(eq(taskReminders.tenantId, other!.tenantId))).map((r) => r.kind);
    expect(await reminded()).toEqual(['overdue']);
    await run();
    expect(await reminded()).toEqual(['overdue', 'overdue']);
    const events = await t.database.db.select().from(taskEvents).where(eq(taskEvents.taskId, ids[0]!));
    expect(events.map((e) => [e.kind, e.tenantId, e.actorName])).toEqual([['reminder_overdue', other!.tenantId, 'Hệ thống']]);
    // the assigner of that province is told; nobody of An Giang hears of it
    const theirs = await t.database.db.select().from(notifications).where(eq(notifications.entityId, ids[0]!));
    expect(theirs.map((n) => [n.userId, n.tenantId])).toEqual([[other!.id, other!.tenantId]]);
  });
});
