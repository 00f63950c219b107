import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { multipart, sampleDocx, samplePdf } from '../../../test/helpers/fixtures.js';
import { findOffice } from '../../platform/files/convert.js';
import { auditEntries } from '../../platform/audit/tables.js';
import { agencies } from '../org/tables.js';

let t: TestApp;
let clerk: Session;
let leader: Session;
let stcId: string;

const base = { channel: 'paper', numberNotation: '123/STC-NS', issuedDate: '2026-02-10', typeCode: 'CV', subject: 'Về việc bố trí kinh phí chuyển đổi số năm 2026', signerName: 'Nguyễn Văn Bình', signerPosition: 'Giám đốc' };
const register = (s: Session, body: Record<string, unknown>) => t.as(s, { method: 'POST', url: '/api/documents/incoming', payload: body });
const uploadPdf = async (s: Session, name = 'cong-van.pdf', text = 'Cong van') => (await t.as(s, { method: 'POST', url: '/api/files', ...multipart(name, samplePdf(text)) })).json().id as string;

beforeAll(async () => {
  t = await createTestApp();
  clerk = await t.login('vanthu');
  leader = await t.login('chanhvanphong');
  const [stc] = await t.database.db.select().from(agencies).where(eq(agencies.shortName, 'STC'));
  stcId = stc!.id;
});
afterAll(() => t.close());

describe('registering an incoming document', () => {
  it('gives the next arrival number, keeps the file, starts the timeline and writes the audit log', async () => {
    const fileId = await uploadPdf(clerk);
    const res = await register(clerk, { ...base, senderAgencyId: stcId, receivedAt: '2026-02-13T09:00:00+07:00', dueInWorkingDays: 1, fileIds: [fileId], pages: 2 });
    expect(res.statusCode).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({
      arrivalNumber: 1,
      arrivalYear: 2026,
      registerName: 'Sổ văn bản đến',
      senderName: 'Sở Tài chính',
      numberNotation: '123/STC-NS',
      typeName: 'Công văn',
      urgency: 'normal',
      // Tết 2026: the next working day after Friday 13/02 is Monday 23/02
      dueDate: '2026-02-23',
      status: 'registered',
      files: [{ id: fileId, role: 'main', mime: 'application/pdf' }],
    });
    expect(doc.events).toEqual([expect.objectContaining({ kind: 'registered', actorName: 'Nguyễn Thị Văn Thư', note: 'Vào sổ "Sổ văn bản đến", số đến 1' })]);
    const trail = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, doc.id)).orderBy(asc(auditEntries.seq));
    expect(trail.map((e) => e.action)).toEqual(['document.registered']);

    const second = await register(clerk, { ...base, numberNotation: 'Số: 45 / UBND-VX', senderName: 'UBND xã An Phú', issuedDate: '2026-02-12' });
    expect(second.json()).toMatchObject({ arrivalNumber: 2, numberNotation: '45/UBND-VX' });
  });

  it('warns about a duplicate and registers it only when the clerk confirms', async () => {
    const dup = await register(clerk, { ...base, senderAgencyId: stcId, numberNotation: '123/stc-ns' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'DUPLICATE_DOCUMENT', duplicates: [expect.objectContaining({ arrivalNumber: 1 })] });
    expect(dup.json().detail).toContain('số đến 1/2026');
    const confirmed = await register(clerk, { ...base, senderAgencyId: stcId, confirmDuplicate: true });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json().arrivalNumber).toBe(3);
  });

  it('refuses bad input in Vietnamese and spends no number', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...base, senderName: 'Sở X', numberNotation: '12 UBND' }, 'body.numberNotation', 'Số, ký hiệu phải có dạng 123/UBND-VP'],
      [{ ...base }, 'body.senderName', 'Chọn cơ quan gửi hoặc nhập tên cơ quan gửi'],
      [{ ...base, senderName: 'Sở X', dueDate: '2026-02-01' }, 'dueDate', 'Hạn xử lý không được trước ngày văn bản'],
      [{ ...base, senderName: 'Sở X', issuedDate: '2026-03-01', receivedAt: '2026-02-13T09:00:00+07:00' }, 'issuedDate', 'Ngày văn bản không được sau ngày nhận'],
      [{ ...base, senderName: 'Sở X', typeCode: 'XYZ' }, 'body.typeCode', 'Giá trị không hợp lệ'],
      [{ ...base, senderAgencyId: '01900000-0000-7000-8000-000000000000' }, 'senderAgencyId', 'Cơ quan gửi không có trong danh mục'],
    ];
    for (const [body, path, message] of cases) {
      const res = await register(clerk, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors, JSON.stringify(res.json())).toEqual(expect.arrayContaining([expect.objectContaining({ path, message: expect.stringContaining(message) })]));
    }
    const next = await register(clerk, { ...base, senderName: 'Sở Y tế', numberNotation: '9/SYT-VP' });
    expect(next.json().arrivalNumber).toBe(4);
  });

  it('attaches only files the clerk uploaded and that belong to no other document', async () => {
    const others = await uploadPdf(leader, 'cua-nguoi-khac.pdf', 'Nguoi khac');
    const foreign = await register(clerk, { ...base, senderName: 'Sở Nội vụ', numberNotation: '7/SNV-TCBC', fileIds: [others] });
    expect(foreign.statusCode).toBe(400);
    const mine = await uploadPdf(clerk, 'mot-lan.pdf', 'Mot lan');
    expect((await register(clerk, { ...base, senderName: 'Sở Nội vụ', numberNotation: '8/SNV-TCBC', fileIds: [mine] })).statusCode).toBe(201);
    const reused = await register(clerk, { ...base, senderName: 'Sở Nội vụ', numberNotation: '10/SNV-TCBC', fileIds: [mine] });
    expect(reused.json().errors[0].path).toBe('fileIds');
  });

  it('numbers concurrent registrations without gaps or duplicates', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => register(clerk, { ...base, senderName: `UBND xã Thử ${i}`, numberNotation: `${100 + i}/UBND-VP` })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    const numbers = results.map((r) => r.json().arrivalNumber as number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(12);
    expect(numbers[11]! - numbers[0]!).toBe(11);
  });
});

describe('registrations that arrive together', () => {
  it('are numbered together, and one refused inside a batch fails alone without a gap', async () => {
    const shared = await uploadPdf(clerk, 'chung.pdf', 'Chung');
    const bodies = Array.from({ length: 10 }, (_, i) => ({ ...base, senderName: `UBND phường Thử ${i}`, numberNotation: `${300 + i}/UBND-VP`, fileIds: i < 2 ? [shared] : [] }));
    const results = await Promise.all(bodies.map((b) => register(clerk, b)));
    const codes = results.map((r) => r.statusCode);
    // both asked for the same file: exactly one of them has it
    expect(codes.slice(0, 2).sort()).toEqual([201, 400]);
    expect(results.slice(0, 2).find((r) => r.statusCode === 400)!.json().errors[0].path).toBe('fileIds');
    expect(codes.slice(2)).toEqual(Array(8).fill(201));
    const numbers = results.filter((r) => r.statusCode === 201).map((r) => r.json().arrivalNumber as number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(9);
    expect(numbers[8]! - numbers[0]!).toBe(8);
    const withFile = results.find((r) => r.statusCode === 201 && r.json().files.length === 1)!.json();
    expect(withFile.files[0].id).toBe(shared);
    // every one of them has its first timeline entry and audit entry
    for (const r of results.filter((x) => x.statusCode === 201)) {
      const [entry] = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, r.json().id));
      expect(entry).toMatchObject({ action: 'document.registered', seq: 1 });
      expect(r.json().events[0].kind).toBe('registered');
    }
  });
});

describe('state secrets', () => {
  it('keeps metadata only, in the secret register, visible only to the people named on it', async () => {
    const fileId = await uploadPdf(clerk, 'mat.pdf', 'Mat');
    const withFile = await register(clerk, { ...base, senderName: 'Bộ Công an', numberNotation: '5/BCA-A03', confidentiality: 'secret', fileIds: [fileId] });
    expect(withFile.statusCode).toBe(400);
    expect(withFile.json().errors[0].message).toContain('không được lưu tệp');
    const lanhdao = await t.login('lanhdao');
    const res = await register(clerk, { ...base, senderName: 'Bộ Công an', numberNotation: '5/BCA-A03', confidentiality: 'secret', viewerIds: [lanhdao.user.id] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ registerName: 'Sổ văn bản mật đến', arrivalNumber: 1, files: [] });
    const id = res.json().id;
    expect((await t.as(lanhdao, { method: 'GET', url: `/api/documents/${id}` })).statusCode).toBe(200);
    expect((await t.as(leader, { method: 'GET', url: `/api/documents/${id}` })).statusCode).toBe(404);
    const list = (await t.as(leader, { method: 'GET', url: '/api/documents/incoming?pageSize=200' })).json();
    expect(list.items.some((d: { id: string }) => d.id === id)).toBe(false);
  });
});

describe('reading incoming documents', () => {
  it('shows the agency’s documents to its leaders, and nothing to people outside it', async () => {
    const list = (await t.as(leader, { method: 'GET', url: '/api/documents/incoming?pageSize=200' })).json();
    // 26 registered above; the secret one is not among them
    expect(list.total).toBe(26);
    const specialist = await t.login('chuyenvien');
    expect((await t.as(specialist, { method: 'GET', url: '/api/documents/incoming' })).json().total).toBe(0);
    const doc = list.items.find((d: { arrivalNumber: number; registerName: string }) => d.arrivalNumber === 1 && d.registerName === 'Sổ văn bản đến');
    expect((await t.as(specialist, { method: 'GET', url: `/api/documents/${doc.id}` })).statusCode).toBe(404);
    const foreign = await t.login('tn.admin');
    expect((await t.as(foreign, { method: 'GET', url: `/api/documents/${doc.id}` })).statusCode).toBe(404);
  });

  it('finds documents without diacritics and by a part of the notation', async () => {
    const byWords = (await t.as(leader, { method: 'GET', url: `/api/documents/incoming?q=${encodeURIComponent('kinh phi chuyen doi so')}&pageSize=200` })).json();
    expect(byWords.total).toBeGreaterThan(0);
    const byNotation = (await t.as(leader, { method: 'GET', url: '/api/documents/incoming?q=UBND-VX' })).json();
    expect(byNotation.items.map((d: { numberNotation: string }) => d.numberNotation)).toEqual(['45/UBND-VX']);
    const byDate = (await t.as(leader, { method: 'GET', url: '/api/documents/incoming?from=2026-02-13&to=2026-02-13' })).json();
    expect(byDate.items.map((d: { arrivalNumber: number }) => d.arrivalNumber)).toEqual([1]);
  });

  it('serves a document’s file to its readers and records the reading', async () => {
    const list = (await t.as(leader, { method: 'GET', url: '/api/documents/incoming?from=2026-02-13&to=2026-02-13' })).json();
    const doc = (await t.as(leader, { method: 'GET', url: `/api/documents/${list.items[0].id}` })).json();
    const res = await t.as(leader, { method: 'GET', url: `/api/documents/${doc.id}/files/${doc.files[0].id}/content?inline=true` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    await t.as(leader, { method: 'GET', url: `/api/documents/${doc.id}/files/${doc.files[0].id}/content?inline=true` });
    const after = (await t.as(leader, { method: 'GET', url: `/api/documents/${doc.id}` })).json();
    // the first reading and the first opening of each file go on the timeline, not every reload
    expect(after.events.map((e: { kind: string }) => e.kind)).toEqual(['registered', 'read', 'file_read']);
    expect(after.readers).toBe(1);
  });
});

describe('previewing files as PDF', () => {
  it('serves a PDF as it is, and a DOCX converted by LibreOffice or a clear 501 without it', async () => {
    const docx = (await t.as(clerk, { method: 'POST', url: '/api/files', ...multipart('to-trinh.docx', sampleDocx()) })).json().id;
    const pdf = await uploadPdf(clerk, 'kem-theo.pdf');
    const doc = (await register(clerk, { ...base, numberNotation: '777/STC-NS', senderAgencyId: stcId, fileIds: [docx, pdf] })).json();
    const asPdf = await t.as(leader, { method: 'GET', url: `/api/documents/${doc.id}/files/${pdf}/pdf` });
    expect([asPdf.statusCode, asPdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    const converted = await t.as(leader, { method: 'GET', url: `/api/documents/${doc.id}/files/${docx}/pdf` });
    if (await findOffice()) {
      expect(converted.statusCode).toBe(200);
      expect(converted.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    } else {
      expect(converted.statusCode).toBe(501);
      expect(converted.json()).toMatchObject({ code: 'CONVERSION_UNAVAILABLE', title: 'Máy chủ chưa cài LibreOffice để xem trước tệp DOCX; hãy tải tệp về' });
    }
  });
});
