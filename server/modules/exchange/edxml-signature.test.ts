import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPkcs12, type PdfSigningKey } from '../signing/signing-key.js';
import { createTestPki, type TestPki } from '../signing/test-pki.js';
import { buildEdxml, buildStatusEdxml } from './edxml-build.js';
import { parseEdxml } from './edxml-parse.js';
import { signEdxml, verifyEdxmlSignature } from './edxml-signature.js';
import { sampleMessage, sampleStatus } from './test-fixtures.js';

const run = promisify(execFile);
let pki: TestPki;
let key: PdfSigningKey;
let dir: string;

beforeAll(async () => {
  pki = await createTestPki();
  key = await openPkcs12(pki.p12.organization, pki.passphrase);
  dir = mkdtempSync(path.join(tmpdir(), 'vps-edxml-signature-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A certificate as a PEM file for xmlsec1. */
function pem(der: Uint8Array, name: string): string {
  const file = path.join(dir, `${name}.pem`);
  writeFileSync(file, `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`);
  return file;
}

const signatureValue = (xml: string) => /<SignatureValue>([^<]+)<\/SignatureValue>/.exec(xml)![1]!;

describe('the XML-DSig signature of an edXML message', () => {
  it('is enveloped in edXMLHeader over the whole message, and the message still parses the same', async () => {
    const xml = buildEdxml(sampleMessage());
    const signed = await signEdxml(xml, key);
    expect(signed).toMatch(/<edXML:TraceHeaderList>[\s\S]*<\/edXML:TraceHeaderList><Signature xmlns="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#">/);
    expect(signed).toContain('<Reference URI="">');
    expect(signed).toContain('<X509SubjectName>');
    expect(parseEdxml(signed)).toEqual(parseEdxml(xml));
    const report = verifyEdxmlSignature(signed);
    expect(report).toMatchObject({ present: true, intact: true, problem: null });
    expect(report.present && Buffer.from(report.certificate!).equals(Buffer.from(pki.organization.der))).toBe(true);
    // an independent verifier agrees: xmlsec1 (Debian's xmlsec1) checks the digest, the value and the chain
    const file = path.join(dir, 'signed.xml');
    writeFileSync(file, signed);
    const out = await run('xmlsec1', ['--verify', '--enabled-reference-uris', 'empty', '--trusted-pem', pem(pki.root.der, 'root'), '--untrusted-pem', pem(pki.intermediate.der, 'intermediate'), file]).then(
      (r) => r.stdout + r.stderr,
      (err: { stdout?: string; stderr?: string }) => `${err.stdout ?? ''}${err.stderr ?? ''}`,
    );
    expect(out).toContain('OK');
    expect(out).not.toContain('FAIL');
    writeFileSync(file, signed.replace('<edXML:Subject>', '<edXML:Subject>Giả mạo: '));
    await expect(run('xmlsec1', ['--verify', '--enabled-reference-uris', 'empty', '--trusted-pem', pem(pki.root.der, 'root'), '--untrusted-pem', pem(pki.intermediate.der, 'intermediate'), file])).rejects.toBeTruthy();
  });

  it('signs status messages too', async () => {
    const signed = await signEdxml(buildStatusEdxml(sampleStatus('03')), key);
    expect(verifyEdxmlSignature(signed)).toMatchObject({ present: true, intact: true });
  });

  it('says a message without a signature has none', () => {
    expect(verifyEdxmlSignature(buildEdxml(sampleMessage()))).toEqual({ present: false });
  });

  it('finds any change after signing: the subject, an attachment, the signed info', async () => {
    const signed = await signEdxml(buildEdxml(sampleMessage()), key);
    const changed = [
      signed.replace('<edXML:Subject>', '<edXML:Subject>Giả mạo: '),
      signed.replace(/(<edXML:ContentTransferEncoded>)(.)/, (_, tag: string, c: string) => `${tag}${c === 'A' ? 'B' : 'A'}`),
      signed.replace('<Reference URI="">', '<Reference URI="" Id="x">'),
      signed.replace(signatureValue(signed), Buffer.alloc(256, 7).toString('base64')),
    ];
    for (const xml of changed) expect(verifyEdxmlSignature(xml)).toMatchObject({ present: true, intact: false });
  });

  it('refuses signatures that cover less than the whole message or sit outside the header', async () => {
    const signed = await signEdxml(buildEdxml(sampleMessage()), key);
    expect(verifyEdxmlSignature(signed.replace('<Reference URI="">', '<Reference URI="#part">'))).toMatchObject({ intact: false, problem: expect.stringContaining('toàn bộ') });
    const signature = /<Signature[\s\S]*<\/Signature>/.exec(signed)![0];
    const moved = signed.replace(signature, '').replace('</edXML:edXMLBody>', `${signature}</edXML:edXMLBody>`);
    expect(verifyEdxmlSignature(moved)).toMatchObject({ intact: false, problem: expect.stringContaining('edXMLHeader') });
    expect(verifyEdxmlSignature(signed.replace('</edXML:TraceHeaderList>', `</edXML:TraceHeaderList>${signature}`))).toMatchObject({ intact: false, problem: expect.stringContaining('nhiều hơn một') });
  });
});
