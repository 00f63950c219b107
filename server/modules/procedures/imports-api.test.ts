import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { multipart } from '../../../test/helpers/fixtures.js';
import { COLUMNS, type Cells } from './layout.js';
import { readImportFile } from './spreadsheet.js';

let t: TestApp;
let admin: Session;
let so: Session;

beforeAll(async () => {
  t = await createTestApp();
  [admin, so] = await Promise.all([t.login('admin'), t.login('so')]);
});
afterAll(() => t.close());

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csv = (rows: Partial<Cells>[]) => Buffer.from([COLUMNS.map((c) => csvField(c.title)).join(','), ...rows.map((r) => COLUMNS.map((c) => csvField(r[c.key] ?? '')).join(','))].join('\r\n'), 'utf8');

const good: Partial<Cells> = {
  code: '1.888001',
  name: 'Đăng ký thử nghiệm nhập tệp',
  field: 'Hộ tịch',
  level: 'Cấp xã',
  timeLimit: '2',
  timeUnit: 'Ngày làm việc',
  subjects: 'Công dân',
  components: 'Tờ khai | Bản chính | 1 | Bắt buộc | Tờ khai mẫu | \nGiấy tờ tùy thân | Bản sao | 1 | Không bắt buộc |  | ',
  fees: 'Lệ phí | Lệ phí đăng ký | 15.000 | ',
  steps: 'Tiếp nhận | Tiếp nhận | 4 | \nThẩm định | Thẩm định | 8 | \nKý | Phê duyệt | 4 | \nTrả kết quả | Trả kết quả | 0 | Không tính thời gian',
  result: 'Trích lục',
  onlineService: 'Một phần',
  publishedOn: '05/07/2025',
};

async function upload(session: Session | null, name: string, bytes: Buffer) {
  return t.as(session, { method: 'POST', url: '/api/procedures/imports', ...multipart(name, bytes) });
}

async function finished(importId: string) {
  for (let i = 0; i < 300; i++) {
    const res = await t.as(admin, { method: 'GET', url: `/api/procedures/imports/${importId}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    if (body.state !== 'running') return body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

const byCode = async (code: string) => {
  const { items } = (await t.as(admin, { method: 'GET', url: `/api/procedures?q=${code}&active=all` })).json() as { items: { id: string; code: string }[] };
  const found = items.find((p) => p.code === code);
  return found ? (await t.as(admin, { method: 'GET', url: `/api/procedures/${found.id}` })).json() : null;
};

describe('importing the catalog', () => {
  it('refuses without a session, without procedure.manage, and a file not in the layout', async () => {
    expect((await upload(null, 'a.csv', csv([good]))).statusCode).toBe(401);
    expect((await upload(so, 'a.csv', csv([good]))).statusCode).toBe(403);
    const wrong = await upload(admin, 'a.csv', Buffer.from('Tên,Địa chỉ\nA,B\n'));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().detail).toMatch(/thiếu cột "Mã thủ tục"/);
    const empty = await upload(admin, 'a.csv', csv([]));
    expect(empty.statusCode).toBe(400);
    expect(await byCode('1.888001')).toBeNull();
  });

  it('upserts good rows by code and reports the rejected ones with row, code and reason', async () => {
    const existing = await t.as(admin, {
      method: 'POST',
      url: '/api/procedures',
      payload: { code: '1.888009', name: 'Thủ tục có sẵn', field: 'Hộ tịch', level: 'commune', competentAgencyId: null, timeLimit: 1, timeUnit: 'working_days', result: 'Kết quả', components: [{ name: 'Cũ', form: 'original', copies: 1 }], steps: [{ name: 'Tiếp nhận', role: 'reception', budgetHours: 8 }, { name: 'Trả', role: 'return', budgetHours: 0, notCounted: true }] },
    });
    expect(existing.statusCode).toBe(201);
    const res = await upload(admin, 'danh-muc.csv', csv([
      good,
      { ...good, code: 'abc' },
      { ...good, code: '1.888002', timeLimit: '3' },
      { ...good, code: '1.888003', level: 'Cấp tỉnh', competentAgency: 'Sở Không Có' },
      { ...good, code: '1.888009', name: 'Thủ tục có sẵn (cập nhật từ tệp)', timeLimit: '1', steps: 'Tiếp nhận | Tiếp nhận | 2 | \nThẩm định | Thẩm định | 4 | \nKý | Phê duyệt | 2 | \nTrả | Trả kết quả | 0 | x' },
      { ...good, name: 'Trùng mã' },
      { ...good, code: '1.888004', fees: 'Lệ phí | Âm | -5 | ' },
      { ...good, code: '1.888005', level: 'Cấp tỉnh', competentAgency: 'STP' },
    ]));
    expect(res.statusCode).toBe(202);
    const done = await finished(res.json().importId);
    expect(done).toMatchObject({ state: 'done', fileName: 'danh-muc.csv', totalRows: 8, processedRows: 8, created: 2, updated: 1, error: null });
    expect(done.rejected.map((r: { row: number; code: string }) => [r.row, r.code])).toEqual([
      [3, 'abc'],
      [4, '1.888002'],
      [5, '1.888003'],
      [7, '1.888001'],
      [8, '1.888004'],
    ]);
    const reasons = done.rejected.map((r: { reason: string }) => r.reason);
    expect(reasons[0]).toMatch(/không đúng dạng mã quốc gia/);
    expect(reasons[1]).toMatch(/Tổng thời gian các bước là 16 giờ, phải bằng thời hạn giải quyết 24 giờ/);
    expect(reasons[2]).toMatch(/Không tìm thấy sở, ngành "Sở Không Có"/);
    expect(reasons[3]).toMatch(/trùng với dòng 2/);
    expect(reasons[4]).toMatch(/không được âm/);

    const created = await byCode('1.888001');
    expect(created).toMatchObject({ level: 'commune', timeLimit: 2, countedHours: 16, onlineService: 'partial', publishedOn: '2025-07-05', fees: [{ kind: 'charge', name: 'Lệ phí đăng ký', amount: 15000 }] });
    expect(created.components.map((c: { name: string; required: boolean; templateName: string | null }) => [c.name, c.required, c.templateName])).toEqual([['Tờ khai', true, 'Tờ khai mẫu'], ['Giấy tờ tùy thân', false, null]]);
    expect((await byCode('1.888005')).competentAgencyName).toBe('STP');
    expect((await byCode('1.888005')).competentAgencyId).not.toBeNull();
    const changed = await byCode('1.888009');
    expect(changed).toMatchObject({ name: 'Thủ tục có sẵn (cập nhật từ tệp)', countedHours: 8 });
    expect(changed.components.map((c: { name: string }) => c.name)).toEqual(['Tờ khai', 'Giấy tờ tùy thân']);
    expect(changed.components[0].id).toBe(existing.json().components[0].id);
    for (const code of ['1.888002', '1.888003', '1.888004']) expect(await byCode(code)).toBeNull();
    const audit = (await t.as(admin, { method: 'GET', url: `/api/audit?entityType=procedure&entityId=${created.id}` })).json() as { items: { action: string }[] };
    expect(audit.items.map((e) => e.action)).toEqual(['procedure.created']);
  });

  it('gives the import template with the layout’s header', async () => {
    expect((await t.as(so, { method: 'GET', url: '/api/procedures/import-template' })).statusCode).toBe(403);
    const res = await t.as(admin, { method: 'GET', url: '/api/procedures/import-template' });
    expect(res.statusCode).toBe(200);
    const rows = await readImportFile(res.rawPayload, 'mau.xlsx');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.cells.code).toBe('1.000000');
  });

  it('exports every field so that importing the export gives the same records (xlsx and csv)', async () => {
    // a record that exercises the escapes, decimals and the calendar units
    const odd = await t.as(admin, {
      method: 'POST',
      url: '/api/procedures',
      payload: {
        code: '1.777001',
        name: 'Thủ tục "đặc biệt" | có ký tự lạ \\ và dấu, phẩy; chấm phẩy',
        field: 'Thử nghiệm',
        level: 'commune',
        competentAgencyId: null,
        competentAgencyName: 'Công an cấp xã',
        receivingAgencyName: 'Bộ phận một cửa',
        timeLimit: 0.5,
        timeUnit: 'working_days',
        subjects: ['citizen', 'organization'],
        fees: [{ kind: 'fee', name: 'Phí | thử', amount: 1234, note: 'Dòng một\nDòng hai' }],
        components: [{ name: 'Đơn \\ mẫu | A', form: 'certified_copy', copies: 3, required: false, templateName: 'Mẫu 01' }],
        steps: [
          { name: 'Tiếp nhận', role: 'reception', budgetHours: 1.5 },
          { name: 'Ký', role: 'approval', budgetHours: 2.5 },
          { name: 'Trả', role: 'return', budgetHours: 0, notCounted: true },
        ],
        result: 'Kết quả',
        resultPaper: false,
        resultElectronic: true,
        // text that a spreadsheet would take for a formula
        sequence: '- Bước 1: nộp hồ sơ\n- Bước 2: nhận kết quả',
        legalBasis: '=HYPERLINK("http://example.invalid")',
        legalEffectiveDate: null,
        onlineService: 'none',
        publicationDecision: null,
        publishedOn: null,
        active: false,
      },
    });
    expect(odd.statusCode).toBe(201);
    const months = await t.as(admin, {
      method: 'POST',
      url: '/api/procedures',
      payload: { code: '1.777002', name: 'Theo tháng', field: 'Thử nghiệm', level: 'commune', competentAgencyId: null, timeLimit: 2, timeUnit: 'months', result: 'Kết quả', resultPaper: false, resultElectronic: false, steps: [{ name: 'Tiếp nhận', role: 'reception', budgetHours: 8 }, { name: 'Xử lý', role: 'handling', budgetHours: 100 }, { name: 'Trả', role: 'return', budgetHours: 0, notCounted: true }] },
    });
    expect(months.statusCode).toBe(201);

    const snapshot = async () => {
      const { items } = (await t.as(admin, { method: 'GET', url: '/api/procedures?active=all&pageSize=100' })).json() as { items: { id: string }[] };
      const details = [];
      for (const p of items) {
        const d = (await t.as(admin, { method: 'GET', url: `/api/procedures/${p.id}` })).json();
        delete d.updatedAt;
        d.steps = d.steps.map(({ id, ...s }: { id: string }) => (void id, s));
        details.push(d);
      }
      return details;
    };
    const before = await snapshot();
    expect(before.length).toBe(41);

    for (const format of ['xlsx', 'csv'] as const) {
      expect((await t.as(so, { method: 'GET', url: `/api/procedures/export?format=${format}` })).statusCode).toBe(403);
      const exported = await t.as(admin, { method: 'GET', url: `/api/procedures/export?format=${format}` });
      expect(exported.statusCode).toBe(200);
      // the cells that start like a formula are text in the CSV (a leading apostrophe), not formulas
      if (format === 'csv') {
        expect(exported.body).toContain(`"'- Bước 1: nộp hồ sơ`);
        expect(exported.body).toContain(`"'=HYPERLINK(""http://example.invalid"")"`);
      }
      // change records after the export: the import must bring them back
      const birth = before.find((p) => p.code === '9.100101')!;
      const oddId = before.find((p) => p.code === '1.777001')!.id;
      expect((await t.as(admin, { method: 'PATCH', url: `/api/procedures/${birth.id}`, payload: { name: 'Đổi tên', timeLimit: 2, steps: [{ name: 'Tiếp nhận', role: 'reception', budgetHours: 8 }, { name: 'Ký', role: 'approval', budgetHours: 8 }, { name: 'Trả', role: 'return', budgetHours: 0, notCounted: true }], fees: [] } })).statusCode).toBe(200);
      expect((await t.as(admin, { method: 'PATCH', url: `/api/procedures/${oddId}`, payload: { active: true, publishedOn: '2026-01-01', onlineService: 'full' } })).statusCode).toBe(200);

      const res = await upload(admin, `xuat.${format}`, exported.rawPayload);
      expect(res.statusCode).toBe(202);
      const done = await finished(res.json().importId);
      expect(done).toMatchObject({ state: 'done', totalRows: 41, processedRows: 41, created: 0, updated: 41, rejected: [] });
      expect(await snapshot()).toEqual(before);
      // and the export of the re-imported catalog is the same file
      if (format === 'csv') expect((await t.as(admin, { method: 'GET', url: '/api/procedures/export?format=csv' })).rawPayload.equals(exported.rawPayload)).toBe(true);
    }
  });
});
