import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { multipart, samplePdf } from '../../../test/helpers/fixtures.js';
import { extractPendingContent } from '../documents/content-text.js';
import { agencies } from '../org/tables.js';
import { signingCertificates } from './tables.js';
import { blueSignature, redSeal } from './test-fixtures.js';
import { createTestPki, type TestPki } from './test-pki.js';

const run = promisify(execFile);
let t: TestApp;
let pki: TestPki;
let admin: Session;
let drafter: Session;
let chief: Session;
let clerk: Session;
let stcClerk: Session;
let stcId: string;
let workDir: string;
/** the document once signed and sealed, for the verification tests */
let sealedDoc: Doc;

type Verification = { status: string; signatures: { signerName: string; status: string; intact: boolean; chain: string; reasons: string[] }[] };
type Doc = { id: string; status: string; files: { id: string; name: string; role: string }[]; events: { kind: string; note: string }[]; outgoing: { actions: string[]; versions: { version: number; name: string }[] } };

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const pem = (der: Uint8Array, label = 'CERTIFICATE') => `-----BEGIN ${label}-----\n${b64(der).replace(/(.{64})/g, '$1\n')}\n-----END ${label}-----\n`;
const post = (s: Session, url: string, payload: object = {}) => t.as(s, { method: 'POST', url, payload });
const upload = async (s: Session, name: string, bytes: Buffer) => (await t.as(s, { method: 'POST', url: '/api/files', ...multipart(name, bytes) })).json().id as string;
const mainFile = (d: Doc) => d.files.find((f) => f.role === 'main')!;
const verifyFile = async (s: Session, d: Doc) => (await t.as(s, { method: 'GET', url: `/api/documents/${d.id}/files/${mainFile(d).id}/signatures` })).json() as Verification;
const content = async (s: Session, d: Doc) => (await t.as(s, { method: 'GET', url: `/api/documents/${d.id}/files/${mainFile(d).id}/content` })).rawPayload;

beforeAll(async () => {
  [t, pki] = await Promise.all([createTestApp(), createTestPki()]);
  [admin, drafter, chief, clerk, stcClerk] = (await Promise.all(['admin', 'chuyenvien', 'chanhvanphong', 'vanthu', 'vanthuso'].map((u) => t.login(u)))) as [Session, Session, Session, Session, Session];
  const [stc] = await t.database.db.select().from(agencies).where(eq(agencies.shortName, 'STC'));
  stcId = stc!.id;
  workDir = mkdtempSync(path.join(tmpdir(), 'vps-signing-api-'));
});
afterAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
  await t.close();
});

describe('the trust store', () => {
  it('takes root and intermediate CA certificates and CRLs from the administrator, once each', async () => {
    const root = await post(admin, '/api/signing/trust-anchors', { content: pem(pki.root.der) });
    expect(root.statusCode, root.body).toBe(201);
    expect(root.json()).toMatchObject({ kind: 'root', name: 'CA gốc thử nghiệm Văn phòng số' });
    expect((await post(admin, '/api/signing/trust-anchors', { content: b64(pki.intermediate.der) })).json()).toMatchObject({ kind: 'intermediate', name: 'CA trung gian thử nghiệm' });
    for (const crl of pki.crls) expect((await post(admin, '/api/signing/trust-anchors', { content: pem(crl, 'X509 CRL') })).json().kind).toBe('crl');
    const again = await post(admin, '/api/signing/trust-anchors', { content: pem(pki.root.der) });
    expect(again.statusCode).toBe(409);
    // a person's certificate is not a CA; garbage is not a certificate
    expect((await post(admin, '/api/signing/trust-anchors', { content: b64(pki.person.der) })).json().errors[0].message).toContain('CA');
    const garbage = await post(admin, '/api/signing/trust-anchors', { content: 'SGVsbG8gd29ybGQ=' });
    expect(garbage.statusCode).toBe(400);
    const list = (await t.as(admin, { method: 'GET', url: '/api/signing/trust-anchors' })).json().items as { kind: string }[];
    expect(list.map((a) => a.kind).sort()).toEqual(['crl', 'crl', 'intermediate', 'root']);
  });
});

describe('certificates', () => {
  it('keeps a signer’s PKCS#12 sealed, refuses a wrong passphrase or an expired certificate, and never stores the passphrase', async () => {
    const wrong = await post(chief, '/api/signing/certificates', { kind: 'personal', label: 'Token', pkcs12: b64(pki.p12.person), passphrase: 'sai' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('passphrase');
    const expired = await post(chief, '/api/signing/certificates', { kind: 'personal', label: 'Cũ', pkcs12: b64(pki.p12.expired), passphrase: pki.passphrase });
    expect(expired.json().errors[0].message).toContain('hết hạn');
    // a clerk keeps the agency's certificate, not a personal one
    expect((await post(clerk, '/api/signing/certificates', { kind: 'personal', label: 'X', pkcs12: b64(pki.p12.person), passphrase: pki.passphrase })).statusCode).toBe(403);

    const imageFileId = await upload(chief, 'chu-ky.png', Buffer.from(blueSignature()));
    const added = await post(chief, '/api/signing/certificates', { kind: 'personal', label: 'Chứng thư số Ban Cơ yếu', pkcs12: b64(pki.p12.person), passphrase: pki.passphrase, imageFileId });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ kind: 'personal', subjectName: 'Nguyễn Văn Bình', issuerName: 'CA trung gian thử nghiệm', expired: false, imageFileId });
    const [row] = await t.database.db.select().from(signingCertificates).where(eq(signingCertificates.id, added.json().id));
    expect(row!.sealedPkcs12).not.toContain(b64(pki.p12.person).slice(0, 40));
    expect(JSON.stringify(row)).not.toContain(pki.passphrase);
    // only its holder sees it
    expect((await t.as(chief, { method: 'GET', url: '/api/signing/certificates' })).json().items).toHaveLength(1);
    expect((await t.as(clerk, { method: 'GET', url: '/api/signing/certificates' })).json().items).toHaveLength(0);
  });
});

describe('signing an outgoing document', () => {
  let doc: Doc;

  it('lets the signer sign the approved PDF with a visible signature; a wrong passphrase changes nothing', async () => {
    const contentFileId = await upload(drafter, 'cong-van.pdf', samplePdf('Cong van ve chuyen doi so'));
    const drafted = await post(drafter, '/api/documents/outgoing', { typeCode: 'CV', subject: 'Về việc đẩy mạnh chuyển đổi số', signerId: chief.user.id, contentFileId, recipients: [{ agencyId: stcId }] });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const id = drafted.json().id as string;
    expect((await post(drafter, `/api/documents/outgoing/${id}/submit`, { toUserId: chief.user.id })).statusCode).toBe(200);
    expect((await post(chief, `/api/documents/outgoing/${id}/approve`)).statusCode).toBe(200);
    const [cert] = (await t.as(chief, { method: 'GET', url: '/api/signing/certificates' })).json().items as { id: string }[];

    const wrong = await post(chief, `/api/documents/outgoing/${id}/signatures`, { certificateId: cert!.id, passphrase: 'sai' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toEqual({ path: 'passphrase', message: 'Sai mật khẩu của chứng thư số' });
    expect((await t.as(chief, { method: 'GET', url: `/api/documents/${id}` })).json().status).toBe('approved');

    const res = await post(chief, `/api/documents/outgoing/${id}/signatures`, { certificateId: cert!.id, passphrase: pki.passphrase });
    expect(res.statusCode, res.body).toBe(200);
    doc = res.json();
    expect(doc.status).toBe('signed');
    expect(doc.outgoing.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(doc.events.at(-1)).toMatchObject({ kind: 'signed' });
    expect(doc.events.at(-1)!.note).toContain('Nguyễn Văn Bình');
    const report = await verifyFile(chief, doc);
    expect(report.status).toBe('valid');
    expect(report.signatures).toMatchObject([{ signerName: 'Nguyễn Văn Bình', status: 'valid', intact: true, chain: 'trusted' }]);
    // signing again is not a step of a signed document
    expect((await post(chief, `/api/documents/outgoing/${id}/signatures`, { certificateId: cert!.id, passphrase: pki.passphrase })).statusCode).toBe(409);
  });

  it('lets the clerk add the agency’s signature with the red seal, then issue it; both signatures stay valid', async () => {
    expect(doc.outgoing.actions).not.toContain('seal');
    const clerkView = (await t.as(clerk, { method: 'GET', url: `/api/documents/${doc.id}` })).json() as Doc;
    expect(clerkView.outgoing.actions).toEqual(expect.arrayContaining(['seal', 'issue']));
    const imageFileId = await upload(clerk, 'con-dau.png', Buffer.from(redSeal()));
    const cert = await post(clerk, '/api/signing/certificates', { kind: 'organization', label: 'Chứng thư số cơ quan', pkcs12: b64(pki.p12.organization), passphrase: pki.passphrase, imageFileId });
    expect(cert.statusCode, cert.body).toBe(201);
    // the signer's own certificate is not the agency's
    const [personal] = (await t.as(chief, { method: 'GET', url: '/api/signing/certificates' })).json().items as { id: string }[];
    expect((await post(clerk, `/api/documents/outgoing/${doc.id}/organization-signature`, { certificateId: personal!.id, passphrase: pki.passphrase })).statusCode).toBe(404);

    const sealed = await post(clerk, `/api/documents/outgoing/${doc.id}/organization-signature`, { certificateId: cert.json().id, passphrase: pki.passphrase });
    expect(sealed.statusCode, sealed.body).toBe(200);
    const d = sealed.json() as Doc;
    sealedDoc = d;
    expect(d.events.at(-1)).toMatchObject({ kind: 'sealed' });
    const report = await verifyFile(clerk, d);
    expect(report.status).toBe('valid');
    expect(report.signatures.map((s) => s.signerName)).toEqual(['Nguyễn Văn Bình', 'Ủy ban nhân dân tỉnh An Giang']);
    expect((await post(clerk, `/api/documents/outgoing/${doc.id}/organization-signature`, { certificateId: cert.json().id, passphrase: pki.passphrase })).statusCode).toBe(409);

    // an independent verifier agrees; the file is sound
    const file = path.join(workDir, 'signed.pdf');
    writeFileSync(file, await content(clerk, d));
    const pdfsig = await run('pdfsig', [file]).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
    expect(pdfsig.stdout.match(/Signature is Valid/g)).toHaveLength(2);
    await expect(run('qpdf', ['--check', file])).resolves.toBeTruthy();

    const issued = await post(clerk, `/api/documents/outgoing/${doc.id}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json().status).toBe('issued');
    // the recipient agency receives the signed file and sees both signatures valid
    const copies = (await t.as(stcClerk, { method: 'GET', url: `/api/documents/incoming?q=${encodeURIComponent('đẩy mạnh chuyển đổi số')}` })).json().items as { id: string }[];
    expect(copies).toHaveLength(1);
    const copy = (await t.as(stcClerk, { method: 'GET', url: `/api/documents/${copies[0]!.id}` })).json() as Doc;
    expect((await verifyFile(stcClerk, copy)).signatures.map((s) => s.status)).toEqual(['valid', 'valid']);
  });
});

describe('received documents', () => {
  it('have the signatures of their PDF files checked on arrival, the result on their timeline', async () => {
    const signed = await content(clerk, sealedDoc);
    const tampered = Buffer.from(signed);
    tampered.write('CONG', tampered.indexOf('Cong van'), 'latin1');
    const register = async (numberNotation: string, name: string, bytes: Buffer) => {
      const fileId = await upload(stcClerk, name, bytes);
      const res = await post(stcClerk, '/api/documents/incoming', { channel: 'electronic', senderName: 'Văn phòng UBND tỉnh', numberNotation, issuedDate: '2026-03-02', typeCode: 'CV', subject: 'Về việc kiểm tra chữ ký số', fileIds: [fileId] });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const good = await register('71/VP-TH', 'da-ky.pdf', Buffer.from(signed));
    const bad = await register('72/VP-TH', 'da-sua.pdf', tampered);
    const plain = await register('73/VP-TH', 'khong-ky.pdf', samplePdf('Khong ky'));
    await extractPendingContent(t.database.db, t.blobStore);
    const note = async (id: string) => ((await t.as(stcClerk, { method: 'GET', url: `/api/documents/${id}` })).json() as Doc).events.find((e) => e.kind === 'signatures_checked')?.note;
    expect(await note(good)).toBe('Tệp da-ky.pdf: chữ ký số hợp lệ (Nguyễn Văn Bình; Ủy ban nhân dân tỉnh An Giang)');
    expect(await note(bad)).toContain('Tệp da-sua.pdf: chữ ký số không hợp lệ');
    expect(await note(bad)).toContain('Nội dung đã bị thay đổi sau khi ký');
    expect(await note(plain)).toBe('Tệp khong-ky.pdf: không có chữ ký số');
  });
});

describe('verifying any PDF', () => {
  it('reports an unsigned file, and a signed file whose bytes were changed as invalid', async () => {
    const plain = await t.as(drafter, { method: 'POST', url: '/api/signing/verify', ...multipart('khong-ky.pdf', samplePdf('Khong ky')) });
    expect(plain.json()).toEqual({ status: 'unsigned', signatures: [] });
    const signed = await content(clerk, sealedDoc);
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('Cong van');
    if (at > 0) tampered.write('CONG', at, 'latin1');
    else tampered[200] = tampered[200]! ^ 1;
    const res = await t.as(drafter, { method: 'POST', url: '/api/signing/verify', ...multipart('da-sua.pdf', tampered) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('invalid');
    expect(res.json().signatures[0].reasons).toContain('Nội dung đã bị thay đổi sau khi ký');
    const notPdf = await t.as(drafter, { method: 'POST', url: '/api/signing/verify', ...multipart('anh.png', Buffer.from(redSeal())) });
    expect(notPdf.statusCode).toBe(400);
  });
});
