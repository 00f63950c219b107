import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { addDays, vietnamDate } from '../../platform/calendar/date-only.js';
import { documents } from '../documents/tables.js';
import { tasks } from '../tasks/tables.js';
import { conclusionReference } from './conclusions.js';
import { meetingConclusions } from './tables.js';
import { vnDate } from './vn-time.js';

let t: TestApp;
let leader: Session; // lanhdao: chairs, gives tasks
let officeSpecialist: Session; // chuyenvien: organizes, gives no tasks
let deptClerk: Session; // vanthuso: acts for the Department of Finance
let commune: Session; // xa: Phường Rạch Giá
let deptStaff: Session; // so: not invited
let otherTenant: Session;

type Meeting = {
  id: string;
  state: string;
  title: string;
  startsAt: string;
  conclusion: { summary: string; noticeDocumentId: string | null; recordedByName: string } | null;
  tasks: { id: string; content: string; primaryAgencyName: string; deadline: string; state: string; derivedStatus: string }[];
  actions: string[];
};

const today = () => vietnamDate(new Date());
const post = (s: Session, url: string, payload: object = {}) => t.as(s, { method: 'POST', url, payload });
const counts = async () => ({
  tasks: (await t.database.db.select({ n: count() }).from(tasks))[0]!.n,
  documents: (await t.database.db.select({ n: count() }).from(documents))[0]!.n,
  conclusions: (await t.database.db.select({ n: count() }).from(meetingConclusions))[0]!.n,
});

/** A meeting that began two hours ago, away from the rooms, organized by the Office. */
async function pastMeeting(title: string): Promise<Meeting> {
  const now = Date.now();
  const res = await post(leader, '/api/meetings', {
    kind: 'online_conference',
    title,
    chairUserId: leader.user.id,
    organizerAgencyId: officeSpecialist.user.agency.id,
    startsAt: new Date(now - 2 * 3_600_000).toISOString(),
    endsAt: new Date(now - 1 * 3_600_000).toISOString(),
    place: 'Hội trường Văn phòng UBND tỉnh',
    participantUserIds: [officeSpecialist.user.id],
    participantAgencyIds: [deptClerk.user.agency.id],
    siteAgencyIds: [commune.user.agency.id],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const items = () => [
  { content: 'Rà soát, tổng hợp nhu cầu kinh phí chuyển đổi số cấp xã.', primaryAgencyId: deptClerk.user.agency.id, dueDate: addDays(today(), 20) },
  { content: 'Hoàn thành kết nối điểm cầu trực tuyến tại trụ sở phường.', primaryAgencyId: commune.user.agency.id, dueDate: addDays(today(), 10), priority: 'high' },
];

beforeAll(async () => {
  t = await createTestApp();
  [leader, officeSpecialist, deptClerk, commune, deptStaff, otherTenant] = (await Promise.all(['lanhdao', 'chuyenvien', 'vanthuso', 'xa', 'so', 'tn.chuyenvien'].map((u) => t.login(u)))) as [Session, Session, Session, Session, Session, Session];
});
afterAll(() => t.close());

describe('recordConclusion', () => {
  it('waits until the meeting is held', async () => {
    const m = await pastMeeting('Hội nghị chưa ghi nhận đã họp');
    const res = await post(leader, `/api/meetings/${m.id}/conclusion`, { summary: 'Kết luận', items: items() });
    expect(res.statusCode).toBe(409);
  });

  it('refuses an actor who gives no tasks (403), a bad item (400 at its index), and leaves nothing behind', async () => {
    const m = await pastMeeting('Hội nghị trực tuyến về kinh phí chuyển đổi số');
    expect((await post(leader, `/api/meetings/${m.id}/held`)).statusCode).toBe(200);
    const before = await counts();

    const organizer = await post(officeSpecialist, `/api/meetings/${m.id}/conclusion`, { summary: 'Kết luận', items: items() });
    expect(organizer.statusCode).toBe(403);
    for (const outsider of [deptStaff, otherTenant]) expect((await post(outsider, `/api/meetings/${m.id}/conclusion`, { summary: 'Kết luận', items: items() })).statusCode).toBe(403);
    // a leader of another province does not even see it
    expect((await t.as(otherTenant, { method: 'GET', url: `/api/meetings/${m.id}` })).statusCode).toBe(404);

    const [first, second] = items();
    const unknownAgency = await post(leader, `/api/meetings/${m.id}/conclusion`, { summary: 'Kết luận', items: [first, { ...second, primaryAgencyId: '00000000-0000-7000-8000-000000000000' }] });
    expect(unknownAgency.statusCode).toBe(400);
    expect(unknownAgency.json().errors).toEqual([expect.objectContaining({ path: 'items.1.primaryAgencyId' })]);
    const late = await post(leader, `/api/meetings/${m.id}/conclusion`, { summary: 'Kết luận', items: [first, { ...second, dueDate: addDays(today(), -1) }] });
    expect(late.statusCode).toBe(400);
    expect(late.json().errors).toEqual([expect.objectContaining({ path: 'items.1.dueDate' })]);
    const empty = await post(leader, `/api/meetings/${m.id}/conclusion`, { summary: 'Kết luận', items: [first, { ...second, content: '  ' }] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors.map((e: { path: string }) => e.path)).toContain('body.items.1.content');
    expect(await counts()).toEqual(before);
  });

  it('records the conclusion, drafts the notice and gives one task per action item, in one step', async () => {
    const m = await pastMeeting('Hội nghị trực tuyến về chuyển đổi số cấp xã');
    await post(leader, `/api/meetings/${m.id}/held`);
    const before = await counts();
    const res = await post(leader, `/api/meetings/${m.id}/conclusion`, { summary: 'Các xã, phường hoàn thành kết nối trực tuyến trong tháng.\nSở Tài chính tổng hợp kinh phí.', items: items() });
    expect(res.statusCode, res.body).toBe(201);
    const done = res.json() as Meeting;
    expect(await counts()).toEqual({ tasks: before.tasks + 2, documents: before.documents + 1, conclusions: before.conclusions + 1 });
    expect(done.conclusion).toMatchObject({ recordedByName: 'Lê Minh Đức', summary: expect.stringContaining('Sở Tài chính tổng hợp kinh phí.') });
    expect(done.actions).not.toContain('conclusion');
    expect(done.tasks.map((x) => [x.content, x.state, x.deadline])).toEqual(items().map((i) => [i.content, 'assigned', i.dueDate]));
    expect(done.tasks.map((x) => x.derivedStatus)).toEqual(['on_time', 'on_time']);

    const rows = await t.database.db.select().from(tasks).where(eq(tasks.sourceMeetingId, m.id));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ sourceKind: 'meeting', assignedBy: leader.user.id, sourceReference: conclusionReference(m.title, new Date(m.startsAt)) });
    expect(rows[0]!.sourceReference).toBe(`Thông báo kết luận cuộc họp Hội nghị trực tuyến về chuyển đổi số cấp xã ngày ${vnDate(new Date(m.startsAt))}`);

    // the notice is a draft of the chair, on its way through the usual flow
    const notice = await t.as(leader, { method: 'GET', url: `/api/documents/${done.conclusion!.noticeDocumentId}` });
    expect(notice.statusCode, notice.body).toBe(200);
    expect(notice.json()).toMatchObject({ typeCode: 'TB', status: 'draft' });

    // the tasks appear at the assigned agencies
    const mine = (await t.as(deptClerk, { method: 'GET', url: '/api/tasks?view=mine' })).json() as { items: { id: string; sourceKind: string }[] };
    expect(mine.items.map((i) => i.id)).toContain(rows.find((r) => r.primaryAgencyId === deptClerk.user.agency.id)!.id);
    const communeTask = rows.find((r) => r.primaryAgencyId === commune.user.agency.id)!;
    expect((await t.as(commune, { method: 'GET', url: `/api/tasks/${communeTask.id}` })).statusCode).toBe(200);
    // a participant of the meeting sees the tasks on it
    const seenByCommune = (await t.as(commune, { method: 'GET', url: `/api/meetings/${m.id}` })).json() as Meeting;
    expect(seenByCommune.tasks).toHaveLength(2);
    // the notice is the organizer's draft until issued: the commune gets no link to it
    expect(seenByCommune.conclusion).toMatchObject({ noticeDocumentId: null });

    const again = await post(leader, `/api/meetings/${m.id}/conclusion`, { summary: 'Lần nữa', items: [] });
    expect(again.statusCode).toBe(409);
  });
});
