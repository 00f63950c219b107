import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { multipart, samplePdf } from '../../../test/helpers/fixtures.js';
import { buildEdxml } from './edxml-build.js';
import type { EdxmlMessage } from './edxml-types.js';
import { sampleMessage } from './test-fixtures.js';

let t: TestApp;
let clerk: Session;
let specialist: Session;

type Message = { id: string; status: string; numberNotation: string; fromName: string; files: { name: string; mime: string }[]; warnings: string[]; documentId: string | null; businessDocType: number };

const importXml = (s: Session, xml: string) => t.as(s, { method: 'POST', url: '/api/exchange/messages/import', ...multipart('thong-diep.xml', Buffer.from(xml)) });
const list = async () => (await t.as(clerk, { method: 'GET', url: '/api/exchange/messages' })).json().items as Message[];

function message(extra: (m: EdxmlMessage) => void = () => undefined): EdxmlMessage {
  const m = sampleMessage();
  m.attachments[0]!.bytes = new Uint8Array(samplePdf('Cong van 345'));
  extra(m);
  return m;
}

beforeAll(async () => {
  t = await createTestApp();
  [clerk, specialist] = (await Promise.all(['vanthu', 'chuyenvien'].map((u) => t.login(u)))) as [Session, Session];
});
afterAll(() => t.close());

describe('receiving an edXML message as a file', () => {
  it('keeps it for the clerk with its PDF, refuses what is not a document file, and takes the same DocumentId once', async () => {
    expect((await importXml(specialist, buildEdxml(message()))).statusCode).toBe(403);
    const res = await importXml(clerk, buildEdxml(message()));
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json().message as Message;
    expect(m).toMatchObject({ status: 'pending', numberNotation: '345/UBND-VP', fromName: 'UBND tỉnh Nghệ An', businessDocType: 0, documentId: null });
    expect(m.files).toMatchObject([{ name: '345-UBND-VP.pdf', mime: 'application/pdf' }]);
    expect(m.warnings).toHaveLength(1);
    expect(m.warnings[0]).toContain('Phụ lục I.pdf');

    const again = await importXml(clerk, buildEdxml(message()));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ duplicate: true, message: { id: m.id } });
    expect(await list()).toHaveLength(1);
  });

  it('refuses a hostile or broken message in Vietnamese and keeps nothing', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE edXML [<!ENTITY x SYSTEM "file:///etc/passwd">]><edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">&x;</edXML>`;
    const refused = await importXml(clerk, xxe);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toMatch(/[ạảãáàâầấậẫẩăằắặẵẳêềếệễểôồốộỗổơờớợỡởưừứựữửđ]/);
    expect((await importXml(clerk, '<edXML><khong-dong>')).statusCode).toBe(400);
    expect(await list()).toHaveLength(1);
  });

  it('becomes an incoming document with one click of the clerk, once', async () => {
    const [m] = await list();
    const res = await t.as(clerk, { method: 'POST', url: `/api/exchange/messages/${m!.id}/register`, payload: { dueInWorkingDays: 5 } });
    expect(res.statusCode, res.body).toBe(200);
    const doc = (await t.as(clerk, { method: 'GET', url: `/api/documents/${res.json().documentId}` })).json();
    expect(doc).toMatchObject({ direction: 'incoming', channel: 'electronic', senderName: 'UBND tỉnh Nghệ An', numberNotation: '345/UBND-VP', issuedDate: '2025-03-10', typeCode: 'CV', arrivalNumber: res.json().arrivalNumber });
    expect(doc.files).toMatchObject([{ name: '345-UBND-VP.pdf', role: 'main' }]);
    expect((await list())[0]).toMatchObject({ status: 'registered', documentId: doc.id });
    expect((await t.as(clerk, { method: 'POST', url: `/api/exchange/messages/${m!.id}/register`, payload: {} })).statusCode).toBe(409);
  });

  it('keeps a revocation apart: it is not registered as a new document', async () => {
    const revoke = message((m) => {
      m.header.documentId = '000.00.00.H41,2025/03/11,346/UBND-VP';
      m.header.code.codeNumber = '346';
      m.trace.business = { ...m.trace.business, businessDocType: 1, businessDocReason: 'Gửi nhầm', documentId: '000.00.00.H41,2025/03/10,345/UBND-VP' };
    });
    const res = await importXml(clerk, buildEdxml(revoke));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().message.businessDocType).toBe(1);
    expect((await t.as(clerk, { method: 'POST', url: `/api/exchange/messages/${res.json().message.id}/register`, payload: {} })).statusCode).toBe(409);
  });
});
