import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { instantFromVietnamLocalMs, toDayNumber, vietnamDate } from '../../platform/calendar/date-only.js';
import { createDueRecurrences } from './recurrence.js';
import { tasks } from './tables.js';

let t: TestApp;
let leader: Session;
let deptClerk: Session;
let commune: Session;

type Task = { id: string; seriesId: string | null; periodLabel: string | null; recurrence: string | null; recurrenceUntil: string | null; deadline: string; priority: string; content: string; state: string; coordinatingAgencies: { id: string }[]; events: { kind: string; actorName: string | null; note: string | null }[] };

const post = (s: Session, url: string, payload: object = {}) => t.as(s, { method: 'POST', url, payload });
const get = async (id: string) => (await t.as(leader, { method: 'GET', url: `/api/tasks/${id}` })).json() as Task;
const at = (day: string) => instantFromVietnamLocalMs(toDayNumber(day) * 86_400_000 + 9 * 3600_000);
const seriesOf = (seriesId: string) => t.database.db.select().from(tasks).where(eq(tasks.seriesId, seriesId)).orderBy(asc(tasks.deadline));
const year = Number(vietnamDate(new Date()).slice(0, 4)) + 1;

const body = (extra: Record<string, unknown>) => ({
  content: 'Báo cáo tình hình thực hiện nhiệm vụ kinh tế – xã hội',
  source: { kind: 'instruction', reference: 'Quy chế làm việc của UBND tỉnh' },
  primaryAgencyId: deptClerk.user.agency.id,
  coordinatingAgencyIds: [commune.user.agency.id],
  priority: 'high',
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  [leader, deptClerk, commune] = (await Promise.all(['lanhdao', 'vanthuso', 'xa'].map((u) => t.login(u)))) as [Session, Session, Session];
});
afterAll(() => t.close());

describe('recurring tasks (báo cáo định kỳ)', () => {
  it('need a deadline as a date; an end date only with a recurrence, not before the first deadline', async () => {
    const days = await post(leader, '/api/tasks', body({ dueInWorkingDays: 5, recurrence: 'monthly' }));
    expect(days.statusCode).toBe(400);
    expect(days.json().errors).toContainEqual({ path: 'body.dueDate', message: 'Nhiệm vụ định kỳ cần hạn theo ngày cụ thể, không theo số ngày làm việc' });
    const until = await post(leader, '/api/tasks', body({ dueDate: `${year}-01-31`, recurrenceUntil: `${year}-06-30` }));
    expect(until.json().errors).toContainEqual({ path: 'body.recurrenceUntil', message: 'Chỉ nhập ngày kết thúc khi nhiệm vụ là định kỳ' });
    const early = await post(leader, '/api/tasks', body({ dueDate: `${year}-01-31`, recurrence: 'monthly', recurrenceUntil: `${year}-01-01` }));
    expect(early.statusCode).toBe(400);
    expect(await t.database.db.select().from(tasks)).toEqual([]);
  });

  it('make the next period’s task once the period is over or done: same content and agencies, a month-end deadline clamped, never twice, never past the end date', async () => {
    const res = await post(leader, '/api/tasks', body({ dueDate: `${year}-01-31`, recurrence: 'monthly', recurrenceUntil: `${year}-03-30` }));
    expect(res.statusCode, res.body).toBe(201);
    const first = res.json() as Task;
    expect(first).toMatchObject({ seriesId: first.id, periodLabel: `Tháng 1/${year}`, recurrence: 'monthly', recurrenceUntil: `${year}-03-30` });
    expect(first.events[0]!.note).toContain(`Định kỳ hằng tháng, kỳ Tháng 1/${year}, đến 30/03/${year}`);
    const listed = (await t.as(leader, { method: 'GET', url: '/api/tasks?view=assigned_by_me' })).json() as { items: Task[] };
    expect(listed.items.find((i) => i.id === first.id)).toMatchObject({ periodLabel: `Tháng 1/${year}`, recurrence: 'monthly' });

    // not before the deadline has passed
    expect(await createDueRecurrences(t.database.db, at(`${year}-01-31`))).toBe(0);
    expect(await createDueRecurrences(t.database.db, at(`${year}-02-01`))).toBe(1);
    expect(await createDueRecurrences(t.database.db, at(`${year}-02-01`))).toBe(0);
    expect(await createDueRecurrences(t.database.db, at(`${year}-02-02`))).toBe(0);

    const [, secondRow] = await seriesOf(first.id);
    const second = await get(secondRow!.id);
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    expect(second).toMatchObject({ seriesId: first.id, periodLabel: `Tháng 2/${year}`, deadline: `${year}-02-${leap ? 29 : 28}`, content: first.content, priority: 'high', state: 'assigned', recurrenceUntil: `${year}-03-30` });
    expect(second.coordinatingAgencies.map((a) => a.id)).toEqual([commune.user.agency.id]);
    expect(second.events).toEqual([expect.objectContaining({ kind: 'period_created', actorName: 'Hệ thống', note: expect.stringContaining(`Tạo nhiệm vụ kỳ tiếp theo (Tháng 2/${year}`) })]);
    expect((await get(first.id)).events.at(-1)).toMatchObject({ kind: 'next_period_created', actorName: 'Hệ thống' });
    const notices = (await t.as(deptClerk, { method: 'GET', url: '/api/notifications' })).json() as { items: { kind: string; link: string }[] };
    expect(notices.items).toContainEqual(expect.objectContaining({ kind: 'task.assigned', link: `/nhiem-vu/${second.id}` }));

    // February confirmed done early: March would be due on the 31st (the series' day), after the end date
    await post(deptClerk, `/api/tasks/${second.id}/accept`);
    await post(deptClerk, `/api/tasks/${second.id}/done`, { note: 'Đã gửi báo cáo tháng 2' });
    expect((await post(leader, `/api/tasks/${second.id}/confirm`, {})).statusCode).toBe(200);
    expect(await createDueRecurrences(t.database.db, at(`${year}-02-10`))).toBe(0);
    expect((await seriesOf(first.id)).map((r) => r.deadline)).toEqual([`${year}-01-31`, second.deadline]);
  });

  it('advance a confirmed-done quarterly task to the next quarter at once, keeping the series day', async () => {
    const res = await post(leader, '/api/tasks', body({ dueDate: `${year}-03-31`, recurrence: 'quarterly', coordinatingAgencyIds: [] }));
    const first = res.json() as Task;
    expect(first.periodLabel).toBe(`Quý I/${year}`);
    await post(deptClerk, `/api/tasks/${first.id}/accept`);
    await post(deptClerk, `/api/tasks/${first.id}/done`, { note: 'Đã gửi báo cáo quý I' });
    await post(leader, `/api/tasks/${first.id}/confirm`, {});
    expect(await createDueRecurrences(t.database.db, new Date())).toBe(1);
    const rows = await t.database.db.select().from(tasks).where(and(eq(tasks.seriesId, first.id), eq(tasks.state, 'assigned')));
    expect(rows.map((r) => [r.deadline, r.periodLabel, r.assignedOn])).toEqual([[`${year}-06-30`, `Quý II/${year}`, vietnamDate(new Date())]]);
  });
});
