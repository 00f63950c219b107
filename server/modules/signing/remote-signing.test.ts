import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { samplePdf, multipart } from '../../../test/helpers/fixtures.js';
import { agencies } from '../org/tables.js';
import { signPdf } from './pades.js';
import { ecdsaDer, openRemoteKey, RemoteSigningError, type RemoteSigningService } from './remote-signing.js';
import { signingCertificates } from './tables.js';
import { startTestCscServer, type TestCscServer } from './test-csc-server.js';
import { onePagePdf } from './test-fixtures.js';
import { createTestPki, type TestPki } from './test-pki.js';
import { verifyPdfSignatures } from './verify.js';

const run = promisify(execFile);
const PIN = '246810';
const TOKEN = 'csc-access-token-of-nguyen-van-binh';
let pki: TestPki;
let csc: TestCscServer;
let service: RemoteSigningService;
let dir: string;

beforeAll(async () => {
  pki = await createTestPki();
  csc = await startTestCscServer([{ id: 'cred-binh', holder: pki.person, chain: [pki.intermediate, pki.root], pin: PIN, accessToken: TOKEN }]);
  service = { id: 'ca-thu-nghiem', name: 'Ký số từ xa thử nghiệm', url: csc.url };
  dir = mkdtempSync(path.join(tmpdir(), 'vps-remote-signing-'));
});
afterAll(async () => {
  await csc.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a key at a remote-signing service (CSC API v1)', () => {
  it('signs a PDF whose signature verifies, by us and by pdfsig; the PIN goes with each hash', async () => {
    const key = await openRemoteKey(service, TOKEN, 'cred-binh', PIN);
    const before = csc.signed;
    const signed = await signPdf(await onePagePdf(), { key, signingTime: new Date(), reason: 'Ký ban hành văn bản' });
    expect(csc.signed).toBe(before + 1);
    const [report] = await verifyPdfSignatures(signed, { roots: [pki.root.der], crls: pki.crls });
    expect(report).toMatchObject({ signerName: 'Nguyễn Văn Bình', intact: true, chain: 'trusted', status: 'valid' });
    const file = path.join(dir, 'remote.pdf');
    writeFileSync(file, signed);
    const out = await run('pdfsig', [file]).then((r) => r.stdout, (err: { stdout?: string }) => err.stdout ?? '');
    expect(out).toContain('Signature Validation: Signature is Valid.');
  });

  it('says which of the person, the token or the service is wrong', async () => {
    const wrongPin = await openRemoteKey(service, TOKEN, 'cred-binh', '000000');
    await expect(signPdf(await onePagePdf(), { key: wrongPin, signingTime: new Date() })).rejects.toMatchObject({ reason: 'credentials' });
    await expect(openRemoteKey(service, 'not-the-token', 'cred-binh', PIN)).rejects.toMatchObject({ reason: 'credentials' });
    csc.down = true;
    try {
      await expect(openRemoteKey(service, TOKEN, 'cred-binh', PIN)).rejects.toMatchObject({ reason: 'unreachable' });
    } finally {
      csc.down = false;
    }
    await expect(openRemoteKey({ ...service, url: 'http://127.0.0.1:9/csc/v1' }, TOKEN, 'cred-binh', PIN)).rejects.toBeInstanceOf(RemoteSigningError);
  });

  it('turns the raw r‖s of an ECDSA service into DER, and leaves DER alone', () => {
    const raw = new Uint8Array(64).fill(0x7f);
    raw[0] = 0x80; // r needs a leading zero to stay positive
    raw[32] = 0x00; // s has one to drop
    const der = ecdsaDer(raw);
    expect(der[0]).toBe(0x30);
    expect(der[1]).toBe(der.length - 2);
    expect([...der.subarray(2, 5)]).toEqual([0x02, 33, 0x00]);
    expect(ecdsaDer(der)).toBe(der);
  });
});

describe('the API with a remote-signing service configured', () => {
  let t: TestApp;
  let drafter: Session;
  let chief: Session;
  const post = (s: Session, url: string, payload: object = {}) => t.as(s, { method: 'POST', url, payload });

  beforeAll(async () => {
    t = await createTestApp({ remoteSigningServices: [service] });
    [drafter, chief] = (await Promise.all(['chuyenvien', 'chanhvanphong'].map((u) => t.login(u)))) as [Session, Session];
    const admin = await t.login('admin');
    for (const der of [pki.root.der, ...pki.crls]) await post(admin, '/api/signing/trust-anchors', { content: Buffer.from(der).toString('base64') });
  });
  afterAll(() => t.close());

  it('lists the services, keeps a remote key with its token sealed, and signs a document with the PIN', async () => {
    expect((await t.as(chief, { method: 'GET', url: '/api/signing/remote-services' })).json()).toEqual({ items: [{ id: 'ca-thu-nghiem', name: 'Ký số từ xa thử nghiệm' }] });
    const add = (body: object) => post(chief, '/api/signing/certificates', { kind: 'personal', provider: 'remote', label: 'Ký số từ xa', serviceId: 'ca-thu-nghiem', credentialId: 'cred-binh', accessToken: TOKEN, ...body });
    const missing = await post(chief, '/api/signing/certificates', { kind: 'personal', provider: 'remote', label: 'Ký số từ xa' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.serviceId', 'body.credentialId', 'body.accessToken']);
    expect((await add({ serviceId: 'khong-co' })).json().errors[0].path).toBe('serviceId');
    const badToken = await add({ accessToken: 'sai' });
    expect(badToken.statusCode).toBe(400);
    expect(badToken.json().errors[0].path).toBe('accessToken');
    const before = await t.database.db.select().from(signingCertificates);

    const added = await add({});
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ provider: 'remote', remoteServiceName: 'Ký số từ xa thử nghiệm', subjectName: 'Nguyễn Văn Bình' });
    const [row] = await t.database.db.select().from(signingCertificates).where(eq(signingCertificates.id, added.json().id));
    expect(row).toMatchObject({ provider: 'remote', sealedPkcs12: null, remoteCredentialId: 'cred-binh' });
    expect(row!.sealedAccessToken).not.toContain(TOKEN);
    expect(Buffer.from(row!.sealedAccessToken!, 'base64').toString('latin1')).not.toContain(TOKEN);
    expect((await t.database.db.select().from(signingCertificates)).length).toBe(before.length + 1);

    const [stc] = await t.database.db.select().from(agencies).where(eq(agencies.shortName, 'STC'));
    const contentFileId = (await t.as(drafter, { method: 'POST', url: '/api/files', ...multipart('cong-van.pdf', samplePdf('Cong van ky so tu xa')) })).json().id as string;
    const id = (await post(drafter, '/api/documents/outgoing', { typeCode: 'CV', subject: 'Về việc ký số từ xa', signerId: chief.user.id, contentFileId, recipients: [{ agencyId: stc!.id }] })).json().id as string;
    await post(drafter, `/api/documents/outgoing/${id}/submit`, { toUserId: chief.user.id });
    await post(chief, `/api/documents/outgoing/${id}/approve`);
    const sign = (passphrase: string) => post(chief, `/api/documents/outgoing/${id}/signatures`, { certificateId: added.json().id, passphrase });

    const wrong = await sign('111111');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('passphrase');
    csc.down = true;
    const down = await sign(PIN).finally(() => (csc.down = false));
    expect(down.statusCode).toBe(502);
    expect(down.json().detail).toContain('Ký số từ xa thử nghiệm');
    expect((await t.as(chief, { method: 'GET', url: `/api/documents/${id}` })).json().status).toBe('approved');

    const signed = await sign(PIN);
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().status).toBe('signed');
    const main = (signed.json().files as { id: string; role: string }[]).findLast((f) => f.role === 'main')!;
    const report = (await t.as(chief, { method: 'GET', url: `/api/documents/${id}/files/${main.id}/signatures` })).json();
    expect(report).toMatchObject({ status: 'valid', signatures: [{ signerName: 'Nguyễn Văn Bình', chain: 'trusted' }] });
  });
});
