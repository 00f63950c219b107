import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { multipart } from '../../../test/helpers/fixtures.js';
import { dossierComponents, dossierRatings, dossiers } from '../dossiers/tables.js';
import { procedures } from '../procedures/tables.js';
import { takeServiceIndexSnapshots } from './service-index-service.js';

let t: TestApp;
let admin: Session;
let leader: Session;
let specialist: Session;
let staff: Session;
const P = '01900000-0000-7000-8000-00000000b001';
const D = (n: number) => `01900000-0000-7000-8000-0000000e${String(n).padStart(4, '0')}`;
const at = (date: string, hm: string) => new Date(`${date}T${hm}:00+07:00`);
// March 2026 (22 working days, no holiday): nothing of the demo falls in it
const PERIOD = 'from=2026-03-01&to=2026-03-31';

beforeAll(async () => {
  t = await createTestApp();
  [admin, leader, specialist, staff] = (await Promise.all(['admin', 'lanhdao', 'chuyenvien', 'so'].map((u) => t.login(u)))) as [Session, Session, Session, Session];
  const db = t.database.db;
  const tenantId = admin.user.tenant.id;
  const A = staff.user.agency.id;
  await db.insert(procedures).values({
    id: P,
    tenantId,
    code: 'TEST-S.IDX01',
    name: 'Thủ tục thử chỉ số',
    field: 'Tài chính',
    level: 'province',
    competentAgencyId: A,
    competentAgencyName: 'Sở Tài chính',
    receivingAgencyName: 'Trung tâm Phục vụ hành chính công',
    timeLimit: 10,
    timeUnit: 'working_days',
    result: 'Giấy chứng nhận',
    resultPaper: true,
    onlineService: 'full',
    fees: [{ kind: 'fee', name: 'Phí thẩm định', amount: 50000 }],
  });
  const base = { tenantId, procedureId: P, procedureCode: 'TEST-S.IDX01', procedureName: 'Thủ tục thử chỉ số', applicantKind: 'person' as const, applicantName: 'Trần Thị Bình', applicantIdNumber: '091234567891', applicantPhone: '0912345679', applicantAddress: 'Long Xuyên', handlingAgencyId: A, feesDue: 50000 };
  const one = (n: number, channel: 1 | 2, date: string, extra: Partial<typeof dossiers.$inferInsert>) => ({ ...base, id: D(n), code: `TEST.I-${n}`, channel, status: 4 as const, submittedAt: at(date, '08:00'), receivedAt: at(date, '08:30'), appointmentAt: at('2026-03-27', '16:00'), ...extra });
  // 4 dossiers received in March: 2 online (one paid online), 3 ended (early, on time, late), 1 still open and overdue at the end of March
  await db.insert(dossiers).values([
    one(1, 2, '2026-03-02', { status: 10, processedAt: at('2026-03-04', '08:30'), endedAt: at('2026-03-04', '08:30'), returnedAt: at('2026-03-05', '08:30'), outcome: 'early', paidOnline: 1, resultElectronic: true }),
    one(2, 2, '2026-03-03', { status: 9, processedAt: at('2026-03-05', '08:30'), endedAt: at('2026-03-05', '08:30'), outcome: 'on_time' }),
    one(3, 1, '2026-03-04', { status: 9, processedAt: at('2026-03-06', '08:30'), endedAt: at('2026-03-06', '08:30'), outcome: 'late' }),
    one(4, 1, '2026-03-05', { appointmentAt: at('2026-03-18', '16:00') }),
  ]);
  await db.insert(dossierComponents).values([
    { dossierId: D(1), position: 1, name: 'Tờ khai', form: 'original', digitized: true, fromCitizenStore: true },
    { dossierId: D(2), position: 1, name: 'Tờ khai', form: 'original', digitized: false },
  ]);
  await db.insert(dossierRatings).values({ dossierId: D(3), tenantId, satisfied: false, ratedAt: at('2026-03-07', '10:00') });
});
afterAll(() => t.close());

const indicator = (body: { groups: { indicators: { code: string; num: number; den: number; points: number | null }[] }[] }, code: string) => body.groups.flatMap((g) => g.indicators).find((i) => i.code === code)!;

describe('the office dashboard', () => {
  it('gives the period’s dossier figures from the rollups, as the dossier statistics count them', async () => {
    const res = await t.as(leader, { method: 'GET', url: `/api/stats/dashboard?${PERIOD}` });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.period).toMatchObject({ from: '2026-03-01', to: '2026-03-31', workingDays: 22, agencyId: null, scopeName: 'Toàn tỉnh' });
    expect(d.dossiers).toMatchObject({ received: 4, online: 2, onlineRate: 50, resolved: 3, early: 1, onTime: 1, late: 1, onTimeRate: 66.67, openInTime: 0, openOverdue: 1 });
    // elapsed 2 days each for the three that ended
    expect(d.dossiers.averageDays).toBe(2);
    const month = d.months.find((m: { month: string }) => m.month === '2026-03');
    expect(month).toMatchObject({ dossiersReceived: 4, dossiersResolved: 3 });
    const sft = d.agencies.find((a: { agencyId: string }) => a.agencyId === staff.user.agency.id);
    expect(sft).toMatchObject({ dossiersReceived: 4, dossiersResolved: 3, dossiersOnTimeRate: 66.67, dossiersOpenOverdue: 1 });
    // a period of edge days and a whole month in between counts the same (days and months rollups agree)
    const wider = (await t.as(leader, { method: 'GET', url: '/api/stats/dashboard?from=2026-02-15&to=2026-04-10' })).json();
    expect(wider.dossiers).toMatchObject({ received: 4, online: 2, resolved: 3, early: 1, onTime: 1, late: 1 });
    const partial = (await t.as(leader, { method: 'GET', url: '/api/stats/dashboard?from=2026-03-03&to=2026-03-31' })).json();
    expect(partial.dossiers).toMatchObject({ received: 3, resolved: 3 });
    // the dossier statistics of the same period agree
    const old = (await t.as(leader, { method: 'GET', url: `/api/dossiers/stats?${PERIOD}` })).json();
    expect(old.total.received.total).toBe(d.dossiers.received);
    expect(old.total.resolved.total).toBe(d.dossiers.resolved);
    expect(old.total.pending.overdue).toBe(d.dossiers.openOverdue);
  });

  it('counts the catalog and follows a change at once (the outbox is applied before reading)', async () => {
    const catalog = (await t.database.db.execute(sql`select count(*)::int as n from procedures where tenant_id = ${admin.user.tenant.id} and active`)) as unknown as { rows: { n: number }[] };
    const d = (await t.as(leader, { method: 'GET', url: `/api/stats/dashboard?${PERIOD}` })).json();
    expect(d.procedures.published).toBe(catalog.rows[0]!.n);
    await t.database.db.execute(sql`update dossiers set status = 8, ended_at = ${at('2026-03-23', '09:00').toISOString()}::timestamptz, outcome = 'on_time' where id = ${D(4)}`);
    const after = (await t.as(leader, { method: 'GET', url: `/api/stats/dashboard?${PERIOD}` })).json();
    expect(after.dossiers).toMatchObject({ resolved: 4, onTime: 2, openOverdue: 0 });
    await t.database.db.execute(sql`update dossiers set status = 4, ended_at = null, outcome = null where id = ${D(4)}`);
  });

  it('refuses a reversed period, an unknown agency and a caller without stats.read, in Vietnamese', async () => {
    const reversed = await t.as(leader, { method: 'GET', url: '/api/stats/dashboard?from=2026-03-31&to=2026-03-01' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().detail ?? reversed.json().title).toMatch(/Ngày bắt đầu/);
    expect((await t.as(leader, { method: 'GET', url: `/api/stats/dashboard?${PERIOD}&agencyId=01900000-0000-7000-8000-000000000000` })).statusCode).toBe(400);
    expect((await t.as(specialist, { method: 'GET', url: `/api/stats/dashboard?${PERIOD}` })).statusCode).toBe(403);
  });

  it('exports the dashboard to Excel with Vietnamese headers', async () => {
    const res = await t.as(leader, { method: 'GET', url: `/api/stats/dashboard/export?${PERIOD}` });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo cơ quan', 'Theo tháng']);
    const rows = book.getWorksheet('Tổng hợp')!.getSheetValues();
    expect(rows.some((r) => Array.isArray(r) && r[1] === 'Hồ sơ tiếp nhận' && r[2] === 4)).toBe(true);
  });
});

describe('the service index', () => {
  it('computes the indicators from the period’s data', async () => {
    const res = await t.as(leader, { method: 'GET', url: `/api/stats/service-index?${PERIOD}&agencyId=${staff.user.agency.id}` });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.groups).toHaveLength(6);
    // 2.1: early + on time + open in time (0) over resolved (3) + open (1)
    expect(indicator(r, '2.1')).toMatchObject({ num: 2, den: 4, points: 10 });
    // 3.4: full-online procedure: 2 online of 4
    expect(indicator(r, '3.4')).toMatchObject({ num: 2, den: 4, points: 6 });
    // 3.6: 1 paid online of 4 fee-bearing
    expect(indicator(r, '3.6')).toMatchObject({ num: 1, den: 4, points: 1.5 });
    // 4.2: only D1 has all its components digitized and (processed, paper result) an electronic result
    expect(indicator(r, '4.2')).toMatchObject({ num: 1, den: 4 });
    // 4.4: one component from the citizen's store
    expect(indicator(r, '4.4')).toMatchObject({ num: 1, den: 4, points: 1 });
    // 5.4: 4 in the set, 2 overdue (1 late + 1 open overdue), 1 disliked: 1 − 2/4 − 1/4 = 25 % against a 90 % threshold → 6 × 0,25 / 0,9
    expect(indicator(r, '5.4')).toMatchObject({ den: 4, points: 1.67 });
    expect(r.improvements[0].gain).toBeGreaterThanOrEqual(r.improvements.at(-1).gain);
    expect(r.units).toEqual([]);
  });

  it('lists each department and commune when viewing the province', async () => {
    const r = (await t.as(leader, { method: 'GET', url: `/api/stats/service-index?${PERIOD}` })).json();
    const sft = r.units.find((u: { agencyId: string }) => u.agencyId === staff.user.agency.id);
    expect(sft.total).not.toBeNull();
    expect(r.units.length).toBeGreaterThan(10);
  });

  it('imports the national ranking and shows the province’s rank; a bad file changes nothing', async () => {
    const names = ['Hà Nội', 'Hồ Chí Minh', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ', 'Huế', 'Quảng Ninh', 'Bắc Ninh', 'Ninh Bình', 'Hưng Yên', 'Phú Thọ', 'Thái Nguyên', 'Tuyên Quang', 'Lào Cai', 'Lạng Sơn', 'An Giang'];
    const csv = ['Hạng,"Tỉnh, thành phố",Điểm', ...names.map((n, i) => `${i + 1},${n},"${(90 - i * 0.5).toFixed(2).replace('.', ',')}"`)].join('\n');
    const saved = async () => ((await t.database.db.execute(sql`select count(*)::int as n from national_rankings`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
    const bad = await t.as(leader, { method: 'POST', url: '/api/stats/national-ranking', ...rankingForm(Buffer.from('Tên,Số\nA,1'), '2026-03-31') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail ?? bad.json().title).toMatch(/Hạng/);
    const gap = await t.as(leader, { method: 'POST', url: '/api/stats/national-ranking', ...rankingForm(Buffer.from('Hạng,Tỉnh,Điểm\n1,Huế,"90,1"\n3,Hà Nội,"88"'), '2026-03-31') });
    expect(gap.statusCode).toBe(400);
    expect(await saved()).toBe(0);
    const ok = await t.as(leader, { method: 'POST', url: '/api/stats/national-ranking', ...rankingForm(Buffer.from(csv), '2026-03-31') });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ asOf: '2026-03-31', rows: 16, own: { rank: 16, name: 'An Giang', score: 82.5 } });
    const d = (await t.as(leader, { method: 'GET', url: `/api/stats/dashboard?${PERIOD}` })).json();
    expect(d.serviceIndex).toMatchObject({ rank: 16, rankOf: 16, nationalScore: 82.5, rankingAsOf: '2026-03-31' });
    expect((await t.as(staff, { method: 'POST', url: '/api/stats/national-ranking', ...multipart('xep-hang.csv', Buffer.from(csv)) })).statusCode).toBe(403);
  });

  it('keeps a monthly snapshot for the trend', async () => {
    expect(await takeServiceIndexSnapshots(t.database.db, admin.user.tenant.id, '2026-03')).toBeGreaterThan(1);
    // taken again, it replaces the month
    await takeServiceIndexSnapshots(t.database.db, admin.user.tenant.id, '2026-03');
    const list = (await t.as(leader, { method: 'GET', url: '/api/stats/service-index/snapshots' })).json();
    expect(list.items.filter((s: { month: string }) => s.month === '2026-03')).toHaveLength(1);
    expect(list.items[0].groups).toHaveLength(6);
  });
});

describe('the periodic report', () => {
  it('writes the period’s figures into an editable DOCX', async () => {
    const res = await t.as(leader, { method: 'POST', url: '/api/stats/reports/periodic', payload: { from: '2026-03-01', to: '2026-03-31', kind: 'so-ket', format: 'docx' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('bao-cao-so-ket-2026-03-01-2026-03-31.docx');
    const xml = strFromU8(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml']!);
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('từ ngày 01/03/2026 đến ngày 31/03/2026');
    expect(text).toContain('Tiếp nhận 4 hồ sơ, trong đó 2 hồ sơ trực tuyến');
  });

  it('also as PDF, and refuses a reversed period', async () => {
    const pdf = await t.as(leader, { method: 'POST', url: '/api/stats/reports/periodic', payload: { from: '2026-03-01', to: '2026-03-31', format: 'pdf' } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await t.as(leader, { method: 'POST', url: '/api/stats/reports/periodic', payload: { from: '2026-03-31', to: '2026-03-01' } })).statusCode).toBe(400);
  });
});

/** The ranking file and the day it was published, as the page sends them. */
function rankingForm(bytes: Buffer, asOf: string) {
  const form = multipart('xep-hang.csv', bytes);
  const boundary = /boundary=(.+)$/.exec(form.headers['content-type'])![1]!;
  return { headers: form.headers, payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="asOf"\r\n\r\n${asOf}\r\n`), form.payload]) };
}
