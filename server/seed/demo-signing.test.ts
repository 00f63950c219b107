import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_AUTH, type Session, type TestApp } from '../../test/helpers/app.js';
import { TEST_PASSWORD } from '../../test/helpers/constants.js';
import { multipart, samplePdf } from '../../test/helpers/fixtures.js';
import { agencies } from '../modules/org/tables.js';
import { seedDemoSigning } from './demo-signing.js';

let t: TestApp;
let chief: Session;
let clerk: Session;

beforeAll(async () => {
  t = await createTestApp();
  [chief, clerk] = (await Promise.all(['chanhvanphong', 'vanthu'].map((u) => t.login(u)))) as [Session, Session];
});
afterAll(() => t.close());

describe('the demo province can sign at once', () => {
  it('gives the demo leaders and the Office certificates opened with the demo password, trusted by the province, once', async () => {
    expect(await seedDemoSigning(t.database.db, t.blobStore, TEST_AUTH.secret, TEST_PASSWORD)).toBe(true);
    expect(await seedDemoSigning(t.database.db, t.blobStore, TEST_AUTH.secret, TEST_PASSWORD)).toBe(false);
    const mine = (await t.as(chief, { method: 'GET', url: '/api/signing/certificates' })).json().items;
    expect(mine).toMatchObject([{ kind: 'personal', subjectName: 'Phạm Thanh Hải', issuerName: 'CA trình diễn Văn phòng số (không dùng thật)', expired: false }]);
    const office = (await t.as(clerk, { method: 'GET', url: '/api/signing/certificates' })).json().items;
    const [vp] = await t.database.db.select().from(agencies).where(eq(agencies.shortName, 'VP'));
    expect(office).toMatchObject([{ kind: 'organization', subjectName: vp!.name }]);

    // drafted, approved, signed by the chief, sealed by the clerk: both signatures valid in the province
    const drafter = await t.login('chuyenvien');
    const contentFileId = (await t.as(drafter, { method: 'POST', url: '/api/files', ...multipart('cv.pdf', samplePdf('Cong van')) })).json().id;
    const post = (s: Session, url: string, payload: object = {}) => t.as(s, { method: 'POST', url, payload });
    const d = (await post(drafter, '/api/documents/outgoing', { typeCode: 'CV', subject: 'Về việc thử ký số', signerId: chief.user.id, contentFileId, recipients: [{ name: 'Bộ Nội vụ' }] })).json();
    await post(drafter, `/api/documents/outgoing/${d.id}/submit`, { toUserId: chief.user.id });
    await post(chief, `/api/documents/outgoing/${d.id}/approve`);
    expect((await post(chief, `/api/documents/outgoing/${d.id}/signatures`, { certificateId: mine[0].id, passphrase: TEST_PASSWORD })).statusCode).toBe(200);
    const sealed = await post(clerk, `/api/documents/outgoing/${d.id}/organization-signature`, { certificateId: office[0].id, passphrase: TEST_PASSWORD });
    expect(sealed.statusCode, sealed.body).toBe(200);
    const main = sealed.json().files.find((f: { role: string }) => f.role === 'main');
    const report = (await t.as(clerk, { method: 'GET', url: `/api/documents/${d.id}/files/${main.id}/signatures` })).json();
    expect(report.status).toBe('valid');
    expect(report.signatures.map((s: { signerName: string }) => s.signerName)).toEqual(['Phạm Thanh Hải', vp!.name]);
  });
});
