import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { multipart, samplePdf } from '../../../test/helpers/fixtures.js';
import { extractPdfText } from './content-text.js';
import { vietnamDate } from '../../platform/calendar/date-only.js';

let t: TestApp;
let clerk: Session;
let chief: Session;
let drafter: Session;
let stcClerk: Session;
let registerId: string;

const post = (s: Session, url: string, payload: object = {}) => t.as(s, { method: 'POST', url, payload });
const get = (s: Session, url: string) => t.as(s, { method: 'GET', url });

async function registerOn(day: string, n: number, extra: Record<string, unknown> = {}) {
  const res = await post(clerk, '/api/documents/incoming', { channel: 'paper', senderName: 'Sở Xây dựng', numberNotation: `${n}/SXD-QLN`, issuedDate: day, receivedAt: `${day}T08:30:00+07:00`, typeCode: 'CV', subject: `Về việc quản lý nhà ở đợt ${n}`, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; registerId: string };
}

async function issue(typeCode: string, subject: string) {
  const contentFileId = (await t.as(drafter, { method: 'POST', url: '/api/files', ...multipart('du-thao.pdf', samplePdf(subject)) })).json().id;
  const d = (await post(drafter, '/api/documents/outgoing', { typeCode, subject, signerId: chief.user.id, contentFileId })).json();
  await post(drafter, `/api/documents/outgoing/${d.id}/submit`, { toUserId: chief.user.id });
  await post(chief, `/api/documents/outgoing/${d.id}/approve`);
  await post(chief, `/api/documents/outgoing/${d.id}/sign`);
  const res = await post(clerk, `/api/documents/outgoing/${d.id}/issue`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; numberNotation: string; registerId: string; registerName: string };
}

beforeAll(async () => {
  t = await createTestApp();
  [clerk, chief, drafter, stcClerk] = (await Promise.all(['vanthu', 'chanhvanphong', 'chuyenvien', 'vanthuso'].map((u) => t.login(u)))) as [Session, Session, Session, Session];
  const first = await registerOn('2026-04-01', 11);
  registerId = first.registerId;
  await registerOn('2026-04-02', 12, { channel: 'electronic' });
  await registerOn('2026-04-03', 13);
  await post(chief, `/api/documents/${first.id}/assignments`, { instruction: 'Phòng Tổng hợp tham mưu', lead: { userId: drafter.user.id }, dueDate: '2026-12-31' });
  const doc = (await get(drafter, `/api/documents/${first.id}`)).json();
  const lead = doc.routing.assignments.find((a: { role: string }) => a.role === 'lead');
  await post(drafter, `/api/documents/${first.id}/assignments/${lead.id}/accept`);
});
afterAll(() => t.close());

describe('registers of Decree 30 Appendix IV', () => {
  it('lists the incoming register with its ten columns, in arrival order', async () => {
    const res = await get(chief, `/api/document-registers/${registerId}/entries?from=2026-04-01&to=2026-04-30`);
    expect(res.statusCode).toBe(200);
    const book = res.json();
    expect(book.title).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    expect(book.columns).toEqual(['Ngày đến', 'Số đến', 'Tác giả', 'Số, ký hiệu', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung', 'Đơn vị hoặc người nhận', 'Ngày chuyển', 'Ký nhận', 'Ghi chú']);
    expect(book.rows.map((r: string[]) => r.slice(0, 6))).toEqual([
      ['01/04/2026', '1', 'Sở Xây dựng', '11/SXD-QLN', '01/04/2026', 'Công văn: Về việc quản lý nhà ở đợt 11'],
      ['02/04/2026', '2', 'Sở Xây dựng', '12/SXD-QLN', '02/04/2026', 'Công văn: Về việc quản lý nhà ở đợt 12'],
      ['03/04/2026', '3', 'Sở Xây dựng', '13/SXD-QLN', '03/04/2026', 'Công văn: Về việc quản lý nhà ở đợt 13'],
    ]);
    expect(book.rows[0][6]).toBe('Võ Thị Ngọc Ánh');
    expect(book.rows[0][8]).toMatch(/^Đã nhận: Võ Thị Ngọc Ánh \d{2}\/\d{2}\/\d{4}$/);
    expect(book.rows.map((r: string[]) => r[9])).toEqual(['Bản giấy', 'Điện tử', 'Bản giấy']);
    expect(book).toMatchObject({ count: 3, firstNumber: 1, lastNumber: 3 });

    const tracking = (await get(clerk, `/api/document-registers/${registerId}/entries?from=2026-04-01&to=2026-04-30&kind=tracking`)).json();
    expect(tracking.columns).toHaveLength(7);
    expect(tracking.rows).toEqual([['1', 'Công văn số 11/SXD-QLN ngày 01/04/2026 của Sở Xây dựng', 'Võ Thị Ngọc Ánh', '31/12/2026', 'Đang giải quyết', '', '']]);
  });

  it('exports the register to Excel and to a PDF with Vietnamese text', async () => {
    const xlsx = await get(clerk, `/api/document-registers/${registerId}/export?from=2026-04-01&to=2026-04-30&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('so-dang-ky-2026-04-01-2026-04-30.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    expect(ws.getCell('A2').value).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    expect(ws.getRow(6).getCell(6).value).toBe('Tên loại và trích yếu nội dung');
    expect(ws.getRow(8).getCell(4).value).toBe('11/SXD-QLN');

    const pdf = await get(clerk, `/api/document-registers/${registerId}/export?from=2026-04-01&to=2026-04-30&format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await extractPdfText(new Uint8Array(pdf.rawPayload));
    expect(text).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    expect(text).toContain('Về việc quản lý nhà ở đợt 12');
  });

  it('closes a period as a numbered volume with its PDF, and takes no more entries into it', async () => {
    const closed = await post(clerk, `/api/document-registers/${registerId}/closings`, { from: '2026-04-01', to: '2026-04-30' });
    expect(closed.statusCode, closed.body).toBe(201);
    expect(closed.json()).toMatchObject({ volume: 1, entries: 3, firstNumber: 1, lastNumber: 3 });
    const file = await get(chief, `/api/document-registers/${registerId}/closings/${closed.json().id}/content`);
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(closed.json().sha256);
    expect(await extractPdfText(new Uint8Array(file.rawPayload))).toContain('Quyển số 1');

    const late = await post(clerk, '/api/documents/incoming', { channel: 'paper', senderName: 'Sở Xây dựng', numberNotation: '99/SXD-QLN', issuedDate: '2026-04-20', receivedAt: '2026-04-20T08:00:00+07:00', typeCode: 'CV', subject: 'Vào sổ đã khóa' });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toBe('Sổ đã khóa đến ngày 30/04/2026; không vào sổ được văn bản ngày 20/04/2026');
    expect((await post(clerk, `/api/document-registers/${registerId}/closings`, { from: '2026-04-15', to: '2026-05-31' })).statusCode).toBe(409);
    expect((await post(clerk, `/api/document-registers/${registerId}/closings`, { from: '2026-05-01', to: '2099-05-31' })).statusCode).toBe(400);
    expect((await post(chief, `/api/document-registers/${registerId}/closings`, { from: '2026-05-01', to: '2026-05-31' })).statusCode).toBe(403);
    expect((await get(chief, `/api/document-registers/${registerId}/closings`)).json().items).toHaveLength(1);
  });

  it('keeps a separate outgoing series for a type when the agency opens one', async () => {
    const general = await issue('CV', 'Về việc tổng hợp báo cáo tháng');
    expect(general.numberNotation).toBe('01/VP-TH');
    const decisions = await post(clerk, '/api/document-registers', { direction: 'outgoing', name: 'Sổ Quyết định', typeCodes: ['QĐ'] });
    expect(decisions.statusCode).toBe(201);
    expect(decisions.json()).toMatchObject({ name: 'Sổ Quyết định', typeCodes: ['QĐ'] });
    expect((await post(clerk, '/api/document-registers', { direction: 'outgoing', name: 'Sổ Quyết định 2', typeCodes: ['QĐ'] })).statusCode).toBe(400);
    const decision = await issue('QĐ', 'Quyết định thành lập tổ công tác');
    expect(decision).toMatchObject({ numberNotation: '01/QĐ-VP', registerName: 'Sổ Quyết định' });
    expect((await issue('CV', 'Về việc thứ hai')).numberNotation).toBe('02/VP-TH');
    const today = vietnamDate(new Date()); // the register's day is Vietnam's, not UTC's
    const out = (await get(clerk, `/api/document-registers/${general.registerId}/entries?from=2026-01-01&to=${today}`)).json();
    expect(out.title).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    expect(out.rows.map((r: string[]) => r[0])).toEqual(['01/VP-TH', '02/VP-TH']);
    expect(out.rows[0][3]).toBe('Phạm Thanh Hải');
  });

  it('shows registers only to the agency’s clerks and leaders', async () => {
    expect((await get(drafter, `/api/document-registers/${registerId}/entries?from=2026-04-01&to=2026-04-30`)).statusCode).toBe(403);
    expect((await get(stcClerk, `/api/document-registers/${registerId}/entries?from=2026-04-01&to=2026-04-30`)).statusCode).toBe(404);
    const backwards = await get(clerk, `/api/document-registers/${registerId}/entries?from=2026-04-30&to=2026-04-01`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0]).toEqual({ path: 'to', message: 'Ngày cuối kỳ phải từ ngày đầu kỳ trở đi' });
  });
});
