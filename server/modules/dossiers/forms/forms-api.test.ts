import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers/app.js';
import { newId } from '../../../db/columns.js';
import { auditEntries } from '../../../platform/audit/tables.js';
import { users } from '../../org/tables.js';
import { procedureComponents, procedures } from '../../procedures/tables.js';
import { dossierComponents, dossierEvents, dossierExtensions, dossierSupplements, dossiers, intakeSlips } from '../tables.js';
import { publicLookupUrl } from './format.js';

const run = promisify(execFile);
let t: TestApp;
let workDir: string;
let motcua: Session; // one-stop officer, Center location 1 (tenant-wide dossier.read)
let so: Session; // Sở Tài chính, the handling agency (agency scope)
let xa: Session; // Phường Rạch Giá, not involved (agency scope)
let admin: Session; // no dossier.read
let ids: Record<'truongphongso' | 'giamdocso', string>;

const A = newId(); // 2025 set, processed with a supplement, an extension and the result returned
const B = newId(); // 2018 set, stopped
const C = newId(); // online, new: no code yet
const D = newId(); // online, refused with a slip
const OTHER = newId(); // a dossier of the second tenant
const GUIDANCE = newId();
const REFUSAL_2018 = newId();
const CODE_A = '000.20.01.Z01-261120-0007';
const CODE_B = '000.20.01.Z01-250603-0012';

// 08:30 Friday 20/11/2026 in Việt Nam; appointment 16:00 Friday 27/11/2026 (5 working days)
const at = (iso: string) => new Date(iso);
const RECEIVED = at('2026-11-20T01:30:00Z');
const APPOINTMENT = at('2026-11-27T09:00:00Z');

const get = (s: Session | null, url: string) => t.as(s, { method: 'GET', url });

/** ISO paper by its size in points (1 mm = 72/25.4 pt): A5 148 × 210, A4 210 × 297. */
function paper(w: number, h: number): string {
  const mm = (pt: number) => Math.round((pt * 25.4) / 72);
  const name = `${mm(w)}x${mm(h)}`;
  return ({ '148x210': 'A5', '210x297': 'A4', '297x210': 'A4 landscape' } as Record<string, string>)[name] ?? name;
}

async function pdf(bytes: Buffer): Promise<{ text: string; size: string }> {
  const file = path.join(workDir, `${newId()}.pdf`);
  writeFileSync(file, bytes);
  const text = (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout;
  const info = (await run('pdfinfo', [file])).stdout;
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return { text: text.replace(/\s+/g, ' '), size: paper(Number(w), Number(h)) };
}

async function form(s: Session, id: string, name: string) {
  const res = await get(s, `/api/dossiers/${id}/forms/${name}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return { res, ...(await pdf(res.rawPayload)) };
}

beforeAll(async () => {
  t = await createTestApp();
  workDir = mkdtempSync(path.join(tmpdir(), 'vps-forms-'));
  [motcua, so, xa, admin] = (await Promise.all(['motcua', 'so', 'xa', 'admin'].map((u) => t.login(u)))) as [Session, Session, Session, Session];
  const db = t.database.db;
  const userId = async (username: string) => (await db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
  ids = { truongphongso: await userId('truongphongso'), giamdocso: await userId('giamdocso') };
  const tenantId = motcua.user.tenant.id;
  const center = motcua.user.agency.id;
  const stc = so.user.agency.id;
  const procedureId = newId();
  await db.insert(procedures).values({
    id: procedureId,
    tenantId,
    code: '1.999001',
    name: 'Cấp giấy phép thử nghiệm biểu mẫu',
    field: 'Thử nghiệm',
    level: 'province',
    competentAgencyId: stc,
    competentAgencyName: 'Sở Tài chính',
    receivingAgencyName: 'Trung tâm Phục vụ hành chính công tỉnh',
    timeLimit: 5,
    timeUnit: 'working_days',
    result: 'Giấy phép',
  });
  await db.insert(procedureComponents).values([
    { procedureId, position: 1, name: 'Đơn đề nghị cấp giấy phép', form: 'original', copies: 1 },
    { procedureId, position: 2, name: 'Căn cước công dân', form: 'certified_copy', copies: 2 },
  ]);
  const base = {
    tenantId,
    procedureId,
    procedureCode: '1.999001',
    procedureName: 'Cấp giấy phép thử nghiệm biểu mẫu',
    applicantKind: 'person' as const,
    applicantIdNumber: '091234567890',
    applicantPhone: '0912345678',
    applicantAddress: 'Số 5 Trần Phú, phường Rạch Giá',
    handlingAgencyId: stc,
    receivingAgencyId: center,
  };
  await db.insert(dossiers).values([
    {
      ...base,
      id: A,
      code: CODE_A,
      channel: 1,
      status: 10,
      formVersion: '2025',
      applicantName: 'Nguyễn Văn Biểu',
      applicantEmail: 'bieu@example.invalid',
      receivedBy: motcua.user.id,
      submittedAt: RECEIVED,
      receivedAt: RECEIVED,
      appointmentAt: at('2026-12-02T09:00:00Z'),
      originalAppointmentAt: APPOINTMENT,
      feesDue: 1500000,
      outcome: 'late',
      processedAt: at('2026-11-30T03:00:00Z'),
      returnedAt: at('2026-12-01T02:00:00Z'),
      endedAt: at('2026-11-30T03:00:00Z'),
    },
    { ...base, id: B, code: CODE_B, channel: 1, status: 8, formVersion: '2018', applicantName: 'Trần Thị Dừng', submittedAt: at('2025-06-03T02:00:00Z'), receivedAt: at('2025-06-03T02:00:00Z'), appointmentAt: at('2025-06-10T02:00:00Z'), closingReason: 'Người nộp đề nghị dừng để bổ sung giấy tờ khác', endedAt: at('2025-06-05T03:00:00Z') },
    { ...base, id: C, channel: 2, status: 1, applicantName: 'Lê Văn Mới', submittedAt: at('2026-11-25T02:00:00Z'), receivingAgencyId: null },
    { ...base, id: D, channel: 2, status: 3, applicantName: 'Phạm Văn Từ', submittedAt: at('2026-11-24T02:00:00Z'), closingReason: 'Không thuộc thẩm quyền', endedAt: at('2026-11-24T04:00:00Z') },
  ]);
  await db.insert(dossierComponents).values([
    { dossierId: A, position: 1, name: 'Đơn đề nghị cấp giấy phép', form: 'original', copies: 1 },
    { dossierId: A, position: 2, name: 'Căn cước công dân', form: 'certified_copy', copies: 2 },
    { dossierId: B, position: 1, name: 'Đơn đề nghị cấp giấy phép', form: 'original', copies: 1 },
  ]);
  const ev = (dossierId: string, seq: number, e: Partial<typeof dossierEvents.$inferInsert> & { kind: string; at: Date; actorName: string }) => ({ dossierId, seq, ...e });
  await db.insert(dossierEvents).values([
    ev(A, 1, { kind: 'received', at: RECEIVED, actorId: motcua.user.id, actorName: 'Huỳnh Văn Tâm', toStatus: 4 }),
    ev(A, 2, { kind: 'handoff', at: at('2026-11-20T03:00:00Z'), actorId: motcua.user.id, actorName: 'Huỳnh Văn Tâm', step: 2, stepName: 'Phân công thụ lý', agencyId: stc, assigneeId: ids.truongphongso, outcome: 'early', data: { finishedStep: 1, finishedStepName: 'Tiếp nhận hồ sơ', finishedOutcome: 'early' } }),
    ev(A, 3, { kind: 'handoff', at: at('2026-11-20T08:00:00Z'), actorId: ids.truongphongso, actorName: 'Nguyễn Hữu Phước', step: 3, stepName: 'Thẩm định hồ sơ', agencyId: stc, assigneeId: so.user.id, data: { finishedStep: 2, finishedStepName: 'Phân công thụ lý', finishedOutcome: 'on_time' } }),
    ev(A, 4, { kind: 'supplement_requested', at: at('2026-11-23T02:00:00Z'), actorId: so.user.id, actorName: 'Đặng Thu Trang', fromStatus: 4, toStatus: 5, note: 'Thiếu bản vẽ' }),
    ev(A, 5, { kind: 'supplement_completed', at: at('2026-11-24T02:00:00Z'), actorId: motcua.user.id, actorName: 'Huỳnh Văn Tâm', fromStatus: 5, toStatus: 4 }),
    ev(A, 6, { kind: 'handoff', at: at('2026-11-27T08:00:00Z'), actorId: so.user.id, actorName: 'Đặng Thu Trang', step: 4, stepName: 'Phê duyệt', agencyId: stc, assigneeId: ids.giamdocso, outcome: 'late', data: { finishedStep: 3, finishedStepName: 'Thẩm định hồ sơ', finishedOutcome: 'late' } }),
    ev(A, 7, { kind: 'extended', at: at('2026-11-26T02:00:00Z'), actorId: ids.giamdocso, actorName: 'Trần Quốc Bảo' }),
    ev(A, 8, { kind: 'returned', at: at('2026-12-01T02:00:00Z'), actorId: motcua.user.id, actorName: 'Huỳnh Văn Tâm', fromStatus: 9, toStatus: 10 }),
    ev(B, 1, { kind: 'received', at: at('2025-06-03T02:00:00Z'), actorId: motcua.user.id, actorName: 'Huỳnh Văn Tâm', toStatus: 4 }),
    ev(B, 2, { kind: 'stopped', at: at('2025-06-05T03:00:00Z'), actorId: ids.giamdocso, actorName: 'Trần Quốc Bảo', fromStatus: 4, toStatus: 8, note: 'Người nộp đề nghị dừng để bổ sung giấy tờ khác' }),
  ]);
  await db.insert(dossierSupplements).values({ dossierId: A, requestedAt: at('2026-11-23T02:00:00Z'), requestedBy: so.user.id, reason: 'Hồ sơ thiếu bản vẽ mặt bằng', items: ['Bản vẽ mặt bằng có xác nhận', 'Giấy ủy quyền'], completedAt: at('2026-11-24T02:00:00Z') });
  await db.insert(dossierExtensions).values({ dossierId: A, issuedAt: at('2026-11-26T02:00:00Z'), issuedBy: ids.giamdocso, reason: 'Cần lấy ý kiến cơ quan phối hợp', faultAgencyId: stc, previousAppointmentAt: APPOINTMENT, newAppointmentAt: at('2026-12-02T09:00:00Z') });
  // the second tenant's own procedure and dossier, with a code
  const other = await t.login('tn.admin');
  const otherProcedure = newId();
  await db.insert(procedures).values({ id: otherProcedure, tenantId: other.user.tenant.id, code: '1.999001', name: 'Thủ tục của tỉnh khác', field: 'Thử nghiệm', level: 'province', competentAgencyName: 'Sở', receivingAgencyName: 'Trung tâm', timeLimit: 5, timeUnit: 'working_days', result: 'Giấy phép' });
  await db.insert(dossiers).values({ ...base, tenantId: other.user.tenant.id, procedureId: otherProcedure, handlingAgencyId: other.user.agency.id, receivingAgencyId: other.user.agency.id, id: OTHER, code: 'TN-261120-0001', channel: 1, status: 4, applicantName: 'Người Tỉnh Khác', submittedAt: RECEIVED, receivedAt: RECEIVED });
  const applicant = { kind: 'person' as const, name: 'Võ Thị Hướng', phone: '0909000111', address: 'Phường Long Xuyên' };
  await db.insert(intakeSlips).values([
    { id: GUIDANCE, tenantId, kind: 'guidance', procedureId, receivingAgencyId: center, applicant, items: ['Tờ khai theo mẫu', 'Ảnh 4x6'], note: 'Thiếu tờ khai', issuedBy: motcua.user.id, issuedAt: at('2026-11-26T03:00:00Z') },
    { id: REFUSAL_2018, tenantId, kind: 'refusal', procedureId, receivingAgencyId: center, applicant, items: ['Hồ sơ không thuộc thẩm quyền giải quyết của tỉnh'], issuedBy: motcua.user.id, issuedAt: at('2025-06-20T03:00:00Z') },
    { tenantId, kind: 'refusal', procedureId, receivingAgencyId: center, dossierId: D, applicant: { kind: 'person', name: 'Phạm Văn Từ' }, items: ['Không thuộc thẩm quyền của Sở Tài chính'], issuedBy: motcua.user.id, issuedAt: at('2026-11-24T04:00:00Z') },
  ]);
});

afterAll(async () => {
  await t.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('the lookup link of the receipt', () => {
  it('points at the public lookup page of the tenant with the code', () => {
    expect(publicLookupUrl('https://dichvucong.angiang.gov.vn/', 'an-giang', CODE_A)).toBe(`https://dichvucong.angiang.gov.vn/cong-khai/dich-vu-cong/an-giang/tra-cuu?ma=${CODE_A}`);
  });
});

describe('access to the forms', () => {
  it('needs a session and dossier.read; another agency does not see the dossier', async () => {
    expect((await get(null, `/api/dossiers/${A}/forms/receipt`)).statusCode).toBe(401);
    const refused = await get(admin, `/api/dossiers/${A}/forms/receipt`);
    expect(refused.statusCode).toBe(403);
    const other = await get(xa, `/api/dossiers/${A}/forms/receipt`);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('NOT_FOUND');
    // the handling agency reads it
    expect((await get(so, `/api/dossiers/${A}/forms/control`)).statusCode).toBe(200);
  });

  it("never shows another tenant's dossier, even with tenant-wide dossier.read", async () => {
    expect((await get(motcua, `/api/dossiers/${OTHER}/forms/receipt`)).statusCode).toBe(404);
    const ledger = await pdf((await get(motcua, '/api/dossiers/ledger?from=2026-11-01&to=2026-11-30')).rawPayload);
    expect(ledger.text).toContain(CODE_A);
    expect(ledger.text).not.toContain('TN-261120-0001');
  });

  it('refuses an unknown form and a malformed id with 400', async () => {
    expect((await get(motcua, `/api/dossiers/${A}/forms/receipt2`)).statusCode).toBe(400);
    expect((await get(motcua, '/api/dossiers/123/forms/receipt')).statusCode).toBe(400);
  });

  it('answers 409 with a Vietnamese reason when the dossier has no such form yet', async () => {
    const cases: [string, string, RegExp][] = [
      [C, 'receipt', /chưa được tiếp nhận/],
      [C, 'control', /chưa được tiếp nhận/],
      [B, 'supplement', /chưa có yêu cầu bổ sung/],
      [B, 'extension', /chưa có văn bản xin lỗi/],
      [A, 'stop', /không bị dừng/],
      [A, 'refusal', /không bị từ chối/],
    ];
    for (const [id, name, detail] of cases) {
      const res = await get(motcua, `/api/dossiers/${id}/forms/${name}`);
      expect(res.statusCode, `${name}`).toBe(409);
      expect(res.json().code).toBe('DOSSIER_FORM_UNAVAILABLE');
      expect(res.json().detail).toMatch(detail);
    }
    expect((await get(motcua, `/api/dossiers/${A}/forms/supplement?itemId=${newId()}`)).statusCode).toBe(404);
  });
});

describe('Circular 03/2025 forms of a dossier', () => {
  it('01 receipt: A5, the header, the applicant, the components, the times, the QR link', async () => {
    const { res, text, size } = await form(motcua, A, 'receipt');
    expect(res.headers['content-disposition']).toContain(`filename="giay-tiep-nhan-${CODE_A}.pdf"`);
    expect(size).toBe('A5');
    for (const s of [
      'UBND TỈNH AN GIANG',
      'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
      'Số: 7/TTPVHCC',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'An Giang, ngày 20 tháng 11 năm 2026',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      `Mã hồ sơ: ${CODE_A}`,
      'Nguyễn Văn Biểu',
      '091234567890',
      'Cấp giấy phép thử nghiệm biểu mẫu (mã thủ tục 1.999001)',
      'Đơn đề nghị cấp giấy phép',
      'Căn cước công dân',
      'Bản sao chứng thực',
      '05 ngày làm việc',
      '08 giờ 30 phút, ngày 20/11/2026',
      // the receipt keeps the appointment it was given, not the one moved by the apology letter
      '16 giờ 00 phút, ngày 27/11/2026',
      '1.500.000 đồng',
      'Quyển số: 2026, Số thứ tự: 7',
      'Huỳnh Văn Tâm',
      `http://localhost:80/cong-khai/dich-vu-cong/an-giang/tra-cuu?ma=${CODE_A}`,
      'Mẫu số 01 – Thông tư số 03/2025/TT-VPCP',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('02/12/2026');
  });

  it('06 control slip: A4, one row per hand-off with early / on time / late, the supplement and the return', async () => {
    const { text, size } = await form(motcua, A, 'control');
    expect(size).toBe('A4');
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Mẫu số 06 – Thông tư số 03/2025/TT-VPCP');
    expect(text).toContain('Hẹn lại ngày trả kết quả: 16 giờ 00 phút, ngày 02/12/2026');
    // rows in order: Center → Sở (early), unit head → handler (on time), supplement out and back, handler → director (late), return
    const order = [
      '1. Giao: Trung tâm Phục vụ hành chính công tỉnh An Giang – Điểm tiếp nhận số 1 Nhận: Sở Tài chính',
      '10 giờ 00 phút, ngày 20/11/2026 Người giao: Huỳnh Văn Tâm Người nhận: Nguyễn Hữu Phước',
      'Trước hạn',
      '2. Giao: Sở Tài chính Nhận: Sở Tài chính',
      'Người giao: Nguyễn Hữu Phước Người nhận: Đặng Thu Trang',
      'Đúng hạn',
      '3. Giao: Sở Tài chính Nhận: Nguyễn Văn Biểu',
      'Yêu cầu bổ sung hồ sơ: Thiếu bản vẽ',
      '4. Giao: Nguyễn Văn Biểu Nhận: Sở Tài chính',
      '5. Giao: Sở Tài chính',
      'Người giao: Đặng Thu Trang Người nhận: Trần Quốc Bảo',
      'Quá hạn',
      '6. Giao: Sở Tài chính Nhận: Nguyễn Văn Biểu',
      '09 giờ 00 phút, ngày 01/12/2026',
      'Trả kết quả',
    ];
    let from = 0;
    for (const s of order) {
      const i = text.indexOf(s, from);
      expect(i, `"${s}" after position ${from}`).toBeGreaterThanOrEqual(0);
      from = i + s.length;
    }
  });

  it('02 supplement slip: the items, the reason, the officer', async () => {
    const { text, size } = await form(motcua, A, 'supplement');
    expect(size).toBe('A5');
    for (const s of ['PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', `Mã hồ sơ: ${CODE_A}`, '1. Bản vẽ mặt bằng có xác nhận', '2. Giấy ủy quyền', 'Lý do: Hồ sơ thiếu bản vẽ mặt bằng', 'Cơ quan giải quyết hồ sơ: Sở Tài chính', 'Đặng Thu Trang', 'An Giang, ngày 23 tháng 11 năm 2026', 'Mẫu số 02 – Thông tư số 03/2025/TT-VPCP']) {
      expect(text).toContain(s);
    }
  });

  it('04 apology and extension letter of the agency at fault', async () => {
    const { text, size } = await form(so, A, 'extension');
    expect(size).toBe('A5');
    for (const s of [
      'UBND TỈNH AN GIANG',
      'SỞ TÀI CHÍNH',
      'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
      'Kính gửi: Ông/Bà Nguyễn Văn Biểu',
      `mã hồ sơ ${CODE_A}`,
      '16 giờ 00 phút, ngày 27/11/2026',
      'Lý do: Cần lấy ý kiến cơ quan phối hợp',
      '16 giờ 00 phút, ngày 02/12/2026',
      'Trần Quốc Bảo',
      'Mẫu số 04 – Thông tư số 03/2025/TT-VPCP',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('03 refusal slip of an online dossier refused with a slip', async () => {
    const { text } = await form(motcua, D, 'refusal');
    for (const s of ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'Phạm Văn Từ', '1. Không thuộc thẩm quyền của Sở Tài chính', 'Huỳnh Văn Tâm', 'Mẫu số 03 – Thông tư số 03/2025/TT-VPCP']) expect(text).toContain(s);
  });
});

describe('Circular 01/2018 forms of a dossier received before 1 July 2025', () => {
  it('01 receipt and 05 control slip from the 2018 set, both A5', async () => {
    const receipt = await form(motcua, B, 'receipt');
    expect(receipt.size).toBe('A5');
    expect(receipt.text).toContain('Mẫu số 01 – Thông tư số 01/2018/TT-VPCP');
    expect(receipt.text).toContain('09 giờ 00 phút, ngày 03/06/2025');
    const control = await form(motcua, B, 'control');
    expect(control.size).toBe('A5');
    expect(control.text).toContain('Mẫu số 05 – Thông tư số 01/2018/TT-VPCP');
  });

  it('the stop notice exists only in the 2025 set: a 2018 dossier gets Mẫu số 05 of Circular 03/2025', async () => {
    const { text, res } = await form(motcua, B, 'stop');
    expect(res.headers['content-disposition']).toContain(`thong-bao-dung-${CODE_B}.pdf`);
    for (const s of ['THÔNG BÁO', 'Về việc dừng giải quyết hồ sơ', 'Kính gửi: Ông/Bà Trần Thị Dừng', `mã hồ sơ ${CODE_B}`, 'ngày 03/06/2025', 'Lý do: Người nộp đề nghị dừng để bổ sung giấy tờ khác', 'Trần Quốc Bảo', 'Mẫu số 05 – Thông tư số 03/2025/TT-VPCP']) {
      expect(text).toContain(s);
    }
  });
});

describe('slips given at the counter without a dossier', () => {
  it('a guidance slip prints as form 02, a refusal before July 2025 as form 03 of 2018', async () => {
    const guidance = await get(motcua, `/api/dossiers/intake-slips/${GUIDANCE}/pdf`);
    expect(guidance.statusCode).toBe(200);
    expect(guidance.headers['content-disposition']).toContain('phieu-huong-dan-bo-sung-2026-11-26.pdf');
    const g = await pdf(guidance.rawPayload);
    for (const s of ['PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', 'Võ Thị Hướng', '1. Tờ khai theo mẫu', '2. Ảnh 4x6', 'Lý do: Thiếu tờ khai', 'Cấp giấy phép thử nghiệm biểu mẫu', 'Mẫu số 02 – Thông tư số 03/2025/TT-VPCP']) expect(g.text).toContain(s);
    const refusal = await get(motcua, `/api/dossiers/intake-slips/${REFUSAL_2018}/pdf`);
    expect(refusal.statusCode).toBe(200);
    const r = await pdf(refusal.rawPayload);
    expect(r.text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(r.text).toContain('Hồ sơ không thuộc thẩm quyền giải quyết của tỉnh');
    expect(r.text).toContain('Mẫu số 03 – Thông tư số 01/2018/TT-VPCP');
    expect(r.size).toBe('A5');
  });

  it('another agency does not see the desk slip; a missing one is 404', async () => {
    expect((await get(xa, `/api/dossiers/intake-slips/${GUIDANCE}/pdf`)).statusCode).toBe(404);
    expect((await get(motcua, `/api/dossiers/intake-slips/${newId()}/pdf`)).statusCode).toBe(404);
    expect((await get(admin, `/api/dossiers/intake-slips/${GUIDANCE}/pdf`)).statusCode).toBe(403);
  });
});

describe('the tracking ledger', () => {
  it('prints the dossiers received in the period on A4 landscape, and audits the print', async () => {
    const res = await get(motcua, `/api/dossiers/ledger?from=2026-11-01&to=2026-11-30&agencyId=${motcua.user.agency.id}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { text, size } = await pdf(res.rawPayload);
    expect(size).toBe('A4 landscape');
    for (const s of ['SỔ THEO DÕI HỒ SƠ', 'Từ ngày 01/11/2026 đến ngày 30/11/2026', CODE_A, 'Nguyễn Văn Biểu', '20/11/2026 08:30', '27/11/2026 16:00', '01/12/2026 09:00', 'Mẫu số 07 – Thông tư số 03/2025/TT-VPCP']) {
      expect(text).toContain(s);
    }
    // B was received in June 2025, C has no code, D was refused before receipt
    expect(text).not.toContain(CODE_B);
    expect(text).not.toContain('Lê Văn Mới');
    const audits = await t.database.db.select().from(auditEntries).where(eq(auditEntries.action, 'dossier.ledger_exported'));
    expect(audits.length).toBeGreaterThanOrEqual(1);
  });

  it('exports the same lines to Excel', async () => {
    const res = await get(so, '/api/dossiers/ledger?from=2026-11-01&to=2026-11-30&format=xlsx');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-disposition']).toContain('so-theo-doi-ho-so-2026-11-01-2026-11-30.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    expect(ws.getCell(2, 1).value).toBe('SỔ THEO DÕI HỒ SƠ');
    expect(ws.getCell(5, 2).value).toBe('Mã hồ sơ');
    // the demo seed may have dossiers of its own in the period: find ours
    const lines = Array.from({ length: ws.rowCount - 6 }, (_, i) => (ws.getRow(7 + i).values as unknown[]).slice(1, 13));
    const line = lines.find((l) => l[1] === CODE_A)!;
    expect(line[0]).toBe(String(lines.indexOf(line) + 1));
    expect(line.slice(1)).toEqual([CODE_A, 'Cấp giấy phép thử nghiệm biểu mẫu', '01', 'Nguyễn Văn Biểu', 'Số 5 Trần Phú, phường Rạch Giá; 0912345678', 'Sở Tài chính', '20/11/2026 08:30', '27/11/2026 16:00', '20/11/2026 10:00', '30/11/2026 10:00', '01/12/2026 09:00']);
  });

  it('an agency sees only its own ledger; the period is checked', async () => {
    const own = await pdf((await get(xa, '/api/dossiers/ledger?from=2026-11-01&to=2026-11-30')).rawPayload);
    expect(own.text).not.toContain(CODE_A);
    expect((await get(so, `/api/dossiers/ledger?from=2026-11-01&to=2026-11-30&agencyId=${motcua.user.agency.id}`)).statusCode).toBe(403);
    expect((await get(admin, '/api/dossiers/ledger?from=2026-11-01&to=2026-11-30')).statusCode).toBe(403);
    const long = await get(motcua, '/api/dossiers/ledger?from=2025-01-01&to=2026-01-01');
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].message).toBe('Mỗi lần in sổ tối đa một năm');
    expect((await get(motcua, '/api/dossiers/ledger?from=2024-01-01&to=2024-12-31')).statusCode).toBe(200);
    expect((await get(motcua, '/api/dossiers/ledger?from=2026-12-01&to=2026-11-01')).statusCode).toBe(400);
    expect((await get(motcua, '/api/dossiers/ledger?from=2026-02-30&to=2026-03-01')).statusCode).toBe(400);
    expect((await get(motcua, `/api/dossiers/ledger?from=2026-11-01&to=2026-11-30&agencyId=${newId()}`)).statusCode).toBe(400);
  });
});
