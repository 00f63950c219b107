import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDF, type PdfArray, type PdfNumber, type PdfString } from '@libpdf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIsoVietnam, formatVietnamTime, sealRect, type VisibleAppearance } from './appearance.js';
import { signPdf } from './pades.js';
import { InvalidPdfError, SigningKeyError } from './errors.js';
import { openPkcs12 } from './signing-key.js';
import { blueSignature, onePagePdf, redSeal } from './test-fixtures.js';
import { createTestPki, type TestPki } from './test-pki.js';
import { REASONS, verifyPdfSignatures, type TrustStore } from './verify.js';

const run = promisify(execFile);

/** Runs a command-line tool; its exit code does not matter, its output does. */
async function tool(cmd: string, args: string[]): Promise<{ out: string; code: number }> {
  try {
    const { stdout, stderr } = await run(cmd, args);
    return { out: stdout + stderr, code: 0 };
  } catch (err) {
    const e = err as { code?: string | number; stdout?: string; stderr?: string };
    if (e.code === 'ENOENT') {
      throw new Error(`${cmd} is missing: install poppler-utils, qpdf and libnss3-tools (apt-get install poppler-utils qpdf libnss3-tools)`);
    }
    return { out: `${e.stdout ?? ''}${e.stderr ?? ''}`, code: typeof e.code === 'number' ? e.code : 1 };
  }
}

let pki: TestPki;
let trust: TrustStore;
let plain: Uint8Array;
let dir: string;
let nssDir: string;

const pem = (der: Uint8Array) =>
  `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;

beforeAll(async () => {
  pki = await createTestPki();
  trust = { roots: [pki.root.der], crls: pki.crls };
  plain = await onePagePdf();
  dir = mkdtempSync(path.join(tmpdir(), 'vps-signing-'));
  // poppler's pdfsig trusts what an NSS database trusts: a fresh one holding only our test root
  nssDir = path.join(dir, 'nss');
  writeFileSync(path.join(dir, 'root.pem'), pem(pki.root.der));
  await run('mkdir', ['-p', nssDir]);
  for (const args of [
    ['-N', '-d', `sql:${nssDir}`, '--empty-password'],
    ['-A', '-d', `sql:${nssDir}`, '-n', 'root', '-t', 'CT,C,C', '-i', path.join(dir, 'root.pem')],
  ]) {
    const { out, code } = await tool('certutil', args);
    if (code !== 0) throw new Error(`certutil ${args[0]} failed: ${out}`);
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pdfsig(name: string, pdf: Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, pdf);
  return (await tool('pdfsig', ['-nssdir', `sql:${nssDir}`, file])).out;
}

async function qpdfCheck(name: string, pdf: Uint8Array): Promise<number> {
  const file = path.join(dir, name);
  writeFileSync(file, pdf);
  return (await tool('qpdf', ['--check', file])).code;
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('signPdf + verifyPdfSignatures', () => {
  it('signs invisibly with PAdES B-B and both verifiers accept it', async () => {
    const key = await openPkcs12(pki.p12.person, pki.passphrase);
    const signed = await signPdf(plain, { key, reason: 'Ký ban hành', location: 'An Giang' });

    expect(Buffer.from(signed.subarray(0, plain.length)).equals(Buffer.from(plain))).toBe(true); // incremental
    const [report, ...rest] = await verifyPdfSignatures(signed, trust);
    expect(rest).toHaveLength(0);
    expect(report).toMatchObject({
      fieldName: 'Signature_1',
      subFilter: 'ETSI.CAdES.detached',
      signerName: 'Nguyễn Văn Bình',
      issuerName: 'CA trung gian thử nghiệm',
      intact: true,
      coversWholeDocument: true,
      modifiedAfter: false,
      chain: 'trusted',
      validAtSigningTime: true,
      revoked: false,
      status: 'valid',
      reasons: [],
    });
    expect(Math.abs(report!.signingTime!.getTime() - Date.now())).toBeLessThan(60_000);

    const out = await pdfsig('valid.pdf', signed);
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Certificate Validation: Certificate is Trusted.');
    expect(out).toContain('Signer Certificate Common Name: Nguyễn Văn Bình');
    expect(await qpdfCheck('valid.pdf', signed)).toBe(0);
  });

  it('reports bytes changed after signing as invalid', async () => {
    const key = await openPkcs12(pki.p12.person, pki.passphrase);
    const tampered = await signPdf(plain, { key });
    tampered[11] = tampered[11]! ^ 0x01; // inside the header's binary comment: still a readable PDF, but not the signed bytes

    const [report] = await verifyPdfSignatures(tampered, trust);
    expect(report).toMatchObject({ intact: false, status: 'invalid' });
    expect(report!.reasons).toContain(REASONS.tampered);
    expect(await pdfsig('tampered.pdf', tampered)).toMatch(/Signature is Invalid|Digest Mismatch/);
  });

  it('reports a signature with an impossible /ByteRange as invalid, without giving up on the file', async () => {
    const key = await openPkcs12(pki.p12.person, pki.passphrase);
    const signed = Buffer.from(await signPdf(plain, { key }));
    const at = signed.lastIndexOf('/ByteRange [0 ');
    signed.write('/ByteRange [1 ', at, 'latin1'); // the signed bytes must start at 0

    const [report] = await verifyPdfSignatures(signed, trust);
    expect(report).toMatchObject({ fieldName: 'Signature_1', intact: false, status: 'invalid', reasons: [REASONS.badByteRange] });
  });

  it('rejects a certificate that had expired when it signed', async () => {
    const key = await openPkcs12(pki.p12.expired, pki.passphrase);
    const signed = await signPdf(plain, { key });
    const [report] = await verifyPdfSignatures(signed, trust);
    expect(report).toMatchObject({ intact: true, chain: 'trusted', validAtSigningTime: false, status: 'invalid' });
    expect(report!.reasons).toEqual([REASONS.expired]);
    expect(await pdfsig('expired.pdf', signed)).toContain('Certificate Validation: Certificate has Expired');
  });

  it('warns about a certificate from a root nobody trusts', async () => {
    const key = await openPkcs12(pki.p12.stranger, pki.passphrase);
    const signed = await signPdf(plain, { key });
    const [report] = await verifyPdfSignatures(signed, trust);
    expect(report).toMatchObject({ intact: true, signerName: 'Phạm Người Lạ', chain: 'untrusted', revoked: null, status: 'warning' });
    expect(report!.reasons).toContain(REASONS.untrusted);
    expect(await pdfsig('untrusted.pdf', signed)).toContain("Certificate Validation: Certificate issuer isn't Trusted.");
  });

  it('rejects a certificate revoked by its CA', async () => {
    const key = await openPkcs12(pki.p12.revoked, pki.passphrase);
    const signed = await signPdf(plain, { key });
    const [report] = await verifyPdfSignatures(signed, trust);
    expect(report).toMatchObject({ intact: true, chain: 'trusted', revoked: true, status: 'invalid' });
    expect(report!.reasons).toEqual([REASONS.revoked]);
    // without CRLs nobody can tell
    const [unknown] = await verifyPdfSignatures(signed, { roots: [pki.root.der] });
    expect(unknown).toMatchObject({ revoked: null, status: 'warning' });
  });

  it('keeps the signer signature valid under the organisation seal (two visible signatures)', async () => {
    const at = new Date();
    const signer: VisibleAppearance = {
      pageIndex: 0,
      rect: { x: 330, y: 480, width: 200, height: 140 },
      above: [{ text: 'CHỦ TỊCH', bold: true, size: 12 }],
      image: blueSignature(),
      below: [{ text: 'Nguyễn Văn Bình', bold: true, size: 12 }],
    };
    const person = await openPkcs12(pki.p12.person, pki.passphrase);
    const once = await signPdf(plain, { key: person, appearance: signer, signingTime: at });
    const seal: VisibleAppearance = {
      pageIndex: 0,
      rect: sealRect(signer, { width: 100, height: 100 }),
      image: redSeal(),
    };
    const organization = await openPkcs12(pki.p12.organization, pki.passphrase);
    const twice = await signPdf(once, { key: organization, appearance: seal, reason: `Đóng dấu (văn thư) ${formatIsoVietnam(at)}` });

    const reports = await verifyPdfSignatures(twice, trust);
    expect(reports.map((r) => [r.signerName, r.status])).toEqual([
      ['Nguyễn Văn Bình', 'valid'],
      ['Ủy ban nhân dân tỉnh An Giang', 'valid'],
    ]);
    expect(reports[0]).toMatchObject({ intact: true, coversWholeDocument: false, modifiedAfter: false });
    expect(reports[1]).toMatchObject({ intact: true, coversWholeDocument: true });

    // the widgets are on page 1 where asked, with their appearance streams and texts
    const doc = await PDF.load(twice);
    const fields = doc.getForm()!.getSignatureFields();
    const numbers = (a: PdfArray | undefined) => Array.from({ length: a?.length ?? 0 }, (_, i) => (a!.at(i) as PdfNumber).value);
    expect(numbers(fields[0]!.getDict().getArray('Rect'))).toEqual([330, 480, 530, 620]);
    expect(fields.every((f) => f.getDict().has('AP'))).toBe(true);
    expect(doc.getPage(0)!.dict.getArray('Annots')?.length).toBe(2);
    const reason = fields[1]!.getSignatureDict()!.get('Reason') as PdfString;
    expect(reason.asString()).toBe(`Đóng dấu (văn thư) ${formatIsoVietnam(at)}`);

    const out = await pdfsig('two.pdf', twice);
    expect(count(out, 'Signature Validation: Signature is Valid.')).toBe(2);
    expect(count(out, 'Certificate Validation: Certificate is Trusted.')).toBe(2);
    expect(await qpdfCheck('two.pdf', twice)).toBe(0);
  });

  it('warns when the document was changed after signing by something other than a signature', async () => {
    const key = await openPkcs12(pki.p12.person, pki.passphrase);
    const doc = await PDF.load(await signPdf(plain, { key }));
    doc.setTitle('Sửa sau khi ký');
    const [report] = await verifyPdfSignatures(await doc.save({ incremental: true }), trust);
    expect(report).toMatchObject({ intact: true, coversWholeDocument: false, modifiedAfter: true, status: 'warning' });
    expect(report!.reasons).toEqual([REASONS.modifiedAfter]);
  });

  it('reports an unsigned PDF as having no signatures', async () => {
    expect(await verifyPdfSignatures(plain, trust)).toEqual([]);
  });

  it('throws InvalidPdfError for files that are not PDFs or are broken', async () => {
    await expect(verifyPdfSignatures(new TextEncoder().encode('không phải PDF'), trust)).rejects.toBeInstanceOf(InvalidPdfError);
    const truncated = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R')]);
    await expect(verifyPdfSignatures(truncated, trust)).rejects.toBeInstanceOf(InvalidPdfError);
  });

  it('finds the signer certificate in a PKCS#12 that lists the CA certificates first', async () => {
    const key = await openPkcs12(pki.p12CaFirst, pki.passphrase);
    expect(Buffer.from(key.certificate).equals(Buffer.from(pki.person.der))).toBe(true);
    expect(key.certificateChain.map((c) => Buffer.from(c))).toEqual([Buffer.from(pki.intermediate.der), Buffer.from(pki.root.der)]);
  });

  it('refuses a PKCS#12 with the wrong passphrase', async () => {
    await expect(openPkcs12(pki.p12.person, 'sai mật khẩu')).rejects.toBeInstanceOf(SigningKeyError);
  });
});

describe('signing time text', () => {
  it('prints Vietnam time (UTC+7) in both forms', () => {
    const at = new Date('2026-12-31T17:30:05Z');
    expect(formatVietnamTime(at)).toBe('01/01/2027 00:30:05');
    expect(formatIsoVietnam(at)).toBe('2027-01-01T00:30:05+07:00');
  });
});
