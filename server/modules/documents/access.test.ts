import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { multipart, samplePdf } from '../../../test/helpers/fixtures.js';

// Issue 3 item 12: a document is visible to its agency's clerks and leaders and to everyone it was
// assigned or sent to — nobody else, in any tenant. Each row: who, and whether they see each document.
const PEOPLE = ['vanthu', 'chanhvanphong', 'truongphong', 'chuyenvien', 'admin', 'lanhdao', 'so', 'vanthuso', 'xa', 'tn.admin', 'tn.chuyenvien'] as const;
type Person = (typeof PEOPLE)[number];

let t: TestApp;
const s = {} as Record<Person, Session>;
const docs = {} as Record<'plain' | 'assignedToUnit' | 'assignedToPerson' | 'secret' | 'draft' | 'issued' | 'copy', string>;

const post = (who: Person, url: string, payload: object = {}) => t.as(s[who], { method: 'POST', url, payload });
async function incoming(n: number, extra: Record<string, unknown> = {}) {
  const res = await post('vanthu', '/api/documents/incoming', { channel: 'paper', senderName: 'Bộ Công an', numberNotation: `${n}/BCA-V03`, issuedDate: '2026-05-04', typeCode: 'CV', subject: `Ma trận quyền ${n}`, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const p of PEOPLE) s[p] = await t.login(p);
  docs.plain = await incoming(1);
  docs.assignedToUnit = await incoming(2);
  await post('chanhvanphong', `/api/documents/${docs.assignedToUnit}/assignments`, { instruction: 'Phòng Tổng hợp', lead: { unitId: s.chuyenvien.user.unit.id }, info: [{ userId: s.lanhdao.user.id }] });
  docs.assignedToPerson = await incoming(3);
  await post('chanhvanphong', `/api/documents/${docs.assignedToPerson}/assignments`, { instruction: 'Sở Tài chính phối hợp', lead: { userId: s.chuyenvien.user.id }, coordinators: [{ userId: s.so.user.id }] });
  docs.secret = await incoming(4, { confidentiality: 'secret', viewerIds: [s.lanhdao.user.id] });

  const file = async () => (await t.as(s.chuyenvien, { method: 'POST', url: '/api/files', ...multipart('du-thao.pdf', samplePdf('x')) })).json().id;
  docs.draft = (await post('chuyenvien', '/api/documents/outgoing', { typeCode: 'CV', subject: 'Dự thảo đang soạn', signerId: s.chanhvanphong.user.id, contentFileId: await file() })).json().id;
  docs.issued = (await post('chuyenvien', '/api/documents/outgoing', { typeCode: 'CV', subject: 'Văn bản gửi Sở', signerId: s.chanhvanphong.user.id, contentFileId: await file(), recipients: [{ agencyId: s.so.user.agency.id }] })).json().id;
  await post('chuyenvien', `/api/documents/outgoing/${docs.issued}/submit`, { toUserId: s.chanhvanphong.user.id });
  await post('chanhvanphong', `/api/documents/outgoing/${docs.issued}/approve`);
  await post('chanhvanphong', `/api/documents/outgoing/${docs.issued}/sign`);
  const issued = await post('vanthu', `/api/documents/outgoing/${docs.issued}/issue`);
  expect(issued.statusCode, issued.body).toBe(200);
  const inbox = (await t.as(s.vanthuso, { method: 'GET', url: '/api/documents/incoming' })).json();
  docs.copy = inbox.items[0].id;
});
afterAll(() => t.close());

const SEES: Record<keyof typeof docs, Person[]> = {
  plain: ['vanthu', 'chanhvanphong', 'truongphong'],
  assignedToUnit: ['vanthu', 'chanhvanphong', 'truongphong', 'chuyenvien', 'lanhdao'],
  assignedToPerson: ['vanthu', 'chanhvanphong', 'truongphong', 'chuyenvien', 'so'],
  // the registering clerk and the person named on it; not even the agency's leaders
  secret: ['vanthu', 'lanhdao'],
  draft: ['vanthu', 'chanhvanphong', 'truongphong', 'chuyenvien'],
  issued: ['vanthu', 'chanhvanphong', 'truongphong', 'chuyenvien'],
  // the copy belongs to Sở Tài chính: its clerk; nobody of the sender
  copy: ['vanthuso'],
};

describe('who sees which document', () => {
  for (const [doc, allowed] of Object.entries(SEES) as [keyof typeof docs, Person[]][]) {
    it(`${doc}: ${allowed.join(', ')}`, async () => {
      const seen: Person[] = [];
      for (const p of PEOPLE) {
        const res = await t.as(s[p], { method: 'GET', url: `/api/documents/${docs[doc]}` });
        expect([200, 404], `${p}: ${res.statusCode}`).toContain(res.statusCode);
        if (res.statusCode === 200) seen.push(p);
        // search agrees with the detail page
        const found = (await t.as(s[p], { method: 'GET', url: `/api/documents/search?q=${encodeURIComponent(doc === 'copy' || doc === 'issued' ? 'Văn bản gửi Sở' : doc === 'draft' ? 'Dự thảo đang soạn' : 'Ma trận quyền')}` })).json();
        expect(found.items.some((d: { id: string }) => d.id === docs[doc]), `${p} search`).toBe(res.statusCode === 200);
      }
      expect(seen).toEqual(allowed);
    });
  }
});
