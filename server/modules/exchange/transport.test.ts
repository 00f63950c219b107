import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_AUTH, type Session, type TestApp } from '../../../test/helpers/app.js';
import { multipart, samplePdf } from '../../../test/helpers/fixtures.js';
import { agencies } from '../org/tables.js';
import { CertificateSealer, SigningKeys } from '../signing/index.js';
import { createTestPki } from '../signing/test-pki.js';
import { EXCHANGE_TOKEN_PURPOSE } from './index.js';
import { deliverOutbox, enqueueIssuedDocuments, enqueueRecalls, httpSender, reportReceivedProgress, retryDelayMs, type ExchangeSender } from './transport.js';

/*
 * Two running instances — two provinces, each its own database and server on loopback — exchange a
 * document and its statuses over HTTP with API tokens (issue 4 item 7).
 */

interface Side {
  t: TestApp;
  url: string;
  admin: Session;
  clerk: Session;
  drafter: Session;
  chief: Session;
  organId: string;
}

const PROVINCE_B = '000.00.00.H99';
const keys = { peers: new CertificateSealer(TEST_AUTH.secret, EXCHANGE_TOKEN_PURPOSE), signing: new SigningKeys(new CertificateSealer(TEST_AUTH.secret)) };
let a: Side;
let b: Side;
let documentId: string;

async function side(): Promise<Side> {
  const t = await createTestApp();
  const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const [admin, clerk, drafter, chief] = (await Promise.all(['admin', 'vanthu', 'chuyenvien', 'chanhvanphong'].map((u) => t.login(u)))) as [Session, Session, Session, Session];
  const [agency] = await t.database.db.select().from(agencies).where(eq(agencies.id, clerk.user.agency.id));
  return { t, url, admin, clerk, drafter, chief, organId: agency!.identifierCode! };
}

/** One run of the outbox job on a side, as the scheduler does it. */
async function runOutbox(s: Side, send: ExchangeSender = httpSender, now = new Date()) {
  const db = s.t.database.db;
  return db.transaction(async (tx) => {
    const queued = await enqueueIssuedDocuments(tx, s.t.blobStore, now);
    const reported = (await reportReceivedProgress(tx, s.t.blobStore, now)) + (await enqueueRecalls(tx, s.t.blobStore, now));
    return { queued, reported, ...(await deliverOutbox(tx, s.t.blobStore, keys, send, now)) };
  });
}

const post = (s: Side, who: Session, url: string, payload: object = {}) => s.t.as(who, { method: 'POST', url, payload });
const get = (s: Side, who: Session, url: string) => s.t.as(who, { method: 'GET', url });

async function token(s: Side): Promise<string> {
  const res = await post(s, s.admin, '/api/auth/tokens', { name: 'Trục liên thông' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().token as string;
}

async function recipientOf(id: string) {
  const d = (await get(a, a.clerk, `/api/documents/${id}`)).json();
  return d.outgoing.recipients.find((r: { organId: string | null }) => r.organId === PROVINCE_B) as { status: string; exchange: { code: string | null; note: string } | null };
}

beforeAll(async () => {
  [a, b] = await Promise.all([side(), side()]);
  // Province B is another province: its office has its own identifier code.
  await b.t.database.db.update(agencies).set({ identifierCode: PROVINCE_B }).where(eq(agencies.id, b.clerk.user.agency.id));
  b.organId = PROVINCE_B;
}, 60_000);
afterAll(async () => {
  await Promise.all([a?.t.close(), b?.t.close()]);
});

/** A công văn of province A to province B's office, drafted, approved, signed and issued. */
async function issueToB(subject: string): Promise<string> {
  const contentFileId = (await a.t.as(a.drafter, { method: 'POST', url: '/api/files', ...multipart('cong-van.pdf', samplePdf(subject.slice(0, 20))) })).json().id;
  const drafted = await post(a, a.drafter, '/api/documents/outgoing', { typeCode: 'CV', subject, signerId: a.chief.user.id, contentFileId, recipients: [{ name: 'Văn phòng UBND tỉnh B', identifierCode: PROVINCE_B }] });
  expect(drafted.statusCode, drafted.body).toBe(201);
  const id = drafted.json().id as string;
  expect((await post(a, a.drafter, `/api/documents/outgoing/${id}/submit`, { toUserId: a.chief.user.id })).statusCode).toBe(200);
  expect((await post(a, a.chief, `/api/documents/outgoing/${id}/approve`)).statusCode).toBe(200);
  expect((await post(a, a.chief, `/api/documents/outgoing/${id}/sign`)).statusCode).toBe(200);
  expect((await post(a, a.clerk, `/api/documents/outgoing/${id}/issue`)).statusCode).toBe(200);
  return id;
}

describe('exchanging a document between two instances', () => {
  it('lets only the administrator connect the instances, with the other side’s token kept sealed', async () => {
    const peer = { name: 'Hệ thống tỉnh B', url: b.url, organIds: [PROVINCE_B], token: await token(b) };
    expect((await post(a, a.clerk, '/api/exchange/peers', peer)).statusCode).toBe(403);
    const bad = await post(a, a.admin, '/api/exchange/peers', { ...peer, organIds: ['H99'], url: 'ftp://x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.organIds.0', 'body.url']);
    const added = await post(a, a.admin, '/api/exchange/peers', peer);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).not.toHaveProperty('token');
    expect((await post(a, a.admin, '/api/exchange/peers', peer)).statusCode).toBe(409);
    expect((await post(b, b.admin, '/api/exchange/peers', { name: 'Hệ thống tỉnh A', url: a.url, organIds: [a.organId], token: await token(a) })).statusCode).toBe(201);
    const listed = (await get(a, a.admin, '/api/exchange/peers')).json().items;
    expect(listed).toMatchObject([{ name: 'Hệ thống tỉnh B', organIds: [PROVINCE_B] }]);
    expect(JSON.stringify(listed)).not.toContain(peer.token);
  });

  it('sends the issued document to province B, which receives it once and says it arrived (01)', async () => {
    const contentFileId = (await a.t.as(a.drafter, { method: 'POST', url: '/api/files', ...multipart('cong-van.pdf', samplePdf('Cong van gui tinh B')) })).json().id;
    const drafted = await post(a, a.drafter, '/api/documents/outgoing', {
      typeCode: 'CV',
      subject: 'Về việc phối hợp quản lý địa bàn giáp ranh',
      signerId: a.chief.user.id,
      contentFileId,
      recipients: [{ name: 'Văn phòng UBND tỉnh B', identifierCode: PROVINCE_B }],
    });
    expect(drafted.statusCode, drafted.body).toBe(201);
    documentId = drafted.json().id;
    expect((await post(a, a.drafter, `/api/documents/outgoing/${documentId}/submit`, { toUserId: a.chief.user.id })).statusCode).toBe(200);
    expect((await post(a, a.chief, `/api/documents/outgoing/${documentId}/approve`)).statusCode).toBe(200);
    expect((await post(a, a.chief, `/api/documents/outgoing/${documentId}/sign`)).statusCode).toBe(200);
    expect((await post(a, a.clerk, `/api/documents/outgoing/${documentId}/issue`)).statusCode).toBe(200);
    expect(await recipientOf(documentId)).toMatchObject({ status: 'queued', exchange: null });

    // B is down for the first attempt: the message waits and is tried again later.
    const down: ExchangeSender = () => Promise.reject(new Error('connect ECONNREFUSED'));
    expect(await runOutbox(a, down)).toMatchObject({ queued: 1, sent: 0, failed: 1 });
    const outbox = (await get(a, a.clerk, '/api/exchange/outbox')).json();
    const waiting = outbox.items;
    expect(outbox.total).toBe(1);
    expect(waiting).toMatchObject([{ kind: 'document', status: 'pending', attempts: 1, toOrganId: PROVINCE_B, agencyName: 'Văn phòng Ủy ban nhân dân tỉnh' }]);
    expect((await get(a, a.clerk, '/api/exchange/outbox?status=sent')).json()).toEqual({ items: [], total: 0 });
    expect(waiting[0].lastError).toContain('ECONNREFUSED');
    expect(await runOutbox(a)).toMatchObject({ queued: 0, sent: 0 }); // not due yet
    const later = new Date(Date.now() + retryDelayMs(1) + 1000);
    expect(await runOutbox(a, httpSender, later)).toMatchObject({ sent: 1, failed: 0 });
    expect(await recipientOf(documentId)).toMatchObject({ status: 'queued', exchange: { code: null } });

    const page = (await get(b, b.clerk, '/api/exchange/messages?pageSize=1')).json();
    expect(page.total).toBe(1);
    const received = page.items;
    expect(received).toMatchObject([{ via: 'exchange', status: 'pending', subject: 'Về việc phối hợp quản lý địa bàn giáp ranh', fromOrganId: a.organId, files: [{ name: 'cong-van.pdf', mime: 'application/pdf' }] }]);

    // B's clerk reads the PDF before registering it, though the exchange's account received it.
    const pdf = await get(b, b.clerk, `/api/exchange/messages/${received[0].id}/files/${received[0].files[0].id}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const source = await get(b, b.clerk, `/api/exchange/messages/${received[0].id}/files/${received[0].sourceFileId}`);
    expect(source.body).toContain('<edXML:DocumentId>');
    expect((await get(b, b.clerk, `/api/exchange/messages/${received[0].id}/files/${contentFileId}`)).statusCode).toBe(404);

    // The same message again (a retry after a lost acknowledgement) is taken once.
    const again = (await get(a, a.admin, '/api/exchange/outbox')).json().items[0];
    expect(again.status).toBe('sent');
    const xml = await a.t.as(a.clerk, { method: 'GET', url: `/api/documents/${documentId}/edxml` });
    expect(xml.statusCode, xml.body).toBe(200);
    const bToken = await token(b);
    const dup = await b.t.app.inject({ method: 'POST', url: '/api/exchange/inbox', headers: { authorization: `Bearer ${bToken}`, 'content-type': 'application/xml' }, payload: xml.body });
    expect(dup.statusCode, dup.body).toBe(200);
    expect(dup.json()).toMatchObject({ kind: 'document', received: [{ organId: PROVINCE_B, duplicate: true }] });
    expect((await get(b, b.clerk, '/api/exchange/messages')).json().items).toHaveLength(1);

    // B's outbox sends "01 arrived" back; A shows it on the recipient and the timeline.
    expect(await runOutbox(b)).toMatchObject({ sent: 1 });
    expect(await recipientOf(documentId)).toMatchObject({ status: 'delivered', exchange: { code: '01' } });
  });

  it('tells province A that the document was accepted (03), assigned (04) and completed (06)', async () => {
    const [m] = (await get(b, b.clerk, '/api/exchange/messages')).json().items;
    const registered = await post(b, b.clerk, `/api/exchange/messages/${m.id}/register`, {});
    expect(registered.statusCode, registered.body).toBe(200);
    expect(await runOutbox(b)).toMatchObject({ sent: 1 });
    expect(await recipientOf(documentId)).toMatchObject({ status: 'delivered', exchange: { code: '03' } });

    // B's office handles it: presented, assigned to a specialist who completes it.
    const incomingId = registered.json().documentId as string;
    const leader = await b.t.login('chanhvanphong');
    const specialist = await b.t.login('chuyenvien');
    expect((await post(b, b.clerk, `/api/documents/${incomingId}/present`, { leaderId: leader.user.id })).statusCode).toBe(200);
    const assigned = await post(b, leader, `/api/documents/${incomingId}/assignments`, { instruction: 'Đề nghị phối hợp', lead: { userId: specialist.user.id }, dueInWorkingDays: 5 });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(await runOutbox(b)).toMatchObject({ reported: 1, sent: 1 });
    expect(await recipientOf(documentId)).toMatchObject({ status: 'read', exchange: { code: '04' } });

    const doc = (await get(b, specialist, `/api/documents/${incomingId}`)).json();
    const mine = doc.routing.assignments.find((x: { userId: string | null }) => x.userId === specialist.user.id);
    expect((await post(b, specialist, `/api/documents/${incomingId}/assignments/${mine.id}/complete`, { result: 'Đã phối hợp xong' })).statusCode).toBe(200);
    expect(await runOutbox(b)).toMatchObject({ reported: 1, sent: 1 });
    expect(await recipientOf(documentId)).toMatchObject({ status: 'answered', exchange: { code: '06' } });
    const events = (await get(a, a.clerk, `/api/documents/${documentId}`)).json().events.map((e: { kind: string }) => e.kind);
    expect(events.filter((k: string) => k === 'exchange_status')).toHaveLength(4);
    expect(await runOutbox(b)).toMatchObject({ reported: 0, sent: 0 });
  });

  it('returns a message with its reason (02), and refuses one not addressed here or without a token', async () => {
    const xml = (await a.t.as(a.clerk, { method: 'GET', url: `/api/documents/${documentId}/edxml` })).body;
    const other = xml.replaceAll(PROVINCE_B, '000.00.00.H98');
    const bToken = await token(b);
    const inbox = (payload: string, auth = `Bearer ${bToken}`) => b.t.app.inject({ method: 'POST', url: '/api/exchange/inbox', headers: { authorization: auth, 'content-type': 'application/xml' }, payload });
    const notHere = await inbox(other);
    expect(notHere.statusCode).toBe(400);
    expect(notHere.json().detail).toContain('000.00.00.H98');
    expect((await inbox(xml, 'Bearer vps_khong-hop-le')).statusCode).toBe(401);
    expect((await inbox('<edXML><hỏng>')).statusCode).toBe(400);

    // A second document, which B returns.
    const doc2 = xml.replaceAll('Về việc phối hợp quản lý địa bàn giáp ranh', 'Về việc gửi nhầm nơi nhận').replace(/(<edXML:DocumentId>[^<]*)(<\/edXML:DocumentId>)/, '$1-2$2');
    expect(doc2).toContain('-2</edXML:DocumentId>');
    expect((await inbox(doc2)).statusCode).toBe(200);
    const m = (await get(b, b.clerk, '/api/exchange/messages?status=pending')).json().items[0];
    expect((await post(b, b.clerk, `/api/exchange/messages/${m.id}/reject`, { reason: 'x' })).statusCode).toBe(400);
    const rejected = await post(b, b.clerk, `/api/exchange/messages/${m.id}/reject`, { reason: 'Văn bản không thuộc thẩm quyền của tỉnh B' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectReason: 'Văn bản không thuộc thẩm quyền của tỉnh B' });
    expect((await post(b, b.clerk, `/api/exchange/messages/${m.id}/register`, {})).statusCode).toBe(409);
    // A has no sent document with that DocumentId: it refuses the status for good, and B stops retrying.
    expect(await runOutbox(b)).toMatchObject({ sent: 0, failed: 2 });
    const failed = (await get(b, b.clerk, '/api/exchange/outbox?status=failed')).json().items;
    expect(failed.map((o: { statusCode: string }) => o.statusCode).sort()).toEqual(['01', '02']);
    expect(failed[0]).toMatchObject({ kind: 'status', attempts: 1, nextAttemptAt: null });
    expect(failed[0].lastError).toContain('HTTP 404');
    // A person can send it again (here A still refuses it).
    expect((await post(b, b.clerk, `/api/exchange/outbox/${failed[0].id}/retry`)).statusCode).toBe(200);
    expect(await runOutbox(b)).toMatchObject({ failed: 1 });
  });

  it('asks a recalled document back (13): B gives back one still open (15) and refuses one already handled (16)', async () => {
    const open = await issueToB('Về việc tổ chức hội nghị giao ban vùng');
    expect(await runOutbox(a)).toMatchObject({ queued: 1, sent: 1 });
    const received = (await get(b, b.clerk, '/api/exchange/messages?status=pending')).json().items.find((m: { subject: string }) => m.subject === 'Về việc tổ chức hội nghị giao ban vùng');
    const registered = await post(b, b.clerk, `/api/exchange/messages/${received.id}/register`, {});
    expect(registered.statusCode, registered.body).toBe(200);
    expect(await runOutbox(b)).toMatchObject({ sent: 2 }); // 01 and 03

    for (const id of [open, documentId]) expect((await post(a, a.clerk, `/api/documents/outgoing/${id}/recall`, { note: 'Ban hành nhầm đối tượng' })).statusCode).toBe(200);
    expect(await runOutbox(a)).toMatchObject({ reported: 2, sent: 2 });
    expect(await recipientOf(open)).toMatchObject({ status: 'withdrawn', exchange: { code: '13' } });

    expect(await runOutbox(b)).toMatchObject({ sent: 2 });
    const incoming = (await get(b, b.clerk, `/api/documents/${registered.json().documentId}`)).json();
    expect(incoming.status).toBe('withdrawn');
    expect(incoming.events.some((e: { kind: string; note: string }) => e.kind === 'withdrawn' && e.note.includes('Cơ quan gửi lấy lại văn bản qua liên thông'))).toBe(true);
    expect(await recipientOf(open)).toMatchObject({ status: 'withdrawn', exchange: { code: '15' } });
    expect(await recipientOf(documentId)).toMatchObject({ exchange: { code: '16', note: 'Từ chối lấy lại: Văn bản đã được xử lý xong; không trả lại được' } });
    // nothing more to say on either side
    expect(await runOutbox(a)).toMatchObject({ queued: 0, reported: 0, sent: 0 });
    expect(await runOutbox(b)).toMatchObject({ reported: 0, sent: 0 });
  });

  it('carries out a revocation (BussinessDocType 1) of a registered document: withdrawn, answered 15 and not 01, once', async () => {
    const id = await issueToB('Về việc điều chỉnh lịch tiếp công dân');
    expect(await runOutbox(a)).toMatchObject({ queued: 1, sent: 1 });
    const received = (await get(b, b.clerk, '/api/exchange/messages?status=pending')).json().items.find((m: { subject: string }) => m.subject === 'Về việc điều chỉnh lịch tiếp công dân');
    const registered = await post(b, b.clerk, `/api/exchange/messages/${received.id}/register`, {});
    expect(registered.statusCode, registered.body).toBe(200);
    expect(await runOutbox(b)).toMatchObject({ sent: 2 }); // 01 and 03

    // The document as A sent it, now a revocation of itself (same DocumentId, Bussiness kind 1).
    const xml = (await a.t.as(a.clerk, { method: 'GET', url: `/api/documents/${id}/edxml` })).body;
    const revocation = xml.replace('<edXML:BussinessDocType>0</edXML:BussinessDocType>', '<edXML:BussinessDocType>1</edXML:BussinessDocType><edXML:BussinessDocReason>Ban hành sai thẩm quyền</edXML:BussinessDocReason>');
    expect(revocation).not.toBe(xml);
    const bToken = await token(b);
    const inbox = () => b.t.app.inject({ method: 'POST', url: '/api/exchange/inbox', headers: { authorization: `Bearer ${bToken}`, 'content-type': 'application/xml' }, payload: revocation });
    const first = await inbox();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ kind: 'document', received: [{ organId: PROVINCE_B, duplicate: false }] });
    const incoming = (await get(b, b.clerk, `/api/documents/${registered.json().documentId}`)).json();
    expect(incoming.status).toBe('withdrawn');
    expect(incoming.events.some((e: { kind: string; note: string }) => e.kind === 'withdrawn' && e.note === 'Nơi gửi thu hồi văn bản: Ban hành sai thẩm quyền')).toBe(true);
    const revoke = (await get(b, b.clerk, '/api/exchange/messages')).json().items.find((m: { id: string }) => m.id === first.json().received[0].messageId);
    expect(revoke).toMatchObject({ businessDocType: 1, status: 'applied', documentId: registered.json().documentId });

    expect(await runOutbox(b)).toMatchObject({ sent: 1 });
    const sent = (await get(b, b.clerk, '/api/exchange/outbox?status=sent')).json().items.filter((o: { edxmlDocumentId: string }) => o.edxmlDocumentId === revoke.edxmlDocumentId);
    expect(sent.map((o: { statusCode: string }) => o.statusCode).sort()).toEqual(['01', '03', '15']);
    expect(await recipientOf(id)).toMatchObject({ status: 'withdrawn', exchange: { code: '15' } });

    expect((await inbox()).json()).toMatchObject({ received: [{ duplicate: true }] });
    expect(await runOutbox(b)).toMatchObject({ reported: 0, sent: 0 });
  });
});

describe('signed messages (XML-DSig)', () => {
  it('are signed with the agency’s exchange key, checked on arrival against B’s trust store, and refused when changed', async () => {
    const pki = await createTestPki();
    const b64 = (der: Uint8Array) => Buffer.from(der).toString('base64');
    // A's clerk lets the server sign the exchange's messages with the agency's certificate
    const onlyForAgency = await post(a, a.chief, '/api/signing/certificates', { kind: 'personal', label: 'x', pkcs12: b64(pki.p12.person), passphrase: pki.passphrase, forExchange: true });
    expect(onlyForAgency.statusCode).toBe(400);
    const cert = await post(a, a.clerk, '/api/signing/certificates', { kind: 'organization', label: 'Ký thông điệp liên thông', pkcs12: b64(pki.p12.organization), passphrase: pki.passphrase, forExchange: true });
    expect(cert.statusCode, cert.body).toBe(201);
    expect(cert.json().forExchange).toBe(true);
    for (const der of [pki.root.der, ...pki.crls]) expect((await post(b, b.admin, '/api/signing/trust-anchors', { content: b64(der) })).statusCode).toBe(201);

    const sentXml: string[] = [];
    const recording: ExchangeSender = (url, t, xml) => {
      sentXml.push(xml);
      return httpSender(url, t, xml);
    };
    await issueToB('Về việc triển khai chữ ký số trong liên thông');
    expect(await runOutbox(a, recording)).toMatchObject({ queued: 1, sent: 1 });
    expect(sentXml[0]).toContain('<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">');
    const received = (await get(b, b.clerk, '/api/exchange/messages')).json().items.find((m: { subject: string }) => m.subject === 'Về việc triển khai chữ ký số trong liên thông');
    expect(received.signature).toEqual({ status: 'valid', signerName: 'Ủy ban nhân dân tỉnh An Giang', issuerName: 'CA trung gian thử nghiệm', reasons: [] });
    // B has no exchange key: its status (01) goes unsigned, and A takes it
    expect(await runOutbox(b)).toMatchObject({ sent: 1 });

    // the same message with its subject changed on the way is refused, and nothing is kept
    const before = (await get(b, b.clerk, '/api/exchange/messages')).json().items.length;
    const forged = sentXml[0]!.replace('Về việc triển khai chữ ký số trong liên thông', 'Về việc chuyển kinh phí gấp').replace(/<edXML:DocumentId>[^<]+/, '<edXML:DocumentId>000.00.00.H41,2026/11/27,999/UBND-VP');
    const bToken = await token(b);
    const refused = await b.t.app.inject({ method: 'POST', url: '/api/exchange/inbox', headers: { authorization: `Bearer ${bToken}`, 'content-type': 'application/xml' }, payload: forged });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toContain('Chữ ký số của thông điệp không hợp lệ');
    expect((await get(b, b.clerk, '/api/exchange/messages')).json().items).toHaveLength(before);

    // the file exported for hand-over is signed too
    const exported = (await a.t.as(a.clerk, { method: 'GET', url: `/api/documents/${(await a.t.as(a.clerk, { method: 'GET', url: '/api/exchange/outbox' })).json().items[0].documentId}/edxml` })).body;
    expect(exported).toContain('<SignatureValue>');
  });
});
