import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { multipart, samplePdf } from '../../../test/helpers/fixtures.js';
import { auditEntries } from '../../platform/audit/tables.js';
import { addDays, vietnamDate } from '../../platform/calendar/date-only.js';
import { loadWorkCalendar } from '../../platform/calendar/service.js';
import { tasks } from './tables.js';

let t: TestApp;
let leader: Session; // lanhdao: Vice-Chairman, gives the tasks
let otherLeader: Session; // chanhvanphong: a leader who did not give them
let deptClerk: Session; // vanthuso: clerk of the Department of Finance, acts for it
let deptStaff: Session; // so: staff of the Department of Finance, named on tasks
let commune: Session; // xa: staff of a commune, coordinating
let specialist: Session; // chuyenvien: office specialist, not involved
let otherTenant: Session;

type Task = {
  id: string;
  state: string;
  derivedStatus: string;
  deadline: string;
  originalDeadline: string;
  deadlineWorkingDays: number | null;
  progress: number;
  reportedOn: string | null;
  completedOn: string | null;
  sourceReference: string;
  actions: string[];
  reports: { kind: string; percent: number | null; note: string; files: { id: string }[] }[];
  extensions: { status: string; requestedDeadline: string }[];
  events: { kind: string; fromState: string | null; toState: string | null; actorName: string; note: string }[];
};

const today = () => vietnamDate(new Date());
const post = (s: Session, url: string, payload: object = {}) => t.as(s, { method: 'POST', url, payload });
const get = (s: Session, id: string) => t.as(s, { method: 'GET', url: `/api/tasks/${id}` });
async function list(s: Session, query: string) {
  const res = await t.as(s, { method: 'GET', url: `/api/tasks?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: string; derivedStatus: string }[]; total: number };
}
const taskCount = async () => (await t.database.db.select({ n: count() }).from(tasks))[0]!.n;

let seq = 0;
async function created(extra: Record<string, unknown> = {}): Promise<Task> {
  seq += 1;
  const res = await post(leader, '/api/tasks', {
    content: `Rà soát, đề xuất phương án bố trí kinh phí chuyển đổi số lần ${seq}`,
    source: { kind: 'instruction', reference: 'Ý kiến chỉ đạo tại cuộc họp giao ban tuần' },
    primaryAgencyId: deptClerk.user.agency.id,
    dueInWorkingDays: 10,
    expectedResult: 'Báo cáo đề xuất gửi UBND tỉnh',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  [leader, otherLeader, deptClerk, deptStaff, commune, specialist, otherTenant] = (await Promise.all(['lanhdao', 'chanhvanphong', 'vanthuso', 'so', 'xa', 'chuyenvien', 'tn.chuyenvien'].map((u) => t.login(u)))) as [Session, Session, Session, Session, Session, Session, Session];
});
afterAll(() => t.close());

describe('a task from assignment to confirmed done', () => {
  it('is assigned, accepted, reported on, returned, reported again and confirmed; each step on the timeline and in the audit log', async () => {
    const task = await created({ primaryUserId: deptStaff.user.id, coordinatingAgencyIds: [commune.user.agency.id], priority: 'urgent' });
    const calendar = await loadWorkCalendar(t.database.db, leader.user.tenant.id);
    expect(task).toMatchObject({ state: 'assigned', derivedStatus: 'on_time', deadline: calendar.addWorkingDays(today(), 10), deadlineWorkingDays: 10, progress: 0 });
    expect(task.originalDeadline).toBe(task.deadline);
    expect(task.actions).toEqual([]);

    // who sees it: the sides and the primary agency; not an outsider, not another province
    expect((await get(specialist, task.id)).statusCode).toBe(404);
    expect((await get(otherLeader, task.id)).statusCode).toBe(404);
    expect((await get(otherTenant, task.id)).statusCode).toBe(404);
    expect(((await get(commune, task.id)).json() as Task).actions).toEqual(['add_note']);
    expect(((await get(deptStaff, task.id)).json() as Task).actions).toEqual(['accept', 'request_extension']);

    // the department's clerk acts for it as well as the person named
    const accepted = await post(deptStaff, `/api/tasks/${task.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().state).toBe('accepted');

    const file = (await t.as(deptStaff, { method: 'POST', url: '/api/files', ...multipart('bao-cao-tien-do.pdf', samplePdf('Tien do')) })).json().id as string;
    const progress = await post(deptStaff, `/api/tasks/${task.id}/progress`, { percent: 40, note: 'Đã tổng hợp số liệu của các sở', fileIds: [file] });
    expect(progress.statusCode, progress.body).toBe(200);
    expect(progress.json()).toMatchObject({ state: 'in_progress', progress: 40 });
    const download = await t.as(commune, { method: 'GET', url: `/api/tasks/${task.id}/files/${file}/content` });
    expect(download.statusCode).toBe(200);
    expect((await t.as(specialist, { method: 'GET', url: `/api/tasks/${task.id}/files/${file}/content` })).statusCode).toBe(404);

    // the coordinating commune adds its note, but never reports the task done
    const note = await post(commune, `/api/tasks/${task.id}/progress`, { note: 'Xã đã gửi số liệu hạ tầng' });
    expect(note.statusCode, note.body).toBe(200);
    expect(note.json().progress).toBe(40);
    const coordinatorDone = await post(commune, `/api/tasks/${task.id}/done`, { note: 'Xong' });
    expect([coordinatorDone.statusCode, coordinatorDone.json().code]).toEqual([403, 'FORBIDDEN']);

    const done = await post(deptClerk, `/api/tasks/${task.id}/done`, { note: 'Đã gửi báo cáo đề xuất' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'reported_done', progress: 100, reportedOn: today(), derivedStatus: 'on_time' });

    // only the leader who gave it confirms or returns it
    expect((await post(deptStaff, `/api/tasks/${task.id}/confirm`)).statusCode).toBe(403);
    const returned = await post(leader, `/api/tasks/${task.id}/return`, { reason: 'Bổ sung số liệu của 102 xã' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ state: 'in_progress', progress: 40, reportedOn: null });

    await post(deptStaff, `/api/tasks/${task.id}/done`, { note: 'Đã bổ sung số liệu' });
    const confirmed = await post(leader, `/api/tasks/${task.id}/confirm`, { note: 'Đạt yêu cầu' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const final = confirmed.json() as Task;
    expect(final).toMatchObject({ state: 'confirmed_done', derivedStatus: 'done_on_time', completedOn: today(), actions: [] });
    expect(final.reports.map((r) => [r.kind, r.percent])).toEqual([
      ['progress', 40],
      ['note', null],
      ['done', 100],
      ['done', 100],
    ]);
    expect(final.reports[0]!.files.map((f) => f.id)).toEqual([file]);
    expect(final.events.map((e) => `${e.kind}:${e.fromState ?? ''}>${e.toState}`)).toEqual([
      'assigned:>assigned',
      'accept:assigned>accepted',
      'report_progress:accepted>in_progress',
      'add_note:in_progress>in_progress',
      'report_done:in_progress>reported_done',
      'return:reported_done>in_progress',
      'report_done:in_progress>reported_done',
      'confirm_done:reported_done>confirmed_done',
    ]);
    expect(final.events[5]!.note).toContain('Bổ sung số liệu của 102 xã');

    // a second confirmation is out of turn: 409 in Vietnamese, and nothing is written
    const again = await post(leader, `/api/tasks/${task.id}/confirm`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'INVALID_STATE', detail: 'Chỉ xác nhận hoàn thành được khi đơn vị đã báo cáo hoàn thành' });
    expect(((await get(leader, task.id)).json() as Task).events).toHaveLength(8);
    const audited = await t.database.db.select({ action: auditEntries.action }).from(auditEntries).where(and(eq(auditEntries.entityType, 'task'), eq(auditEntries.entityId, task.id))).orderBy(asc(auditEntries.seq));
    expect(audited.map((a) => a.action)).toEqual(['task.assigned', 'task.accept', 'task.report_progress', 'task.add_note', 'task.report_done', 'task.return', 'task.report_done', 'task.confirm_done']);
  });

  it('keeps a directive document as its source when the leader may read it', async () => {
    const clerk = await t.login('vanthu');
    const doc = await post(clerk, '/api/documents/incoming', { channel: 'paper', senderName: 'Bộ Tài chính', numberNotation: '15/BTC-NSNN', issuedDate: today(), typeCode: 'CV', subject: 'Về việc triển khai dự toán năm 2027' });
    expect(doc.statusCode, doc.body).toBe(201);
    const source = { kind: 'document', documentId: doc.json().id };
    // the Vice-Chairman's agency does not hold it: refused, nothing created
    const before = await taskCount();
    const refused = await post(leader, '/api/tasks', { content: 'Triển khai dự toán', source, primaryAgencyId: deptClerk.user.agency.id, dueDate: addDays(today(), 20) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe('source.documentId');
    expect(await taskCount()).toBe(before);
    const res = await post(otherLeader, '/api/tasks', { content: 'Triển khai dự toán', source, primaryAgencyId: deptClerk.user.agency.id, dueDate: addDays(today(), 20) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ sourceKind: 'document', sourceReference: '15/BTC-NSNN – Về việc triển khai dự toán năm 2027', deadlineWorkingDays: null, deadline: addDays(today(), 20) });
  });
  it('is done late when the report came after the deadline, however soon it is confirmed', async () => {
    const task = await created();
    await post(deptClerk, `/api/tasks/${task.id}/accept`);
    await t.database.db.update(tasks).set({ deadline: addDays(today(), -1) }).where(eq(tasks.id, task.id));
    expect(((await get(leader, task.id)).json() as Task).derivedStatus).toBe('overdue');
    const reported = await post(deptClerk, `/api/tasks/${task.id}/done`, { note: 'Đã xong, chậm một ngày' });
    expect(reported.json()).toMatchObject({ state: 'reported_done', derivedStatus: 'overdue' });
    expect((reported.json() as Task).events.at(-1)!.note).toContain('(sau hạn)');
    const confirmed = await post(leader, `/api/tasks/${task.id}/confirm`);
    expect(confirmed.json()).toMatchObject({ state: 'confirmed_done', derivedStatus: 'done_late', completedOn: today() });
    expect((await list(leader, 'view=assigned_by_me&status=done_late')).items.map((i) => i.id)).toContain(task.id);
  });
});

describe('refusals change nothing', () => {
  it('refuses bad input with a Vietnamese message per field', async () => {
    const before = await taskCount();
    const base = { content: 'Kiểm tra', source: { kind: 'instruction', reference: 'Chỉ đạo' }, primaryAgencyId: deptClerk.user.agency.id, dueInWorkingDays: 3 };
    const cases: [object, string][] = [
      [{ ...base, coordinatingAgencyIds: [deptClerk.user.agency.id] }, 'coordinatingAgencyIds'],
      [{ ...base, primaryUserId: specialist.user.id }, 'primaryUserId'],
      [{ ...base, dueDate: addDays(today(), 3) }, 'dueDate'],
      [{ ...base, dueInWorkingDays: undefined, dueDate: addDays(today(), -1) }, 'dueDate'],
      [{ ...base, source: { kind: 'meeting' } }, 'source.reference'],
      [{ ...base, primaryAgencyId: otherTenant.user.agency.id }, 'primaryAgencyId'],
    ];
    for (const [body, path] of cases) {
      const res = await post(leader, '/api/tasks', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      // zod's paths name the body, the service's the field
      expect(res.json().errors.map((e: { path: string }) => e.path.replace(/^body\./, '')), res.body).toContain(path);
    }
    // only leaders give tasks
    for (const who of [specialist, deptClerk, deptStaff]) expect((await post(who, '/api/tasks', base)).statusCode).toBe(403);
    expect(await taskCount()).toBe(before);
  });

  it('refuses a step out of turn or by the wrong person', async () => {
    const task = await created();
    // nobody is named: the department's clerk acts for it; its staff only read
    expect(((await get(deptStaff, task.id)).json() as Task).actions).toEqual([]);
    expect((await post(deptStaff, `/api/tasks/${task.id}/accept`)).statusCode).toBe(403);
    const early = await post(deptClerk, `/api/tasks/${task.id}/done`, { note: 'Xong' });
    expect([early.statusCode, early.json().detail]).toEqual([409, 'Chỉ báo cáo hoàn thành được nhiệm vụ đã tiếp nhận, đang thực hiện']);
    expect((await post(leader, `/api/tasks/${task.id}/accept`)).statusCode).toBe(403);
    await post(deptClerk, `/api/tasks/${task.id}/accept`);
    expect((await post(deptClerk, `/api/tasks/${task.id}/accept`)).statusCode).toBe(409);
    expect((await post(deptClerk, `/api/tasks/${task.id}/progress`, { percent: 120, note: 'Quá' })).statusCode).toBe(400);
    expect((await post(deptClerk, `/api/tasks/${task.id}/progress`, { note: 'Thiếu phần trăm' })).statusCode).toBe(400);
    const stranger = (await t.as(specialist, { method: 'POST', url: '/api/files', ...multipart('khac.pdf', samplePdf('Khac')) })).json().id as string;
    const foreignFile = await post(deptClerk, `/api/tasks/${task.id}/progress`, { percent: 10, note: 'Kèm tệp người khác', fileIds: [stranger] });
    expect([foreignFile.statusCode, foreignFile.json().errors[0].path]).toEqual([400, 'fileIds']);
    expect((await post(specialist, `/api/tasks/${task.id}/progress`, { percent: 10, note: 'Không liên quan' })).statusCode).toBe(404);
    const after = (await get(leader, task.id)).json() as Task;
    expect(after).toMatchObject({ state: 'accepted', progress: 0, reports: [] });
    expect(after.events.map((e) => e.kind)).toEqual(['assigned', 'accept']);
  });
});

describe('extending the deadline', () => {
  it('is asked by the assignee with a reason, one request at a time, and decided by the assigner', async () => {
    const task = await created();
    const wanted = addDays(task.deadline, 10);
    expect((await post(deptClerk, `/api/tasks/${task.id}/extensions`, { dueDate: task.deadline, reason: 'Chưa đủ số liệu' })).statusCode).toBe(400);
    expect((await post(leader, `/api/tasks/${task.id}/extensions`, { dueDate: wanted, reason: 'Tự gia hạn' })).statusCode).toBe(403);
    const asked = await post(deptClerk, `/api/tasks/${task.id}/extensions`, { dueDate: wanted, reason: 'Chờ số liệu của Bộ Tài chính' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().actions).toEqual(['accept']);
    const second = await post(deptClerk, `/api/tasks/${task.id}/extensions`, { dueDate: addDays(wanted, 1), reason: 'Lần nữa' });
    expect(second.statusCode).toBe(409);
    expect((await post(deptClerk, `/api/tasks/${task.id}/extensions/decision`, { approve: true })).statusCode).toBe(403);
    expect((await post(leader, `/api/tasks/${task.id}/extensions/decision`, { approve: false })).statusCode).toBe(400);

    const refused = await post(leader, `/api/tasks/${task.id}/extensions/decision`, { approve: false, note: 'Cần hoàn thành đúng hạn' });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ deadline: task.deadline, extensions: [{ status: 'refused' }] });

    await post(deptClerk, `/api/tasks/${task.id}/extensions`, { dueDate: wanted, reason: 'Bộ Tài chính chưa gửi hướng dẫn' });
    const approved = await post(leader, `/api/tasks/${task.id}/extensions/decision`, { approve: true });
    expect(approved.statusCode, approved.body).toBe(200);
    const after = approved.json() as Task;
    expect(after).toMatchObject({ deadline: wanted, originalDeadline: task.deadline, state: 'assigned' });
    expect(after.extensions.map((e) => e.status)).toEqual(['refused', 'approved']);
    expect(after.events.map((e) => e.kind)).toEqual(['assigned', 'request_extension', 'decide_extension', 'request_extension', 'decide_extension']);
    expect((await post(leader, `/api/tasks/${task.id}/extensions/decision`, { approve: true })).statusCode).toBe(409);
  });
});

describe('lists', () => {
  it('shows my tasks, the ones I gave, my agency\'s and the overdue ones, filtered by derived status and by words without accents', async () => {
    const named = await created({ content: 'Kiểm tra hiện trạng đường điện nông thôn', primaryUserId: deptStaff.user.id, coordinatingAgencyIds: [commune.user.agency.id] });
    const late = await created({ content: 'Tổng hợp báo cáo quý về đầu tư công' });
    const soon = await created({ content: 'Chuẩn bị nội dung họp giao ban', dueDate: today(), dueInWorkingDays: undefined });
    await t.database.db.update(tasks).set({ deadline: addDays(today(), -3) }).where(eq(tasks.id, late.id));

    const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);
    const staffMine = ids(await list(deptStaff, 'view=mine'));
    expect(staffMine).toContain(named.id);
    expect(staffMine).not.toContain(late.id);
    expect(ids(await list(deptClerk, 'view=mine'))).toEqual(expect.arrayContaining([named.id, late.id, soon.id]));
    expect(ids(await list(leader, 'view=assigned_by_me'))).toEqual(expect.arrayContaining([named.id, late.id, soon.id]));
    const communeAgency = ids(await list(commune, 'view=agency'));
    expect(communeAgency).toContain(named.id);
    expect(communeAgency).not.toContain(late.id);
    expect(ids(await list(commune, 'view=mine'))).toEqual([]);
    expect(ids(await list(specialist, 'view=agency'))).toEqual([]);
    expect(ids(await list(otherTenant, 'view=agency'))).toEqual([]);

    const overdue = await list(leader, 'view=overdue');
    expect(ids(overdue)).toEqual([late.id]);
    expect(overdue.items[0]!.derivedStatus).toBe('overdue');
    expect(ids(await list(deptClerk, 'view=overdue'))).toEqual([late.id]);

    // the SQL filter agrees with deriveStatus for every status
    for (const status of ['on_time', 'due_soon', 'overdue', 'done_on_time', 'done_late']) {
      const r = await list(leader, `view=assigned_by_me&status=${status}&pageSize=200`);
      expect(r.items.every((i) => i.derivedStatus === status), status).toBe(true);
      expect(r.total).toBe(r.items.length);
    }
    expect(ids(await list(leader, 'view=assigned_by_me&status=due_soon'))).toContain(soon.id);
    expect(ids(await list(leader, 'view=assigned_by_me&status=done_on_time')).length).toBeGreaterThan(0);

    const found = await list(leader, `view=assigned_by_me&q=${encodeURIComponent('duong dien nong thon')}`);
    expect([ids(found), found.total]).toEqual([[named.id], 1]);
    const paged = await list(leader, 'view=assigned_by_me&pageSize=2&page=1');
    expect(paged.items).toHaveLength(2);
    expect(paged.total).toBeGreaterThan(2);
    expect((await t.as(leader, { method: 'GET', url: '/api/tasks?view=khac' })).statusCode).toBe(400);
  });
});
