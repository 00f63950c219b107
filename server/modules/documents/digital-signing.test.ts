import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDF, type PdfArray, type PdfNumber } from '@libpdf/core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { multipart, samplePdf, samplePng } from '../../../test/helpers/fixtures.js';
import { agencies } from '../org/tables.js';
import { formatIsoVietnam } from '../signing/index.js';
import { blueSignature, redSeal } from '../signing/test-fixtures.js';
import { createTestPki, type TestPki } from '../signing/test-pki.js';
import { documentEvents } from './tables.js';

// The agency's signature on an outgoing document whose annexes are files of their own (Decree 30/2020,
// App. I §II.8.c): the document is numbered when the clerk signs for the agency, and each PDF annex gets
// a signature of its own with that number and the time at the top right of its first page.

const run = promisify(execFile);
let t: TestApp;
let pki: TestPki;
let clerk: Session;
let chief: Session;
let drafter: Session;
let stcClerk: Session;
let stcId: string;
let workDir: string;

type Verification = { status: string; signatures: { signerName: string; status: string; intact: boolean; chain: string; coversWholeDocument: boolean; signingTime: string }[] };
type Attachment = { fileId: string; name: string; mime: string; version: number; attachment: number; current: boolean; organizationSigned: boolean };
type Doc = {
  id: string;
  status: string;
  numberNotation: string | null;
  files: { id: string; name: string; mime: string; role: string }[];
  events: { kind: string; note: string }[];
  outgoing: { attachments: Attachment[]; versions: { fileId: string; version: number }[] };
};

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const pem = (der: Uint8Array, label = 'CERTIFICATE') => `-----BEGIN ${label}-----\n${b64(der).replace(/(.{64})/g, '$1\n')}\n-----END ${label}-----\n`;
const post = (s: Session, url: string, payload: object = {}) => t.as(s, { method: 'POST', url, payload });
const upload = async (s: Session, name: string, bytes: Buffer) => (await t.as(s, { method: 'POST', url: '/api/files', ...multipart(name, bytes) })).json().id as string;
const fileBytes = async (s: Session, documentId: string, fileId: string) => (await t.as(s, { method: 'GET', url: `/api/documents/${documentId}/files/${fileId}/content` })).rawPayload;
const numbers = (a: PdfArray | undefined) => Array.from({ length: a?.length ?? 0 }, (_, i) => (a!.at(i) as PdfNumber).value);

/** A poppler tool's output whatever its exit code (pdfsig exits 1 for an untrusted issuer). */
async function tool(cmd: string, args: string[]): Promise<string> {
  try {
    return (await run(cmd, args)).stdout;
  } catch (err) {
    const e = err as { code?: string | number; stdout?: string };
    if (e.code === 'ENOENT') throw new Error(`${cmd} is missing: install poppler-utils (apt-get install poppler-utils)`);
    return e.stdout ?? '';
  }
}

beforeAll(async () => {
  [t, pki] = await Promise.all([createTestApp(), createTestPki()]);
  const admin = await t.login('admin');
  [drafter, chief, clerk, stcClerk] = (await Promise.all(['chuyenvien', 'chanhvanphong', 'vanthu', 'vanthuso'].map((u) => t.login(u)))) as [Session, Session, Session, Session];
  const [stc] = await t.database.db.select().from(agencies).where(eq(agencies.shortName, 'STC'));
  stcId = stc!.id;
  workDir = mkdtempSync(path.join(tmpdir(), 'vps-annex-signing-'));
  for (const content of [pem(pki.root.der), pem(pki.intermediate.der), ...pki.crls.map((c) => pem(c, 'X509 CRL'))]) {
    expect((await post(admin, '/api/signing/trust-anchors', { content })).statusCode).toBe(201);
  }
  const blue = await upload(chief, 'chu-ky.png', Buffer.from(blueSignature()));
  expect((await post(chief, '/api/signing/certificates', { kind: 'personal', label: 'Token', pkcs12: b64(pki.p12.person), passphrase: pki.passphrase, imageFileId: blue })).statusCode).toBe(201);
  const red = await upload(clerk, 'con-dau.png', Buffer.from(redSeal()));
  expect((await post(clerk, '/api/signing/certificates', { kind: 'organization', label: 'Cơ quan', pkcs12: b64(pki.p12.organization), passphrase: pki.passphrase, imageFileId: red })).statusCode).toBe(201);
});

afterAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
  await t.close();
});

/** A công văn with two annexes (by default a PDF and a scanned PNG), approved and digitally signed by the Chief of Office. */
async function signedDocumentWithAnnexes(subject = 'Về việc kế hoạch chuyển đổi số có phụ lục', pdfAnnex = samplePdf('Phu luc I danh muc')) {
  const contentFileId = await upload(drafter, 'cong-van.pdf', samplePdf('Cong van ke hoach'));
  const annexPdf = await upload(drafter, 'phu-luc-I.pdf', pdfAnnex);
  const annexPng = await upload(drafter, 'so-do.png', samplePng());
  const drafted = await post(drafter, '/api/documents/outgoing', {
    typeCode: 'CV',
    subject,
    signerId: chief.user.id,
    contentFileId,
    attachmentIds: [annexPdf, annexPng],
    recipients: [{ agencyId: stcId }],
  });
  expect(drafted.statusCode, drafted.body).toBe(201);
  const id = drafted.json().id as string;
  expect((await post(drafter, `/api/documents/outgoing/${id}/submit`, { toUserId: chief.user.id })).statusCode).toBe(200);
  expect((await post(chief, `/api/documents/outgoing/${id}/approve`)).statusCode).toBe(200);
  const [personal] = (await t.as(chief, { method: 'GET', url: '/api/signing/certificates' })).json().items as { id: string }[];
  const signed = await post(chief, `/api/documents/outgoing/${id}/signatures`, { certificateId: personal!.id, passphrase: pki.passphrase });
  expect(signed.statusCode, signed.body).toBe(200);
  return { id, annexPdf, annexPng };
}

describe('the agency’s signature on annexes in separate files', () => {
  let doc: Doc;
  let annex: { id: string; annexPdf: string; annexPng: string };
  let signedAnnex: Attachment;
  let organizationCertificate: string;

  it('numbers the document and signs each PDF annex, kept as its next version; a wrong passphrase changes nothing', async () => {
    annex = await signedDocumentWithAnnexes();
    const [cert] = (await t.as(clerk, { method: 'GET', url: '/api/signing/certificates' })).json().items as { id: string }[];
    organizationCertificate = cert!.id;
    const wrong = await post(clerk, `/api/documents/outgoing/${annex.id}/organization-signature`, { certificateId: organizationCertificate, passphrase: 'sai' });
    expect(wrong.statusCode).toBe(400);
    const untouched = (await t.as(clerk, { method: 'GET', url: `/api/documents/${annex.id}` })).json() as Doc;
    expect(untouched.numberNotation).toBeNull();
    expect(untouched.outgoing.attachments.map((a) => a.version)).toEqual([1, 1]);

    const res = await post(clerk, `/api/documents/outgoing/${annex.id}/organization-signature`, { certificateId: organizationCertificate, passphrase: pki.passphrase });
    expect(res.statusCode, res.body).toBe(200);
    doc = res.json() as Doc;
    // numbered and dated now (the clerk's order: number, register, the agency's signature, issue); not yet issued
    expect(doc.numberNotation).toMatch(/^\d{2,}\/[A-ZĐ]+-[A-ZĐ-]+$/);
    expect(doc.status).toBe('signed');

    // annex 1 (PDF): a new version with the agency's signature, the version as drafted kept; annex 2 (PNG) as it was
    expect(doc.outgoing.attachments.map((a) => [a.attachment, a.version, a.current, a.organizationSigned, a.mime])).toEqual([
      [1, 2, true, true, 'application/pdf'],
      [1, 1, false, false, 'application/pdf'],
      [2, 1, true, false, 'image/png'],
    ]);
    signedAnnex = doc.outgoing.attachments[0]!;
    expect(signedAnnex.name).toBe('phu-luc-I.pdf');
    // what the document is now: the sealed content and the current version of each annex
    expect(doc.files.map((f) => [f.role, f.id])).toEqual([
      ['main', doc.outgoing.versions[0]!.fileId],
      ['attachment', signedAnnex.fileId],
      ['attachment', annex.annexPng],
    ]);

    // the timeline says which files were signed (id, SHA-256) and which were not
    const sealed = doc.events.find((e) => e.kind === 'sealed')!;
    expect(sealed.note).toContain(`cấp số ${doc.numberNotation}`);
    expect(sealed.note).toContain('ký số 1 phụ lục: phu-luc-I.pdf');
    expect(sealed.note).toContain('không ký số được so-do.png (chỉ ký số được tệp PDF hoặc DOCX)');
    const [row] = await t.database.db.select().from(documentEvents).where(and(eq(documentEvents.documentId, annex.id), eq(documentEvents.kind, 'sealed')));
    const data = row!.data as { numberNotation: string; attachments: { fileId: string; sha256: string; sourceFileId: string }[]; unsignedAttachments: { fileId: string }[] };
    const bytes = await fileBytes(clerk, annex.id, signedAnnex.fileId);
    expect(data.attachments).toEqual([expect.objectContaining({ fileId: signedAnnex.fileId, sha256: createHash('sha256').update(bytes).digest('hex'), sourceFileId: annex.annexPdf })]);
    expect(data.unsignedAttachments).toEqual([expect.objectContaining({ fileId: annex.annexPng })]);
    expect(data.numberNotation).toBe(doc.numberNotation);
  });

  it('fails as a whole on an annex that cannot be signed: no signature, no number, no new version', async () => {
    const broken = await signedDocumentWithAnnexes('Về việc phụ lục hỏng', Buffer.from('%PDF-1.4\nkhông phải nội dung PDF\n', 'utf8'));
    const res = await post(clerk, `/api/documents/outgoing/${broken.id}/organization-signature`, { certificateId: organizationCertificate, passphrase: pki.passphrase });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().detail).toMatch(/^Không ký số được phụ lục phu-luc-I\.pdf: /);
    const d = (await t.as(clerk, { method: 'GET', url: `/api/documents/${broken.id}` })).json() as Doc;
    expect(d).toMatchObject({ status: 'signed', numberNotation: null });
    expect(d.outgoing.versions).toHaveLength(2); // drafted and signed by the Chief: no sealed content either
    expect(d.outgoing.attachments.map((a) => a.version)).toEqual([1, 1]);
    expect(d.events.some((e) => e.kind === 'sealed')).toBe(false);
  });

  it('gives the annex exactly one valid signature, as an incremental revision, with the number and the time at the top right of page 1', async () => {
    const original = await fileBytes(clerk, annex.id, annex.annexPdf);
    const bytes = await fileBytes(clerk, annex.id, signedAnnex.fileId);
    expect(bytes.subarray(0, original.length).equals(original)).toBe(true); // the drafted bytes stay, signed as they were

    const report = (await t.as(clerk, { method: 'GET', url: `/api/documents/${annex.id}/files/${signedAnnex.fileId}/signatures` })).json() as Verification;
    expect(report.status).toBe('valid');
    expect(report.signatures).toEqual([expect.objectContaining({ signerName: 'Ủy ban nhân dân tỉnh An Giang', status: 'valid', intact: true, chain: 'trusted', coversWholeDocument: true })]);

    // the widget: page 1, in its top right corner, with an appearance and no image
    const pdf = await PDF.load(new Uint8Array(bytes));
    const [field, ...others] = pdf.getForm()!.getSignatureFields();
    expect(others).toHaveLength(0);
    const [x1, y1, x2, y2] = numbers(field!.getDict().getArray('Rect')) as [number, number, number, number];
    const page = pdf.getPage(0)!;
    expect(page.dict.getArray('Annots')?.length).toBe(1);
    expect(x1).toBeGreaterThan(page.width / 2);
    expect(x2).toBeLessThanOrEqual(page.width);
    expect(y1).toBeGreaterThan(page.height * 0.9);
    expect(y2).toBeLessThanOrEqual(page.height);

    // what a reader sees there: the number and symbol, and the signing time in ISO 8601, Vietnam time
    const file = path.join(workDir, 'phu-luc-da-ky.pdf');
    writeFileSync(file, bytes);
    const corner = await tool('pdftotext', ['-f', '1', '-l', '1', '-x', String(Math.floor(page.width / 2)), '-y', '0', '-W', String(Math.ceil(page.width / 2)), '-H', '80', file, '-']);
    const lines = corner.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines[0]).toBe(doc.numberNotation);
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(lines[1]).toBe(formatIsoVietnam(new Date(report.signatures[0]!.signingTime)));
    // an independent verifier agrees: one signature, valid
    const pdfsig = await tool('pdfsig', [file]);
    expect(pdfsig.match(/Signature #/g)).toHaveLength(1);
    expect(pdfsig).toContain('Signature Validation: Signature is Valid.');
  });

  it('issues the document with the number it was given and sends the signed annex, not the drafted one', async () => {
    const issued = await post(clerk, `/api/documents/outgoing/${annex.id}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    const d = issued.json() as Doc;
    expect(d).toMatchObject({ status: 'issued', numberNotation: doc.numberNotation });
    expect(d.events.at(-1)!.note).toContain(`Phát hành văn bản số ${doc.numberNotation}`);

    const copies = (await t.as(stcClerk, { method: 'GET', url: `/api/documents/incoming?q=${encodeURIComponent('kế hoạch chuyển đổi số có phụ lục')}` })).json().items as { id: string }[];
    expect(copies).toHaveLength(1);
    const copy = (await t.as(stcClerk, { method: 'GET', url: `/api/documents/${copies[0]!.id}` })).json() as Doc;
    expect(copy.numberNotation).toBe(doc.numberNotation);
    expect(copy.files.map((f) => f.id)).toEqual([doc.outgoing.versions[0]!.fileId, signedAnnex.fileId, annex.annexPng]);
  });

  it('keeps the numbers of the register gap-free: the next document issued without the agency’s signature takes the next one', async () => {
    const contentFileId = await upload(drafter, 'cong-van-2.pdf', samplePdf('Cong van tiep theo'));
    const drafted = await post(drafter, '/api/documents/outgoing', { typeCode: 'CV', subject: 'Về việc tiếp theo', signerId: chief.user.id, contentFileId, recipients: [] });
    const id = drafted.json().id as string;
    await post(drafter, `/api/documents/outgoing/${id}/submit`, { toUserId: chief.user.id });
    await post(chief, `/api/documents/outgoing/${id}/approve`);
    await post(chief, `/api/documents/outgoing/${id}/sign`);
    const issued = await post(clerk, `/api/documents/outgoing/${id}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    const [sealedNumber] = doc.numberNotation!.split('/');
    expect(Number(issued.json().numberNotation.split('/')[0])).toBe(Number(sealedNumber) + 1);
  });
});
