import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { multipart, vietnamesePdf } from '../../../test/helpers/fixtures.js';
import { extractPendingContent } from './content-text.js';
import { vietnamDate } from '../../platform/calendar/date-only.js';

let t: TestApp;
let clerk: Session;
let chief: Session;
let specialist: Session;
let foreign: Session;

const post = (s: Session, url: string, payload: object = {}) => t.as(s, { method: 'POST', url, payload });
const search = async (s: Session, query: string) => {
  const res = await t.as(s, { method: 'GET', url: `/api/documents/search?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: string; numberNotation: string; subject: string; matchedInContent: boolean }[]; total: number };
};

async function register(n: string, subject: string, extra: Record<string, unknown> = {}) {
  const res = await post(clerk, '/api/documents/incoming', { channel: 'electronic', senderName: 'Ủy ban nhân dân xã Mỹ Hòa Hưng', numberNotation: n, issuedDate: '2026-06-01', receivedAt: '2026-06-02T09:00:00+07:00', typeCode: 'CV', subject, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

beforeAll(async () => {
  t = await createTestApp();
  [clerk, chief, specialist, foreign] = (await Promise.all(['vanthu', 'chanhvanphong', 'chuyenvien', 'tn.admin'].map((u) => t.login(u)))) as [Session, Session, Session, Session];
});
afterAll(() => t.close());

describe('searching documents', () => {
  it('finds without diacritics, by a part of the notation, and inside the PDF text', async () => {
    await register('101/UBND-VP', 'Về việc triển khai văn bản điện tử');
    await register('102/UBND-KT', 'Báo cáo tình hình kinh tế tháng 5', { typeCode: 'BC' });
    const pdf = (await t.as(clerk, { method: 'POST', url: '/api/files', ...multipart('ke-hoach.pdf', await vietnamesePdf(['Kế hoạch số hóa hồ sơ lưu trữ', 'Đề nghị các phường, xã hoàn thành trước quý IV'])) })).json().id;
    const withFile = await register('103/UBND-VP', 'Về việc thực hiện kế hoạch', { fileIds: [pdf] });

    expect((await search(chief, 'q=van%20ban%20dien%20tu')).items.map((d) => d.numberNotation)).toEqual(['101/UBND-VP']);
    expect((await search(chief, 'q=UBND-VP&sort=oldest')).items.map((d) => d.numberNotation)).toEqual(['101/UBND-VP', '103/UBND-VP']);
    expect((await search(chief, 'q=ubnd&typeCode=BC')).items.map((d) => d.numberNotation)).toEqual(['102/UBND-KT']);
    expect((await search(chief, 'q=my%20hoa%20hung')).total).toBe(3);

    // the file's words are searchable once the extraction job has run
    expect((await search(chief, 'q=so%20hoa%20ho%20so')).total).toBe(0);
    expect(await extractPendingContent(t.database.db, t.blobStore)).toBeGreaterThan(0);
    const inFile = await search(chief, 'q=so%20hoa%20ho%20so');
    expect(inFile.items).toEqual([expect.objectContaining({ id: withFile.id, matchedInContent: true })]);
    expect((await search(chief, 'q=phuong%20xa%20quy%20IV')).items.map((d) => d.id)).toEqual([withFile.id]);
  });

  it('answers only with what the reader may see, never across provinces', async () => {
    expect((await search(specialist, 'q=ubnd')).total).toBe(0);
    expect((await search(foreign, 'q=ubnd')).total).toBe(0);
    const doc = await register('104/UBND-VP', 'Về việc giao chuyên viên xử lý');
    await post(chief, `/api/documents/${doc.id}/assignments`, { instruction: 'Chị Ánh xử lý', lead: { userId: specialist.user.id }, dueDate: '2026-12-31' });
    expect((await search(specialist, 'q=ubnd')).items.map((d) => d.numberNotation)).toEqual(['104/UBND-VP']);
  });

  it('filters overdue documents and by direction, and refuses bad filters', async () => {
    expect((await search(chief, 'overdue=true')).total).toBe(0);
    expect((await search(chief, 'direction=outgoing')).total).toBe(0);
    const bad = await t.as(chief, { method: 'GET', url: '/api/documents/search?from=01-06-2026' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].message).toBe('Ngày phải có dạng YYYY-MM-DD');
  });
});

describe('document statistics', () => {
  it('counts received, routed and the lead handlers’ results per unit', async () => {
    const res = await t.as(chief, { method: 'GET', url: '/api/documents/stats?from=2026-06-01&to=2026-06-30' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ received: 4, receivedElectronic: 4, routed: 1, issued: 0 });
    // the assignment was made today, outside June
    const now = vietnamDate(new Date()); // statistics count by Vietnam's day, not UTC's
    const today = (await t.as(chief, { method: 'GET', url: `/api/documents/stats?from=${now}&to=${now}` })).json();
    expect(today.handling).toMatchObject({ assigned: 1, open: 1, openOverdue: 0, doneOnTime: 0, onTimeRate: null });
    expect(today.perUnit).toEqual([expect.objectContaining({ unitName: 'Phòng Tổng hợp', assigned: 1, open: 1 })]);
    expect((await t.as(specialist, { method: 'GET', url: '/api/documents/stats?from=2026-06-01&to=2026-06-30' })).statusCode).toBe(403);
    expect((await t.as(chief, { method: 'GET', url: `/api/documents/stats?from=2026-06-01&to=2026-06-30&agencyId=${foreign.user.agency.id}` })).statusCode).toBe(403);
  });
});
