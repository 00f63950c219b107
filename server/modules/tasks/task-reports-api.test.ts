import { count, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { multipart } from '../../../test/helpers/fixtures.js';
import { addDays, vietnamDate } from '../../platform/calendar/date-only.js';
import { createAllInOneTransaction } from './bulk.js';
import { SCOREBOARD_HEADER_ROW } from './scoreboard.js';
import { tasks } from './tables.js';

let t: TestApp;
let leader: Session; // lanhdao: gives tasks, sees the whole province
let deptClerk: Session; // vanthuso: Department of Finance, sees only its row
let commune: Session; // xa: a ward
let otherTenant: Session;

const today = () => vietnamDate(new Date());
const taskCount = async () => (await t.database.db.select({ n: count() }).from(tasks))[0]!.n;
const source = { kind: 'meeting', reference: 'Thông báo kết luận số 12/TB-VPUBND ngày 20/11/2026' };
const item = (over: Record<string, unknown> = {}) => ({ content: 'Rà soát hồ sơ đất đai tồn đọng', primaryAgencyId: deptClerk.user.agency.id, dueInWorkingDays: 5, ...over });
const bulk = (s: Session, payload: object) => t.as(s, { method: 'POST', url: '/api/tasks/bulk', payload });

type Board = { scope: string; from: string; to: string; rows: { agencyId: string; group: string; assigned: number; doneOnTime: number; doneLate: number; overdue: number; inProgress: number; onTimeRate: number | null }[]; total: { assigned: number; doneOnTime: number; doneLate: number; overdue: number; inProgress: number; onTimeRate: number | null } };
async function board(s: Session, query = ''): Promise<Board> {
  const res = await t.as(s, { method: 'GET', url: `/api/tasks/scoreboard?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  [leader, deptClerk, commune, otherTenant] = (await Promise.all(['lanhdao', 'vanthuso', 'xa', 'tn.chuyenvien'].map((u) => t.login(u)))) as [Session, Session, Session, Session];
});
afterAll(() => t.close());

describe('bulk tasks of one conclusion notice', () => {
  it('creates every item with the common source, in order', async () => {
    const before = await taskCount();
    const res = await bulk(leader, { source, items: [item({ priority: 'high' }), item({ content: 'Báo cáo tiến độ giải ngân', primaryAgencyId: commune.user.agency.id, coordinatingAgencyIds: [deptClerk.user.agency.id], dueDate: addDays(today(), 10), dueInWorkingDays: undefined })] });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json().created as { id: string; content: string; deadline: string }[];
    expect(created.map((c) => c.content)).toEqual(['Rà soát hồ sơ đất đai tồn đọng', 'Báo cáo tiến độ giải ngân']);
    expect(created[1]!.deadline).toBe(addDays(today(), 10));
    expect(await taskCount()).toBe(before + 2);
    const rows = await t.database.db.select().from(tasks).where(inArray(tasks.id, created.map((c) => c.id)));
    expect(rows.every((r) => r.sourceKind === 'meeting' && r.sourceReference === source.reference && r.assignedBy === leader.user.id)).toBe(true);
  });

  it('refuses the whole notice when any item is wrong, naming each item by its index, and creates nothing', async () => {
    const before = await taskCount();
    const missing = '01900000-0000-7000-8000-000000000000';
    const res = await bulk(leader, {
      source,
      items: [item(), item({ primaryAgencyId: missing }), item({ coordinatingAgencyIds: [deptClerk.user.agency.id] }), item({ dueDate: addDays(today(), -1), dueInWorkingDays: undefined })],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['items.1.primaryAgencyId', 'items.2.coordinatingAgencyIds', 'items.3.dueDate']);
    const shape = await bulk(leader, { source, items: [item(), item({ content: '' })] });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().errors.map((e: { path: string }) => e.path)).toContain('body.items.1.content');
    expect(await taskCount()).toBe(before);
  });

  it('undoes the items already created when a later one fails inside the transaction (savepoints of createTask)', async () => {
    const before = await taskCount();
    const actor = { userId: leader.user.id, tenantId: leader.user.tenant.id, agencyId: leader.user.agency.id, unitId: leader.user.unit.id, username: 'lanhdao', fullName: 'Lê Minh Đức', roles: ['leader' as const], via: 'session' as const };
    const good = { content: 'Nhiệm vụ hợp lệ', primaryAgencyId: deptClerk.user.agency.id, coordinatingAgencyIds: [], dueInWorkingDays: 3, priority: 'normal' as const };
    const err = await createAllInOneTransaction({ db: t.database.db, actor }, { kind: 'instruction', reference: 'Chỉ đạo' }, [good, { ...good, primaryAgencyId: '01900000-0000-7000-8000-000000000000' }]).catch((e: unknown) => e);
    expect((err as { errors: { path: string }[] }).errors[0]!.path).toBe('items.1.primaryAgencyId');
    expect(await taskCount()).toBe(before);
  });

  it('is for those who give tasks only', async () => {
    expect((await bulk(deptClerk, { source, items: [item()] })).statusCode).toBe(403);
  });
});

describe('the scoreboard', () => {
  it('counts per primary agency on the as-of day, with a total row; a leader sees the province', async () => {
    const day = today();
    const res = await bulk(leader, { source, items: [item(), item(), item(), item(), item({ primaryAgencyId: commune.user.agency.id })] });
    const [onTime, late, overdue, reportedLate] = (res.json().created as { id: string }[]).map((c) => c.id);
    const set = (id: string, values: Partial<typeof tasks.$inferInsert>) => t.database.db.update(tasks).set(values).where(eq(tasks.id, id!));
    await set(onTime!, { state: 'confirmed_done', deadline: addDays(day, 2), reportedOn: day, completedOn: day });
    await set(late!, { state: 'confirmed_done', deadline: addDays(day, -1), reportedOn: day, completedOn: day });
    await set(overdue!, { state: 'in_progress', deadline: addDays(day, -1) });
    await set(reportedLate!, { state: 'reported_done', deadline: addDays(day, -2), reportedOn: addDays(day, -1) });

    const b = await board(leader, `from=${day}&to=${day}`);
    expect(b.scope).toBe('tenant');
    const dept = b.rows.find((r) => r.agencyId === deptClerk.user.agency.id)!;
    // this file's earlier bulk gave the department 1 more open task today, plus the 4 here (and 1 more item)
    expect(dept).toMatchObject({ group: 'agency', doneOnTime: 1, doneLate: 1, overdue: 2 });
    expect(dept.inProgress).toBe(dept.assigned - 4);
    expect(dept.onTimeRate).toBeCloseTo(1 / 4);
    const ward = b.rows.find((r) => r.agencyId === commune.user.agency.id)!;
    expect(ward).toMatchObject({ group: 'commune', doneOnTime: 0, overdue: 0, onTimeRate: null });
    expect(b.total.assigned).toBe(b.rows.reduce((s, r) => s + r.assigned, 0));
    expect(b.total.assigned).toBe(await taskCount());
    expect(b.total.onTimeRate).toBeCloseTo(1 / 4);

    // a year later every open task is overdue
    const later = await board(leader, `from=${day}&to=${day}&asOf=${addDays(day, 365)}`);
    expect(later.total.inProgress).toBe(0);
    expect(later.total.overdue).toBe(b.total.overdue + b.total.inProgress);

    expect((await board(leader, `from=${day}&to=${day}&group=commune`)).rows.map((r) => r.agencyId)).toEqual([commune.user.agency.id]);
    expect((await board(leader, `from=${day}&to=${day}&group=agency`)).rows.map((r) => r.agencyId)).toEqual([deptClerk.user.agency.id]);
    expect((await board(leader, `from=${addDays(day, 1)}&to=${addDays(day, 30)}`)).rows).toEqual([]);
  });

  it('lists the tasks behind a number: a leader for any agency, anyone else for their own only', async () => {
    const day = today();
    const url = (agencyId: string, bucket: string) => `/api/tasks/scoreboard/tasks?agencyId=${agencyId}&bucket=${bucket}&from=${day}&to=${day}`;
    const overdue = await t.as(leader, { method: 'GET', url: url(deptClerk.user.agency.id, 'overdue') });
    expect(overdue.statusCode, overdue.body).toBe(200);
    expect(overdue.json().total).toBe(2);
    expect(overdue.json().items.map((i: { derivedStatus: string }) => i.derivedStatus)).toEqual(['overdue', 'overdue']);
    const b = await board(leader, `from=${day}&to=${day}`);
    const all = await t.as(deptClerk, { method: 'GET', url: url(deptClerk.user.agency.id, 'assigned') });
    expect(all.json().total).toBe(b.rows.find((r) => r.agencyId === deptClerk.user.agency.id)!.assigned);
    expect((await t.as(deptClerk, { method: 'GET', url: url(commune.user.agency.id, 'assigned') })).statusCode).toBe(403);
  });

  it('defaults to this year to date, and refuses a period that ends before it starts', async () => {
    const b = await board(leader);
    expect([b.from, b.to]).toEqual([`${today().slice(0, 4)}-01-01`, today()]);
    const bad = await t.as(leader, { method: 'GET', url: '/api/tasks/scoreboard?from=2026-05-02&to=2026-05-01' });
    expect(bad.statusCode).toBe(400);
  });

  it('shows anyone else only their own agency, even with nothing assigned; never another province', async () => {
    const own = await board(deptClerk, 'group=commune');
    expect(own.scope).toBe('agency');
    expect(own.rows.map((r) => r.agencyId)).toEqual([deptClerk.user.agency.id]);
    expect(own.total.assigned).toBe(own.rows[0]!.assigned);
    const foreign = await board(otherTenant);
    expect(foreign.rows).toHaveLength(1);
    expect(foreign.rows[0]).toMatchObject({ agencyId: otherTenant.user.agency.id, assigned: 0, onTimeRate: null });
  });

  it('exports the same numbers to Excel: title with the period, headers, a total row, % formatted', async () => {
    const day = today();
    const b = await board(leader, `from=${day}&to=${day}`);
    const res = await t.as(leader, { method: 'GET', url: `/api/tasks/scoreboard.xlsx?from=${day}&to=${day}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    const vn = day.split('-').reverse().join('/');
    expect(String(ws.getCell(2, 1).value)).toContain(`từ ngày ${vn} đến ngày ${vn}`);
    expect(ws.getRow(SCOREBOARD_HEADER_ROW).values).toEqual([undefined, 'STT', 'Cơ quan chủ trì', 'Được giao', 'Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Quá hạn', 'Đang thực hiện', 'Tỷ lệ đúng hạn']);
    const first = ws.getRow(SCOREBOARD_HEADER_ROW + 1);
    const r0 = b.rows[0]!;
    expect([first.getCell(3).value, first.getCell(4).value, first.getCell(5).value, first.getCell(6).value, first.getCell(7).value]).toEqual([r0.assigned, r0.doneOnTime, r0.doneLate, r0.overdue, r0.inProgress]);
    const total = ws.getRow(SCOREBOARD_HEADER_ROW + 1 + b.rows.length);
    expect(total.getCell(2).value).toBe('Tổng cộng');
    expect(total.getCell(3).value).toBe(b.total.assigned);
    expect(total.getCell(8).value).toBeCloseTo(b.total.onTimeRate!);
    expect(total.getCell(8).numFmt).toBe('0.0%');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: SCOREBOARD_HEADER_ROW });
  });
});

async function sheetOf(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Nhiệm vụ');
  ws.addRow(['Nội dung', 'Cơ quan chủ trì (tên hoặc mã định danh)', 'Người chủ trì (tên đăng nhập)', 'Cơ quan phối hợp (cách nhau bởi ;)', 'Hạn (dd/MM/yyyy)', 'Số ngày làm việc', 'Mức độ (Thường/Cao/Khẩn)', 'Kết quả đầu ra']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}
const importUrl = (dryRun: boolean) => `/api/tasks/import?dryRun=${dryRun}&sourceKind=instruction&reference=${encodeURIComponent('Ý kiến chỉ đạo của Chủ tịch UBND tỉnh tại cuộc họp giao ban')}`;
const upload = (s: Session, file: Buffer, dryRun: boolean) => t.as(s, { method: 'POST', url: importUrl(dryRun), ...multipart('nhiem-vu.xlsx', file) });

describe('import from Excel', () => {
  it('gives a template with the columns and the agencies to pick from', async () => {
    const res = await t.as(leader, { method: 'GET', url: '/api/tasks/import-template.xlsx' });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Nhiệm vụ', 'Danh mục cơ quan']);
    expect(book.worksheets[0]!.getCell(1, 1).value).toBe('Nội dung');
    const names = book.worksheets[1]!.getColumn(1).values.slice(2);
    expect(names).toContain('Sở Tài chính');
    expect(names.length).toBeGreaterThan(100);

    // the template filled in as a person would (a due date typed as text) reads back as one task
    const ws = book.worksheets[0]!;
    ws.getRow(2).values = ['Báo cáo sơ kết 6 tháng', '000.00.02.z01', null, null, addDays(today(), 30).split('-').reverse().join('/'), null, 'Khẩn', null];
    const dry = await upload(leader, Buffer.from(await book.xlsx.writeBuffer()), true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ total: 1, valid: 1, rejected: 0, rows: [{ row: 2, deadline: addDays(today(), 30), priority: 'urgent' }] });
    expect(dry.json().rows[0].primaryAgencyName).toMatch(/^(Sở|Văn phòng|Ban)/);
  });

  it('reports every rejected row with its number and reason, and creates nothing until the file is clean', async () => {
    const before = await taskCount();
    const due = addDays(today(), 20).split('-').reverse().join('/');
    const bad = await sheetOf([
      ['Tổng hợp kết quả chuyển đổi số', 'so tai chinh', 'so', 'phuong rach gia; Sở Xây dựng', due, null, 'cao', 'Báo cáo'],
      ['', 'Sở Không Có', null, null, '31/02/2026', null, 'Gấp', null],
      ['Kiểm tra an toàn thực phẩm', 'Ủy ban nhân dân phường Rạch Giá', null, null, null, 7, null, null],
    ]);
    const dry = await upload(leader, bad, true);
    expect(dry.statusCode, dry.body).toBe(200);
    const report = dry.json() as { total: number; valid: number; rejected: number; createdIds: string[]; rows: { row: number; errors: string[]; primaryAgencyName: string | null; coordinatingAgencyNames: string[]; deadline: string | null; priority: string | null }[] };
    expect(report).toMatchObject({ total: 3, valid: 2, rejected: 1, createdIds: [] });
    expect(report.rows[0]).toMatchObject({ row: 2, primaryAgencyName: 'Sở Tài chính', deadline: addDays(today(), 20), priority: 'high', errors: [] });
    expect(report.rows[0]!.coordinatingAgencyNames).toEqual(['Ủy ban nhân dân phường Rạch Giá', 'Sở Xây dựng']);
    expect(report.rows[1]!.row).toBe(3);
    expect(report.rows[1]!.errors).toEqual(['Thiếu nội dung nhiệm vụ', 'Cơ quan chủ trì: không tìm thấy cơ quan "Sở Không Có"', 'Hạn "31/02/2026" không phải ngày dd/MM/yyyy', 'Mức độ "Gấp" phải là Thường, Cao hoặc Khẩn']);
    expect(report.rows[2]!.errors).toEqual([]);

    const refused = await upload(leader, bad, false);
    expect(refused.statusCode).toBe(200);
    expect(refused.json()).toMatchObject({ dryRun: false, rejected: 1, createdIds: [] });
    expect(await taskCount()).toBe(before);

    const good = await sheetOf([
      ['Tổng hợp kết quả chuyển đổi số', 'so tai chinh', 'so', 'phuong rach gia', new Date(`${addDays(today(), 20)}T00:00:00Z`), null, 'cao', 'Báo cáo'],
      ['Kiểm tra an toàn thực phẩm', 'UBND phường Rạch Giá', null, null, null, 7, 'Thường', null],
    ]);
    const done = await upload(leader, good, false);
    expect(done.statusCode, done.body).toBe(201);
    const ids = done.json().createdIds as string[];
    expect(ids).toHaveLength(2);
    const rows = await t.database.db.select().from(tasks).where(inArray(tasks.id, ids));
    const first = rows.find((r) => r.content === 'Tổng hợp kết quả chuyển đổi số')!;
    expect(first).toMatchObject({ primaryAgencyId: deptClerk.user.agency.id, primaryUserId: (await t.login('so')).user.id, deadline: addDays(today(), 20), priority: 'high', sourceKind: 'instruction' });
    expect(rows.find((r) => r.content === 'Kiểm tra an toàn thực phẩm')!.deadlineWorkingDays).toBe(7);
  });

  it('refuses what is not an xlsx, a sheet not made from the template, and callers who do not give tasks', async () => {
    expect((await upload(leader, Buffer.from('Nội dung;Hạn\n'), true)).statusCode).toBe(415);
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Khác').addRow(['Tên', 'Ngày']);
    const other = await upload(leader, Buffer.from(await book.xlsx.writeBuffer()), true);
    expect(other.statusCode).toBe(400);
    expect(other.json().detail).toContain('Tệp không đúng mẫu');
    expect((await upload(deptClerk, await sheetOf([['Việc', 'Sở Tài chính', null, null, null, 3, null, null]]), true)).statusCode).toBe(403);
  });
});
