// Remote signing end to end: the server is configured with a CA's remote-signing service (a CSC API v1
// service on loopback, holding a key made at run time). The Chief of Office keeps his key there — the
// service, the key's ID and his access token — then signs an approved công văn with his PIN: a wrong PIN
// is refused on the field, the right one gives a signed document whose signature names him.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestCscServer, type TestCscServer } from '../../server/modules/signing/test-csc-server.js';
import { createTestPki } from '../../server/modules/signing/test-pki.js';
import { samplePdf } from '../helpers/fixtures.js';
import { type BrowserFlow, startBrowserFlow } from './browser.js';
import { apiAsUser, clickExpectingMessage, dialogButton, login, screenshotIfFailed, switchUser, visible } from './ui.js';

const DEMO_PASSWORD = 'VanPhongSo@2025';
const SERVICE = 'Ký số từ xa thử nghiệm';
const PIN = '135790';
const TOKEN = 'ma-truy-cap-cua-chanh-van-phong';
const SUBJECT = 'Về việc ký số từ xa văn bản điện tử';

let flow: BrowserFlow;
let page: Page;
let shot: BrowserFlow['shot'];
let csc: TestCscServer;
let documentId: string;

const flowCard = () => page.getByTestId('outgoing-flow-card');

beforeAll(async () => {
  const pki = await createTestPki();
  csc = await startTestCscServer([{ id: 'khoa-chanh-van-phong', holder: pki.person, chain: [pki.intermediate, pki.root], pin: PIN, accessToken: TOKEN }]);
  flow = await startBrowserFlow(90, { env: { REMOTE_SIGNING_SERVICES: JSON.stringify([{ id: 'ca-thu-nghiem', name: SERVICE, url: csc.url }]) } });
  ({ page, shot } = flow);
});

afterEach(({ task }) => screenshotIfFailed(page, task));

afterAll(async () => {
  await flow?.close();
  await csc?.close();
});

describe('remote signing in the web app', () => {
  it('has an approved công văn waiting for the Chief of Office', async () => {
    await page.goto('/');
    await login(page, 'chuyenvien', DEMO_PASSWORD);
    const me = await page.request.get('/api/auth/me');
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const upload = await page.request.post('/api/files', { multipart: { file: { name: 'Cong van ky so tu xa.pdf', mimeType: 'application/pdf', buffer: samplePdf('Cong van ky so tu xa') } }, headers: { 'x-csrf-token': csrfToken } });
    const contentFileId = ((await upload.json()) as { id: string }).id;
    const people = await apiAsUser(page, 'GET', '/api/people?q=pham%20thanh%20hai');
    const signerId = (people.body as { items: { id: string }[] }).items[0]!.id;
    const agencies = await apiAsUser(page, 'GET', `/api/agencies?q=${encodeURIComponent('Sở Tài chính')}`);
    const agencyId = (agencies.body as { items: { id: string; name: string }[] }).items.find((a) => a.name === 'Sở Tài chính')!.id;
    const drafted = await apiAsUser(page, 'POST', '/api/documents/outgoing', { typeCode: 'CV', subject: SUBJECT, signerId, contentFileId, recipients: [{ agencyId }] });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    documentId = (drafted.body as { id: string }).id;
    expect((await apiAsUser(page, 'POST', `/api/documents/outgoing/${documentId}/submit`, { toUserId: signerId })).status).toBe(200);
    await switchUser(page, 'chanhvanphong', DEMO_PASSWORD);
    expect((await apiAsUser(page, 'POST', `/api/documents/outgoing/${documentId}/approve`, {})).status).toBe(200);
  });

  it('lets him keep his key at the remote-signing service: a wrong access token is refused on its field', async () => {
    await page.goto('/ky-so/chung-thu-so');
    await visible(page.getByRole('heading', { name: 'Chứng thư số', exact: true }));
    await page.getByRole('button', { name: 'Thêm chứng thư số' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm chứng thư số' });
    await dialog.getByText('Ký số từ xa', { exact: true }).click();
    await dialog.getByLabel('Dịch vụ ký số từ xa').click();
    await page.locator('.ant-select-item-option').filter({ hasText: SERVICE }).click();
    await dialog.getByLabel('Mã khóa ký số (credential ID)').fill('khoa-chanh-van-phong');
    await dialog.getByLabel('Mã truy cập dịch vụ').fill('ma-sai');
    await dialog.getByLabel('Tên gợi nhớ').fill('SmartCA của Chánh Văn phòng');
    await dialogButton(dialog, 'Thêm').click();
    await visible(dialog.getByText(/từ chối xác thực/));
    await dialog.getByLabel('Mã truy cập dịch vụ').fill(TOKEN);
    await shot('remote-certificate-dialog', { dialog: true });
    await clickExpectingMessage(page, dialogButton(dialog, 'Thêm'), 'Đã thêm chứng thư số');
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByTestId('certificates-table').getByRole('row').filter({ hasText: 'Nguyễn Văn Bình' });
    await visible(row.getByText(`Ký số từ xa: ${SERVICE}`));
    await shot('certificates-remote');
  });

  it('lets him sign with his PIN: a wrong PIN is refused on the field, then the document is signed by him', async () => {
    await page.goto(`/van-ban-di/${documentId}`);
    await flowCard().getByRole('button', { name: 'Ký số', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Ký số văn bản' });
    await visible(dialog.getByText(new RegExp(`SmartCA của Chánh Văn phòng — Nguyễn Văn Bình \\(Ký số từ xa: ${SERVICE}\\)`)));
    const pin = dialog.getByLabel('Mã PIN/OTP ký số từ xa');
    await pin.fill('000000');
    await dialogButton(dialog, 'Ký số').click();
    await visible(dialog.getByText(/từ chối xác thực/));
    await shot('remote-sign-wrong-pin', { dialog: true });
    const signedBefore = csc.signed;
    await pin.fill(PIN);
    await clickExpectingMessage(page, dialogButton(dialog, 'Ký số'), 'Đã ký số; văn bản chờ văn thư phát hành');
    await dialog.waitFor({ state: 'hidden' });
    expect(csc.signed).toBe(signedBefore + 1);
    const rows = page.getByTestId('file-signatures').getByTestId('signature-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Nguyễn Văn Bình');
    await shot('remote-signed-document');
  });
});
