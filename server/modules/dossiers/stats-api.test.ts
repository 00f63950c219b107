import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { loadWorkCalendar } from '../../platform/calendar/service.js';
import { procedures } from '../procedures/tables.js';
import { portalDate } from './national-sync.js';
import { average2, feedbackFigures, percent } from './stats.js';
import { STATS_HEADER_ROW } from './stats-export.js';
import { dossierComponents, dossierRatings, dossiers, feedbacks } from './tables.js';

// The file implementation of the national portal writes here (read by the routes at each call).
const syncDir = mkdtempSync(path.join(tmpdir(), 'vps-national-'));
process.env.NATIONAL_SYNC_DIR = syncDir;

let t: TestApp;
let admin: Session;
let leader: Session;
let officer: Session;
let staff: Session;
let commune: Session;
let other: Session;
const P = '01900000-0000-7000-8000-00000000a001';
const P2 = '01900000-0000-7000-8000-00000000a002';
const D = (n: number) => `01900000-0000-7000-8000-0000000d${String(n).padStart(4, '0')}`;
const at = (date: string, hm: string) => new Date(`${date}T${hm}:00+07:00`);
// March 2024: no holiday (Giỗ Tổ Hùng Vương 2024 is 18 April); 1 March is a Friday
const PERIOD = 'from=2024-03-01&to=2024-03-31';

beforeAll(async () => {
  t = await createTestApp();
  [admin, leader, officer, staff, commune, other] = (await Promise.all(['admin', 'lanhdao', 'motcua', 'so', 'xa', 'tn.admin'].map((u) => t.login(u)))) as Session[] as [Session, Session, Session, Session, Session, Session];
  const db = t.database.db;
  const tenantId = admin.user.tenant.id;
  const A = staff.user.agency.id; // Sở Tài chính handles P
  const B = commune.user.agency.id; // Phường Rạch Giá handles P2
  const L1 = officer.user.agency.id; // the Center's first location
  const proc = { tenantId, field: 'Tài chính', competentAgencyName: 'Sở Tài chính', receivingAgencyName: 'Trung tâm Phục vụ hành chính công', timeLimit: 10, timeUnit: 'working_days' as const, result: 'Giấy chứng nhận' };
  await db.insert(procedures).values([
    { ...proc, id: P, code: 'TEST-S.STAT01', name: 'Thủ tục thử thống kê cấp tỉnh', level: 'province', competentAgencyId: A, resultPaper: true },
    { ...proc, id: P2, code: 'TEST-S.STAT02', name: 'Thủ tục thử thống kê cấp xã', level: 'commune', resultPaper: false },
  ]);
  const base = { tenantId, procedureId: P, procedureCode: 'TEST-S.STAT01', procedureName: 'Thủ tục thử thống kê cấp tỉnh', applicantKind: 'person' as const, applicantName: 'Nguyễn Văn An', applicantIdNumber: '091234567890', applicantPhone: '0912345678', applicantAddress: 'Rạch Giá', handlingAgencyId: A, receivingAgencyId: L1 };
  const received = (n: number, channel: 1 | 2 | 3, date: string, extra: Partial<typeof dossiers.$inferInsert>) => ({ ...base, id: D(n), code: `TEST.S-${date.replace(/-/g, '').slice(2)}-${String(n).padStart(4, '0')}`, channel, status: 4 as const, submittedAt: at(date, '08:30'), receivedAt: at(date, '09:00'), ...extra });
  await db.insert(dossiers).values([
    received(1, 1, '2024-03-04', { status: 10, appointmentAt: at('2024-03-18', '09:00'), processedAt: at('2024-03-08', '10:00'), endedAt: at('2024-03-08', '10:00'), outcome: 'early', resultElectronic: true }),
    received(2, 2, '2024-03-05', { status: 9, appointmentAt: at('2024-03-19', '09:00'), processedAt: at('2024-03-12', '10:00'), endedAt: at('2024-03-12', '10:00'), outcome: 'on_time' }),
    received(3, 2, '2024-03-06', { status: 9, appointmentAt: at('2024-03-19', '09:00'), processedAt: at('2024-03-20', '10:00'), endedAt: at('2024-03-20', '10:00'), outcome: 'late' }),
    received(4, 3, '2024-03-07', { appointmentAt: at('2024-03-29', '17:30') }),
    received(5, 1, '2024-03-25', { appointmentAt: at('2024-04-10', '17:30') }),
    // waiting for a supplement since before its appointment: counted up to the request → in time
    received(6, 2, '2024-03-11', { status: 5, appointmentAt: at('2024-03-25', '17:30'), pausedSince: at('2024-03-20', '10:00'), supplementCount: 1 }),
    // two supplement requests: overdue whatever the appointment
    received(7, 1, '2024-03-12', { appointmentAt: at('2024-05-02', '17:30'), supplementCount: 2 }),
    { ...received(8, 1, '2024-03-13', { status: 10, appointmentAt: at('2024-03-20', '09:00'), processedAt: at('2024-03-15', '10:00'), endedAt: at('2024-03-15', '10:00'), outcome: 'on_time' }), procedureId: P2, procedureCode: 'TEST-S.STAT02', procedureName: 'Thủ tục thử thống kê cấp xã', handlingAgencyId: B, receivingAgencyId: B },
    // received in February, ended in March
    received(9, 1, '2024-02-20', { status: 10, appointmentAt: at('2024-03-06', '09:00'), processedAt: at('2024-03-05', '10:00'), endedAt: at('2024-03-05', '10:00'), outcome: 'on_time' }),
    // appointment passed by 2 days 6.5 h at the period's end, but 3 days of paused time came off → in time
    received(10, 1, '2024-03-28', { appointmentAt: at('2024-03-29', '17:30'), pausedMs: 3 * 86_400_000 }),
    // an online dossier not yet received, and one received after the period
    { ...base, id: D(11), code: null, channel: 2, status: 1, submittedAt: at('2024-03-10', '08:00') },
    received(12, 1, '2024-04-02', {}),
  ]);
  const comp = (dossierId: string, position: number, extra: Partial<typeof dossierComponents.$inferInsert> = {}) => ({ dossierId, position, name: `Thành phần ${position}`, form: 'original' as const, digitized: true, ...extra });
  await db.insert(dossierComponents).values([
    comp(D(1), 1),
    comp(D(1), 2),
    comp(D(2), 1),
    comp(D(2), 2, { digitized: false, reusedFromDossierId: D(1) }),
    comp(D(3), 1), // all digitized, but its paper result has no electronic copy
    comp(D(6), 1, { fromCitizenStore: true }),
    comp(D(8), 1),
  ]);
  await db.insert(dossierRatings).values([
    { dossierId: D(1), tenantId, satisfied: true, criteria: { thaiDo: 5, thoiGian: 4 }, ratedAt: at('2024-03-09', '10:00') },
    { dossierId: D(2), tenantId, satisfied: false, criteria: { thaiDo: 2, thoiGian: 3 }, ratedAt: at('2024-03-13', '10:00') },
    { dossierId: D(3), tenantId, satisfied: true, criteria: { thaiDo: 4 }, ratedAt: at('2024-03-21', '10:00') },
    { dossierId: D(9), tenantId, satisfied: false, criteria: { thaiDo: 1 }, ratedAt: at('2024-04-01', '10:00') },
  ]);
  const fb = (n: number, submitted: Date, extra: Partial<typeof feedbacks.$inferInsert>) => ({ tenantId, code: `PAKN-S-${n}`, kind: 'procedure' as const, procedureId: P, agencyId: A, senderName: 'Trần Thị Bình', senderPhone: '0987654321', title: `Phản ánh ${n}`, content: 'Nội dung', submittedAt: submitted, ...extra });
  await db.insert(feedbacks).values([
    // refused exactly 2 working days (16 h) later: on time; one hour more: late
    fb(1, at('2024-03-04', '09:00'), { state: 'refused', refusedAt: at('2024-03-06', '09:00') }),
    fb(2, at('2024-03-04', '09:00'), { state: 'refused', refusedAt: at('2024-03-06', '10:00') }),
    // asked for more exactly 5 working days later (Fri 16:00 → Fri 16:00): on time
    fb(3, at('2024-03-08', '16:00'), { state: 'more_info', moreInfoRequestedAt: at('2024-03-15', '16:00') }),
    // resolved in 14 working days and 2 h, published 1 working day later: on time
    fb(4, at('2024-03-04', '08:00'), { state: 'published', resolvedAt: at('2024-03-22', '10:00'), publishedAt: at('2024-03-25', '10:00') }),
    // resolved in time, published 3 working days later: late
    fb(5, at('2024-03-04', '08:00'), { state: 'published', resolvedAt: at('2024-03-08', '10:00'), publishedAt: at('2024-03-13', '10:00') }),
    // never handled, 15 working days passed before the period's end: overdue
    fb(6, at('2024-03-01', '08:00'), { state: 'received' }),
    // never handled, not yet due at the period's end: not counted in the rate
    fb(7, at('2024-03-28', '08:00'), { state: 'received' }),
    // sent on Saturday: the clock starts Monday 07:30; refused Wednesday 07:30 on time, 08:00 late
    fb(9, at('2024-03-09', '10:00'), { state: 'refused', refusedAt: at('2024-03-13', '07:30') }),
    fb(10, at('2024-03-09', '10:00'), { state: 'refused', refusedAt: at('2024-03-13', '08:00') }),
    fb(8, at('2024-02-28', '08:00'), { state: 'received' }),
  ]);
  // Feedback that waited for the sender's information, for the Center (no procedure: outside the figures above).
  // Asked Tue 5/3 10:00, supplied Mon 11/3 10:00: Tue 5.5 h + Wed–Fri 24 h + Mon 2.5 h = 32 h = 1 920 minutes.
  const waited = { agencyId: L1, procedureId: null, moreInfoRequestedAt: at('2024-03-05', '10:00'), infoSuppliedAt: at('2024-03-11', '10:00'), infoWaitMinutes: 1920 };
  await db.insert(feedbacks).values([
    // submitted Mon 4/3 09:00: 15 days end Mon 25/3 09:00, 4 more waited → Fri 29/3 09:00; resolved right then: on time
    fb(21, at('2024-03-04', '09:00'), { ...waited, kind: 'regulation', state: 'resolved', resolvedAt: at('2024-03-29', '09:00') }),
    // one minute later: late even with the wait
    fb(22, at('2024-03-04', '09:00'), { ...waited, kind: 'officer', state: 'resolved', resolvedAt: at('2024-03-29', '09:01') }),
    // submitted Fri 8/3 09:00, back at the office: at the period's end 15 days and 6.5 h (390 minutes) have run;
    // a wait of 8 h (Mon 11/3 10:00 → Tue 12/3 10:00) keeps it within its deadline, one of 4 h (→ Mon 16:00) does not
    fb(23, at('2024-03-08', '09:00'), { ...waited, kind: 'officer', state: 'received', moreInfoRequestedAt: at('2024-03-11', '10:00'), infoSuppliedAt: at('2024-03-12', '10:00'), infoWaitMinutes: 480 }),
    fb(24, at('2024-03-08', '09:00'), { ...waited, kind: 'officer', state: 'received', moreInfoRequestedAt: at('2024-03-11', '10:00'), infoSuppliedAt: at('2024-03-11', '16:00'), infoWaitMinutes: 240 }),
    // asked within 5 days and still waiting at the period's end, long past 15 days from the submission: no deadline runs
    fb(25, at('2024-03-04', '09:00'), { kind: 'procedure', agencyId: L1, procedureId: null, state: 'more_info', moreInfoRequestedAt: at('2024-03-08', '10:00') }),
  ]);
});
afterAll(async () => {
  await t.close();
  rmSync(syncDir, { recursive: true, force: true });
});

describe('dossier statistics', () => {
  it('rounds rates half up to two decimals and has none for an empty denominator', () => {
    expect(percent(2, 3)).toBe(66.67);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 200_000)).toBe(0);
    expect(percent(3, 0)).toBeNull();
    expect(average2(11, 3)).toBe(3.67);
  });

  it('counts a hand-built month of one procedure', async () => {
    const res = await t.as(leader, { method: 'GET', url: `/api/dossiers/stats?${PERIOD}&procedureId=${P}` });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.total).toEqual({
      received: { total: 8, inPerson: 4, online: 3, postal: 1 },
      resolved: { total: 4, early: 1, onTime: 2, late: 1, onTimeRate: 75 },
      pending: { total: 5, inTime: 3, overdue: 2 },
      onlineShare: 37.5,
      digitized: 2,
      digitizedShare: 25,
      reused: 2,
      reuseShare: 25,
      feedback: { total: 9, handled: 7, handledOnTime: 4, overdueOpen: 1, onTimeRate: 50 },
      satisfaction: {
        rated: 3,
        satisfied: 2,
        rate: 66.67,
        criteria: [
          { criterion: 'thaiDo', average: 3.67, count: 3 },
          { criterion: 'thoiGian', average: 3.5, count: 2 },
        ],
      },
    });
    expect(s.rows).toHaveLength(1);
    expect(s.rows[0]).toMatchObject({ key: staff.user.agency.id, label: 'Sở Tài chính', received: { total: 8 } });
  });

  it('leaves the wait for the sender out of the 15 working days (indicators 5.2 and 5.3)', async () => {
    const res = await t.as(leader, { method: 'GET', url: `/api/dossiers/stats?${PERIOD}&agencyId=${officer.user.agency.id}` });
    expect(res.statusCode, res.body).toBe(200);
    // handled: 21, 22 resolved and 25 waiting; on time: 21, 25; open past the moved deadline: 24 only
    expect(res.json().total.feedback).toEqual({ total: 5, handled: 3, handledOnTime: 2, overdueOpen: 1, onTimeRate: 50 });
    const calendar = await loadWorkCalendar(t.database.db, admin.user.tenant.id);
    const figures = await feedbackFigures(t.database.db, admin.user.tenant.id, officer.user.agency.id, '2024-03-01', '2024-03-31', calendar);
    // about rules: 21 (regulation), 25 (procedure); taken off 5.3: 22 (late) and 24 (open past its deadline)
    expect(figures.total).toEqual({ total: 5, handled: 3, onTime: 2, overdueOpen: 1, aboutRules: 2, satisfiedNum: 3 });
  });

  it('groups by level and by receiving location', async () => {
    const byLevel = (await t.as(officer, { method: 'GET', url: `/api/dossiers/stats?${PERIOD}&groupBy=level&procedureId=${P2}` })).json();
    expect(byLevel.rows).toEqual([expect.objectContaining({ key: 'commune', label: 'Cấp xã', received: { total: 1, inPerson: 1, online: 0, postal: 0 }, digitizedShare: 100, onlineShare: 0 })]);
    expect(byLevel.rows[0].feedback.onTimeRate).toBeNull();
    const byLocation = (await t.as(officer, { method: 'GET', url: `/api/dossiers/stats?${PERIOD}&groupBy=location&level=commune&locationId=${commune.user.agency.id}` })).json();
    expect(byLocation.rows.map((r: { key: string; received: { total: number } }) => [r.key, r.received.total])).toEqual([[commune.user.agency.id, 1]]);
  });

  it('is refused to those without the statistics permission and sees only its own tenant', async () => {
    expect((await t.as(staff, { method: 'GET', url: `/api/dossiers/stats?${PERIOD}` })).statusCode).toBe(403);
    const foreign = (await t.as(other, { method: 'GET', url: `/api/dossiers/stats?${PERIOD}` })).json();
    expect(foreign.total.received.total).toBe(0);
    expect(foreign.total.feedback.total).toBe(0);
    const bad = await t.as(leader, { method: 'GET', url: '/api/dossiers/stats?from=2024-04-01&to=2024-03-01' });
    expect(bad.statusCode).toBe(400);
  });

  it('exports the figures to Excel as the service computed them', async () => {
    const res = await t.as(leader, { method: 'GET', url: `/api/dossiers/stats/export?${PERIOD}&procedureId=${P}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    const header = (ws.getRow(STATS_HEADER_ROW - 1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['STT', 'Cơ quan giải quyết', 'Tiếp nhận', 'Trực tiếp']);
    const col = (title: string) => header.indexOf(title) + 1;
    const row = ws.getRow(STATS_HEADER_ROW);
    expect(row.getCell(2).value).toBe('Sở Tài chính');
    expect(row.getCell(col('Tiếp nhận')).value).toBe(8);
    expect(row.getCell(col('Tỷ lệ đúng hạn (%)')).value).toBe(75);
    expect(row.getCell(col('Tỷ lệ hài lòng (%)')).value).toBe(66.67);
    const total = ws.getRow(STATS_HEADER_ROW + 1);
    expect(total.getCell(2).value).toBe('Tổng cộng');
    expect(total.getCell(col('Đang giải quyết quá hạn')).value).toBe(2);
    const empty = await t.as(leader, { method: 'GET', url: `/api/dossiers/stats/export?from=2020-01-01&to=2020-01-31&procedureId=${P}` });
    const book2 = new ExcelJS.Workbook();
    await book2.xlsx.load(empty.rawPayload as unknown as ArrayBuffer);
    const totalRow = book2.worksheets[0]!.getRow(STATS_HEADER_ROW);
    expect(totalRow.getCell(2).value).toBe('Tổng cộng');
    expect(totalRow.getCell(col('Tỷ lệ trực tuyến (%)')).value).toBe('—');
  });
});

describe('national portal export', () => {
  it('formats dates as yyyyMMddHHmmss in Việt Nam time', () => {
    expect(portalDate(new Date('2024-03-04T02:00:00Z'))).toBe('20240304090000');
    expect(portalDate(new Date('2024-12-31T17:30:05Z'))).toBe('20250101003005');
    expect(portalDate(null)).toBeUndefined();
  });

  it('writes the changed dossiers with the portal field names, marks them, and sends them again only when changed', async () => {
    expect((await t.as(leader, { method: 'POST', url: '/api/dossiers/national-sync', payload: { mode: 'changed' } })).statusCode).toBe(403);
    const res = await t.as(admin, { method: 'POST', url: '/api/dossiers/national-sync', payload: { mode: 'changed' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('.json');
    const records = res.json() as Record<string, unknown>[];
    expect(Number(res.headers['x-dossier-count'])).toBe(records.length);
    const mine = records.filter((r) => String(r.MaHoSo).startsWith('TEST.S-'));
    // 11 of the 12 have a code; the online one waiting to be received has none
    expect(mine).toHaveLength(11);
    const d1 = mine.find((r) => r.MaHoSo === 'TEST.S-240304-0001')!;
    expect(d1).toEqual({
      MaHoSo: 'TEST.S-240304-0001',
      MaTTHC: 'TEST-S.STAT01',
      TenTTHC: 'Thủ tục thử thống kê cấp tỉnh',
      KenhThucHien: 1,
      TrangThaiHoSo: 10,
      NgayNopHoSo: '20240304083000',
      NgayTiepNhan: '20240304090000',
      NgayHenTra: '20240318090000',
      NgayKetThucXuLy: '20240308100000',
      ThoiGianGiaiQuyet: 10,
      DonViTinh: 'Ngày làm việc',
      ChuHoSo: 'Nguyễn Văn An',
      SoCMND: '091234567890',
      TenCoQuan: 'Sở Tài chính',
      MaCoQuan: expect.any(String),
      DuocThanhToanTrucTuyen: 0,
      HoSoCoThanhPhanSoHoa: 1,
      TaiLieuNop: [
        { TenTepDinhKem: 'Thành phần 1', DuocSoHoa: 1, DuocLayTuKhoDMQG: 0 },
        { TenTepDinhKem: 'Thành phần 2', DuocSoHoa: 1, DuocLayTuKhoDMQG: 0 },
      ],
    });
    expect(mine.find((r) => r.MaHoSo === 'TEST.S-240311-0006')!.TaiLieuNop).toEqual([{ TenTepDinhKem: 'Thành phần 1', DuocSoHoa: 1, DuocLayTuKhoDMQG: 1 }]);
    // the same bytes were written by the file implementation
    const files = readdirSync(syncDir);
    expect(files).toHaveLength(1);
    expect(JSON.parse(readFileSync(path.join(syncDir, files[0]!), 'utf8'))).toEqual(records);

    const again = await t.as(admin, { method: 'POST', url: '/api/dossiers/national-sync', payload: { mode: 'changed' } });
    expect((again.json() as { MaHoSo: string }[]).filter((r) => r.MaHoSo.startsWith('TEST.S-'))).toEqual([]);
    await t.database.db.update(dossiers).set({ status: 10, updatedAt: new Date() }).where(eq(dossiers.id, D(2)));
    const changed = (await t.as(admin, { method: 'POST', url: '/api/dossiers/national-sync', payload: { mode: 'changed' } })).json() as { MaHoSo: string; TrangThaiHoSo: number }[];
    expect(changed.filter((r) => r.MaHoSo.startsWith('TEST.S-')).map((r) => [r.MaHoSo, r.TrangThaiHoSo])).toEqual([['TEST.S-240305-0002', 10]]);
    // a period sends again whatever was received in it
    const period = (await t.as(admin, { method: 'POST', url: '/api/dossiers/national-sync', payload: { mode: 'period', from: '2024-03-01', to: '2024-03-31' } })).json() as { MaHoSo: string }[];
    expect(period.filter((r) => r.MaHoSo.startsWith('TEST.S-'))).toHaveLength(9);
    expect((await t.as(admin, { method: 'POST', url: '/api/dossiers/national-sync', payload: { mode: 'period', from: '2024-03-31', to: '2024-03-01' } })).statusCode).toBe(400);
  });
});
