import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { multipart, sampleDocx, samplePdf } from '../../../test/helpers/fixtures.js';
import { auditEntries } from '../../platform/audit/tables.js';
import { vietnamDate } from '../../platform/calendar/date-only.js';
import { agencies } from '../org/tables.js';
import { notationOf } from './issuing.js';
import { documents } from './tables.js';

let t: TestApp;
let drafter: Session;
let head: Session;
let chief: Session;
let clerk: Session;
let stcClerk: Session;
let stcStaff: Session;
let stcId: string;

type Doc = {
  id: string;
  status: string;
  numberNotation: string | null;
  issuedDate: string | null;
  files: { id: string; role: string; name: string }[];
  events: { kind: string; note: string }[];
  sourceDocumentId: string | null;
  outgoing: { holderId: string | null; holderName: string | null; issueNumber: number | null; actions: string[]; versions: { version: number; name: string }[]; recipients: { kind: string; name: string; status: string }[] };
};

const upload = async (s: Session, name: string, bytes: Buffer) => (await t.as(s, { method: 'POST', url: '/api/files', ...multipart(name, bytes) })).json().id as string;
const post = (s: Session, url: string, payload: object = {}) => t.as(s, { method: 'POST', url, payload });
const get = (s: Session, id: string) => t.as(s, { method: 'GET', url: `/api/documents/${id}` });

async function draft(s: Session, extra: Record<string, unknown> = {}): Promise<Doc> {
  const contentFileId = await upload(s, 'du-thao.docx', sampleDocx());
  const res = await post(s, '/api/documents/outgoing', { typeCode: 'CV', subject: 'Về việc báo cáo kết quả chuyển đổi số quý IV', signerId: chief.user.id, contentFileId, recipients: [{ agencyId: stcId }], ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Drafted, approved and signed by the office chief, waiting for the clerk. */
async function signed(extra: Record<string, unknown> = {}): Promise<Doc> {
  const d = await draft(drafter, extra);
  expect((await post(drafter, `/api/documents/outgoing/${d.id}/submit`, { toUserId: chief.user.id })).statusCode).toBe(200);
  expect((await post(chief, `/api/documents/outgoing/${d.id}/approve`)).statusCode).toBe(200);
  const res = await post(chief, `/api/documents/outgoing/${d.id}/sign`);
  expect(res.json().status).toBe('signed');
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  [drafter, head, chief, clerk, stcClerk, stcStaff] = (await Promise.all(['chuyenvien', 'truongphong', 'chanhvanphong', 'vanthu', 'vanthuso', 'so'].map((u) => t.login(u)))) as [Session, Session, Session, Session, Session, Session];
  const [stc] = await t.database.db.select().from(agencies).where(eq(agencies.shortName, 'STC'));
  stcId = stc!.id;
});
afterAll(() => t.close());

describe('notation (Decree 30 App. I §II.3)', () => {
  it('puts the type before the agency, or the drafting unit after it for a công văn', () => {
    expect(notationOf('QĐ', 'UBND', 'VX')).toBe('QĐ-UBND');
    expect(notationOf('KH', 'UBND', null)).toBe('KH-UBND');
    expect(notationOf('CV', 'UBND', 'VP')).toBe('UBND-VP');
    expect(notationOf('CV', 'STC', null)).toBe('STC');
  });
});

describe('an outgoing document from draft to the recipients', () => {
  it('drafts, reviews, returns, approves, signs, numbers, issues and delivers inside the province', async () => {
    const d = await draft(drafter, { recipients: [{ agencyId: stcId }, { unitId: clerk.user.unit.id }, { name: 'Bộ Nội vụ' }] });
    expect(d).toMatchObject({ status: 'draft', numberNotation: null, outgoing: { holderId: drafter.user.id, versions: [{ version: 1, name: 'du-thao.docx' }] } });
    expect(d.outgoing.actions).toEqual(['edit', 'add_version', 'submit', 'comment']);

    // to the head of the unit, who returns it; a new version goes back up
    expect((await post(drafter, `/api/documents/outgoing/${d.id}/submit`, { toUserId: head.user.id, note: 'Kính trình Trưởng phòng' })).json().status).toBe('in_review');
    expect((await post(drafter, `/api/documents/outgoing/${d.id}/submit`, { toUserId: chief.user.id })).statusCode).toBe(409);
    const returned = await post(head, `/api/documents/outgoing/${d.id}/return`, { note: 'Bổ sung số liệu quý IV' });
    expect(returned.json()).toMatchObject({ status: 'returned', outgoing: { holderId: drafter.user.id } });
    const v2 = await upload(drafter, 'du-thao-v2.pdf', samplePdf('Du thao lan 2'));
    const withV2: Doc = (await post(drafter, `/api/documents/outgoing/${d.id}/versions`, { fileId: v2, note: 'Đã bổ sung số liệu' })).json();
    expect(withV2.outgoing.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(withV2.files.filter((f) => f.role === 'main').map((f) => f.name)).toEqual(['du-thao-v2.pdf']);
    await post(drafter, `/api/documents/outgoing/${d.id}/submit`, { toUserId: head.user.id });
    expect((await post(head, `/api/documents/outgoing/${d.id}/comments`, { note: 'Đạt yêu cầu' })).statusCode).toBe(200);
    expect((await post(head, `/api/documents/outgoing/${d.id}/approve`)).statusCode).toBe(403);
    expect((await post(head, `/api/documents/outgoing/${d.id}/submit`, { toUserId: chief.user.id, note: 'Trình Chánh Văn phòng ký' })).json().outgoing.holderName).toBe('Phạm Thanh Hải');

    expect((await post(chief, `/api/documents/outgoing/${d.id}/sign`)).statusCode).toBe(409);
    expect((await post(chief, `/api/documents/outgoing/${d.id}/approve`, { note: 'Đồng ý ban hành' })).json().status).toBe('approved');
    expect((await post(clerk, `/api/documents/outgoing/${d.id}/issue`)).statusCode).toBe(409);
    const s: Doc = (await post(chief, `/api/documents/outgoing/${d.id}/sign`)).json();
    expect(s).toMatchObject({ status: 'signed', outgoing: { holderId: null } });
    expect((await post(drafter, `/api/documents/outgoing/${d.id}/issue`)).statusCode).toBe(403);
    const toIssue = (await t.as(clerk, { method: 'GET', url: '/api/documents/outgoing?view=to_issue' })).json();
    expect(toIssue.items.map((x: { id: string }) => x.id)).toContain(d.id);

    const issued = await post(clerk, `/api/documents/outgoing/${d.id}/issue`);
    expect(issued.statusCode).toBe(200);
    const doc: Doc = issued.json();
    expect(doc).toMatchObject({ status: 'issued', numberNotation: '01/VP-TH', issuedDate: vietnamDate(new Date()), outgoing: { issueNumber: 1 } });
    expect(doc.outgoing.recipients.map((r) => [r.kind, r.status])).toEqual([
      ['agency', 'delivered'],
      ['unit', 'delivered'],
      ['external', 'queued'],
    ]);
    expect(doc.events.map((e) => e.kind)).toEqual(['drafted', 'submitted', 'returned', 'version', 'submitted', 'comment', 'submitted', 'approved', 'signed', 'issued']);
    const trail = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, d.id)).orderBy(asc(auditEntries.seq));
    expect(trail.map((e) => e.action)).toContain('document.issued');

    // Sở Tài chính's clerk has it as an incoming document, with the file and the sender's number
    const arrived = (await t.as(stcClerk, { method: 'GET', url: '/api/documents/incoming' })).json();
    const copy = arrived.items.find((x: { numberNotation: string }) => x.numberNotation === '01/VP-TH');
    expect(copy).toMatchObject({ arrivalNumber: 1, channel: 'electronic', senderName: 'Văn phòng Ủy ban nhân dân tỉnh', status: 'registered' });
    const copyDoc: Doc = (await get(stcClerk, copy.id)).json();
    expect(copyDoc.sourceDocumentId).toBe(d.id);
    expect(copyDoc.files.map((f) => f.name)).toEqual(['du-thao-v2.pdf']);
    expect((await get(stcStaff, copy.id)).statusCode).toBe(404);
    // the sender's clerk does not see inside the recipient's copy
    expect((await get(clerk, copy.id)).statusCode).toBe(404);
    expect((await get(chief, d.id)).json().outgoing.recipients[0].status).toBe('read');
    // the internal unit has it for information
    const info = (await t.as(clerk, { method: 'GET', url: '/api/documents/inbox?view=info' })).json();
    expect(info.items.map((x: { id: string }) => x.id)).toContain(d.id);

    // the answer from Sở Tài chính marks the recipient "answered"
    const reply = await post(stcClerk, '/api/documents/outgoing', { typeCode: 'CV', subject: 'Trả lời Công văn 01/VP-TH', signerId: stcClerk.user.id, replyToId: copy.id, contentFileId: await upload(stcClerk, 'tra-loi.pdf', samplePdf('Tra loi')), recipients: [{ agencyId: clerk.user.agency.id }] });
    const replyId = reply.json().id;
    expect((await post(stcClerk, `/api/documents/outgoing/${replyId}/approve`)).statusCode).toBe(200);
    await post(stcClerk, `/api/documents/outgoing/${replyId}/sign`);
    expect((await post(stcClerk, `/api/documents/outgoing/${replyId}/issue`)).json().numberNotation).toBe('01/STC-VP');
    expect((await get(chief, d.id)).json().outgoing.recipients[0].status).toBe('answered');
  });

  it('numbers 30 documents issued at once without a gap or a duplicate, and keeps secret ones in their own series', async () => {
    const ready: Doc[] = [];
    for (let i = 0; i < 30; i += 1) ready.push(await signed({ recipients: [{ agencyId: stcId }] }));
    const results = await Promise.all(ready.map((d) => post(clerk, `/api/documents/outgoing/${d.id}/issue`)));
    expect(results.map((r) => r.statusCode)).toEqual(ready.map(() => 200));
    const rows = await t.database.db.select({ n: documents.issueNumber }).from(documents).where(and(eq(documents.direction, 'outgoing'), eq(documents.agencyId, clerk.user.agency.id), eq(documents.confidentiality, 'normal')));
    const numbers = rows.map((r) => r.n!).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    // every copy got its own arrival number at Sở Tài chính, also without gaps
    const copies = await t.database.db.select({ n: documents.arrivalNumber }).from(documents).where(and(eq(documents.direction, 'incoming'), eq(documents.agencyId, stcId)));
    expect(copies.map((c) => c.n!).sort((a, b) => a - b)).toEqual(Array.from({ length: copies.length }, (_, i) => i + 1));

    const secret = await draft(drafter, { confidentiality: 'confidential', contentFileId: undefined });
    expect(secret.files).toEqual([]);
    await post(drafter, `/api/documents/outgoing/${secret.id}/submit`, { toUserId: chief.user.id });
    await post(chief, `/api/documents/outgoing/${secret.id}/approve`);
    await post(chief, `/api/documents/outgoing/${secret.id}/sign`);
    const issuedSecret: Doc = (await post(clerk, `/api/documents/outgoing/${secret.id}/issue`)).json();
    expect(issuedSecret).toMatchObject({ numberNotation: '01/VP-TH', outgoing: { recipients: [{ status: 'pending' }] } });
  });

  it('recalls an issued document: frozen, the copies withdrawn and their files no longer served', async () => {
    const s = await signed();
    await post(clerk, `/api/documents/outgoing/${s.id}/issue`);
    const [copy] = await t.database.db.select().from(documents).where(eq(documents.sourceDocumentId, s.id));
    const copyDoc: Doc = (await get(stcClerk, copy!.id)).json();
    expect((await post(drafter, `/api/documents/outgoing/${s.id}/recall`, { note: 'Sai số liệu' })).statusCode).toBe(403);
    const recalled = await post(clerk, `/api/documents/outgoing/${s.id}/recall`, { note: 'Sai số liệu, sẽ ban hành văn bản thay thế' });
    expect(recalled.json()).toMatchObject({ status: 'recalled', outgoing: { recipients: [{ status: 'withdrawn' }], actions: [] } });
    const after: Doc = (await get(stcClerk, copy!.id)).json();
    expect(after.status).toBe('withdrawn');
    expect(after.events.at(-1)!.note).toContain('Sai số liệu');
    const file = await t.as(stcClerk, { method: 'GET', url: `/api/documents/${copy!.id}/files/${copyDoc.files[0]!.id}/content` });
    expect(file.statusCode).toBe(410);
    expect((await post(clerk, `/api/documents/outgoing/${s.id}/recall`, { note: 'Lần nữa' })).statusCode).toBe(409);
  });

  it('refuses bad drafts and steps with a Vietnamese message', async () => {
    const pdf = await upload(drafter, 'x.pdf', samplePdf('x'));
    const png = await upload(drafter, 'anh.png', Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));
    const cases: [object, string][] = [
      [{ typeCode: 'CV', subject: 'Mật có tệp', signerId: chief.user.id, confidentiality: 'secret', contentFileId: pdf }, 'contentFileId'],
      [{ typeCode: 'CV', subject: 'Gửi chính mình', signerId: chief.user.id, recipients: [{ agencyId: clerk.user.agency.id }] }, 'recipients.0'],
      [{ typeCode: 'CV', subject: 'Người ký không có', signerId: '00000000-0000-7000-8000-000000000000' }, 'signerId'],
      [{ typeCode: 'CV', subject: 'Tệp ảnh', signerId: chief.user.id, contentFileId: png }, 'contentFileId'],
    ];
    for (const [body, path] of cases) {
      const res = await post(drafter, '/api/documents/outgoing', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
    }
    const empty = await post(drafter, '/api/documents/outgoing', { typeCode: 'CV', subject: 'Chưa có tệp', signerId: chief.user.id });
    const submit = await post(drafter, `/api/documents/outgoing/${empty.json().id}/submit`, { toUserId: head.user.id });
    expect(submit.statusCode).toBe(400);
    expect(submit.json().detail).toBe('Chưa có tệp nội dung dự thảo');
    expect((await get(drafter, empty.json().id)).json()).toMatchObject({ status: 'draft', outgoing: { holderId: drafter.user.id } });
    expect((await get(stcStaff, empty.json().id)).statusCode).toBe(404);
  });
});
