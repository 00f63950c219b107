// Digital signatures end to end: the administrator fills the trust store (root CA pasted as PEM, the
// intermediate CA and both CRLs chosen as files); the Chief of Office adds his certificate with his blue
// signature and signs an approved công văn with it (a wrong password first); the clerk adds the agency's
// certificate with its red seal, adds the agency's signature — which numbers the document and signs its annex,
// a PDF of its own, too — and issues the document; a copy changed after signing is then shown invalid on the
// verification page. The PKI is made at run time: no key is committed.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { blueSignature, redSeal } from '../../server/modules/signing/test-fixtures.js';
import { createTestPki, type TestPki } from '../../server/modules/signing/test-pki.js';
import { samplePdf } from '../helpers/fixtures.js';
import { type BrowserFlow, startBrowserFlow } from './browser.js';
import { apiAsUser, clickExpectingMessage, dialogButton, login, screenshotIfFailed, switchUser, visible } from './ui.js';

const DEMO_PASSWORD = 'VanPhongSo@2025';
const SUBJECT = 'Về việc đẩy mạnh chuyển đổi số trong cơ quan hành chính năm 2026';
const PERSON = 'Nguyễn Văn Bình';
const AGENCY_SIGNER = 'Ủy ban nhân dân tỉnh An Giang';
const ROOT = 'CA gốc thử nghiệm Văn phòng số';
const INTERMEDIATE = 'CA trung gian thử nghiệm';

let flow: BrowserFlow;
let page: Page;
let pki: TestPki;
let workDir: string;
let shot: BrowserFlow['shot'];
/** the trust store's dialog is pictured once, the first time it is filled */
let trustDialogTaken = false;
let documentId: string;
const files: Record<string, string> = {};

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const pem = (der: Uint8Array, label = 'CERTIFICATE') => `-----BEGIN ${label}-----\n${b64(der).replace(/(.{64})/g, '$1\n')}\n-----END ${label}-----\n`;
const menuItem = (name: string) => page.getByRole('menuitem', { name, exact: true });
const flowCard = () => page.getByTestId('outgoing-flow-card');
const signatures = () => page.getByTestId('file-signatures');

const signInAs = (username: string) => switchUser(page, username, DEMO_PASSWORD);

/** A page of the "Ký số" submenu, opened the way a person does. */
async function openSigningPage(name: string) {
  const item = menuItem(name);
  if (!(await item.isVisible())) await menuItem('Ký số').click();
  await item.click();
  await visible(page.getByRole('heading', { name, exact: true }));
}

async function uploadAsUser(name: string, bytes: Buffer, mimeType: string): Promise<string> {
  const me = await page.request.get('/api/auth/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await page.request.post('/api/files', { multipart: { file: { name, mimeType, buffer: bytes } }, headers: { 'x-csrf-token': csrfToken } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Adds one trust store entry through the dialog, pasted or read from a file. */
async function addTrustAnchor(source: { paste: string } | { file: string }, added: string) {
  await page.getByRole('button', { name: 'Thêm vào kho tin cậy' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm vào kho tin cậy' });
  await visible(dialog);
  if ('paste' in source) {
    await dialog.getByLabel(/^Nội dung chứng thư số hoặc CRL/).fill(source.paste);
  } else {
    await dialog.locator('input[type=file]').setInputFiles(source.file);
    await visible(dialog.getByText(`Đã đọc tệp ${path.basename(source.file)}.`));
  }
  if (!trustDialogTaken) {
    trustDialogTaken = true;
    await shot('trust-add-dialog', { dialog: true });
  }
  await clickExpectingMessage(page, dialogButton(dialog, 'Thêm'), `Đã thêm ${added} vào kho tin cậy`);
  await dialog.waitFor({ state: 'hidden' });
}

/** Fills the "Thêm chứng thư số" dialog: the PKCS#12, its password, a label and the PNG image. */
async function fillCertificate(p12: string, label: string, image: string) {
  await page.getByRole('button', { name: 'Thêm chứng thư số' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm chứng thư số' });
  await visible(dialog);
  await dialog.locator('input[type=file]').nth(0).setInputFiles(p12);
  await visible(dialog.getByText(path.basename(p12)));
  await dialog.getByLabel('Mật khẩu chứng thư số').fill(pki.passphrase);
  await dialog.getByLabel('Tên gợi nhớ').fill(label);
  await dialog.locator('input[type=file]').nth(1).setInputFiles(image);
  await visible(dialog.locator('.ant-upload-list-item-done img'));
  return dialog;
}

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'vps-e2e-signing-'));
  pki = await createTestPki();
  const write = (name: string, bytes: Uint8Array | string) => {
    files[name] = path.join(workDir, name);
    writeFileSync(files[name], bytes);
  };
  write('ca-trung-gian.cer', pki.intermediate.der);
  write('crl-goc.crl', pki.crls[0]!);
  write('crl-trung-gian.crl', pki.crls[1]!);
  write('nguyen-van-binh.p12', pki.p12.person);
  write('co-quan.pfx', pki.p12.organization);
  write('chu-ky-xanh.png', blueSignature());
  write('con-dau-do.png', redSeal());
  flow = await startBrowserFlow(50, { acceptDownloads: true });
  ({ page, shot } = flow);
});

afterEach(({ task }) => screenshotIfFailed(page, task));

afterAll(async () => {
  await flow?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('digital signatures in the web app', () => {
  it('lets the administrator fill the trust store: the root pasted as PEM, the intermediate CA and the CRLs as files', async () => {
    await page.goto('/');
    await login(page, 'admin', DEMO_PASSWORD);
    await openSigningPage('Kho tin cậy');
    await visible(page.getByText(/Kho tin cậy chưa có gì/));

    await addTrustAnchor({ paste: pem(pki.root.der) }, ROOT);
    await addTrustAnchor({ file: files['ca-trung-gian.cer']! }, INTERMEDIATE);
    await addTrustAnchor({ file: files['crl-goc.crl']! }, ROOT);
    await addTrustAnchor({ file: files['crl-trung-gian.crl']! }, INTERMEDIATE);

    // The same root again: the server says it is already there, on the field.
    await page.getByRole('button', { name: 'Thêm vào kho tin cậy' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm vào kho tin cậy' });
    await dialog.getByLabel(/^Nội dung chứng thư số hoặc CRL/).fill(pem(pki.root.der));
    await dialogButton(dialog, 'Thêm').click();
    await visible(dialog.getByText('Đã có', { exact: true }));
    await dialogButton(dialog, 'Hủy').click();
    await dialog.waitFor({ state: 'hidden' });

    const rows = page.getByTestId('trust-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(4);
    const kinds = await rows.locator('td:first-child').allTextContents();
    expect(kinds.sort()).toEqual(['CA gốc', 'CA trung gian', 'Danh sách thu hồi (CRL)', 'Danh sách thu hồi (CRL)']);
    await shot('trust-store');
  });

  it('lets the Chief of Office add his certificate with the blue signature image', async () => {
    await signInAs('chanhvanphong');
    await openSigningPage('Chứng thư số');
    await visible(page.getByText(/^Chưa có chứng thư số/));
    const dialog = await fillCertificate(files['nguyen-van-binh.p12']!, 'Chứng thư số Ban Cơ yếu', files['chu-ky-xanh.png']!);
    // A signer who does not keep the seal has one kind: no choice of kind is offered (only where the key is).
    expect(await dialog.getByRole('radio', { name: 'Cơ quan' }).count()).toBe(0);
    expect(await dialog.getByRole('radio', { name: 'Ký số từ xa' }).count()).toBe(1);
    await shot('certificate-add-dialog', { dialog: true });
    await clickExpectingMessage(page, dialogButton(dialog, 'Thêm'), 'Đã thêm chứng thư số');
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByTestId('certificates-table').getByRole('row').filter({ hasText: PERSON });
    await visible(row);
    const text = await row.textContent();
    expect(text).toContain('Cá nhân');
    expect(text).toContain(INTERMEDIATE);
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} – \d{2}\/\d{2}\/\d{4}/);
    await visible(row.getByRole('img', { name: 'Ảnh chữ ký' }));
    await shot('certificates-leader');
  });

  it('has an approved công văn ready for him, drafted and submitted through the API', async () => {
    await signInAs('chuyenvien');
    const contentFileId = await uploadAsUser('Cong van chuyen doi so.pdf', samplePdf('Cong van ve chuyen doi so'), 'application/pdf');
    const annexId = await uploadAsUser('Phu luc I.pdf', samplePdf('Phu luc I ke hoach'), 'application/pdf');
    const people = await apiAsUser(page, 'GET', '/api/people?q=pham%20thanh%20hai');
    const signerId = (people.body as { items: { id: string }[] }).items[0]!.id;
    const agencies = await apiAsUser(page, 'GET', `/api/agencies?q=${encodeURIComponent('Sở Tài chính')}`);
    const agencyId = (agencies.body as { items: { id: string; name: string }[] }).items.find((a) => a.name === 'Sở Tài chính')!.id;
    const drafted = await apiAsUser(page, 'POST', '/api/documents/outgoing', { typeCode: 'CV', subject: SUBJECT, signerId, contentFileId, attachmentIds: [annexId], recipients: [{ agencyId }] });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    documentId = (drafted.body as { id: string }).id;
    const submitted = await apiAsUser(page, 'POST', `/api/documents/outgoing/${documentId}/submit`, { toUserId: signerId });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);

    await signInAs('chanhvanphong');
    const approved = await apiAsUser(page, 'POST', `/api/documents/outgoing/${documentId}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  });

  it('lets him sign it with his certificate: a wrong password is refused on the field, then the signature is valid', async () => {
    await page.goto(`/van-ban-di/${documentId}`);
    await visible(flowCard());
    // Unsigned yet: the panel says so, in grey.
    await visible(signatures().getByText('Không có chữ ký số', { exact: true }));
    // The confirmation without a certificate stays, second to signing digitally.
    await visible(flowCard().getByRole('button', { name: 'Ký ban hành (xác nhận đã ký)' }));
    await flowCard().getByRole('button', { name: 'Ký số', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Ký số văn bản' });
    await visible(dialog.getByText(/Chứng thư số Ban Cơ yếu — Nguyễn Văn Bình/));
    await visible(dialog.getByText(/chức vụ “Chánh Văn phòng”, ảnh chữ ký, họ tên “Phạm Thanh Hải”/));

    await dialog.getByLabel('Mật khẩu chứng thư số').fill('sai-mat-khau');
    await dialogButton(dialog, 'Ký số').click();
    await visible(dialog.getByText('Sai mật khẩu của chứng thư số', { exact: true }));
    await shot('sign-wrong-passphrase', { dialog: true });

    await dialog.getByLabel('Mật khẩu chứng thư số').fill(pki.passphrase);
    await clickExpectingMessage(page, dialogButton(dialog, 'Ký số'), 'Đã ký số; văn bản chờ văn thư phát hành');
    await dialog.waitFor({ state: 'hidden' });
    await visible(page.getByTestId('outgoing-where').getByText('Đã ký, chờ văn thư cấp số và phát hành.'));
    await visible(page.locator('.ant-tag').getByText('Đã ký', { exact: true }).first());
    const panel = signatures().getByTestId('verification-panel');
    await visible(panel.getByText('Hợp lệ', { exact: true }).first());
    expect(await panel.getAttribute('data-status')).toBe('valid');
    const rows = panel.getByTestId('signature-row');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(PERSON);
    expect(await rows.first().locator('[data-mark="yes"]').count()).toBe(5);
    await visible(page.getByTestId('pdf-pages').getByRole('img', { name: 'Trang 1/1' }));
    await shot('signed-document');
  });

  it('lets the clerk add the agency’s certificate with the red seal, sign for the agency and issue it', async () => {
    await signInAs('vanthu');
    await openSigningPage('Chứng thư số');
    const dialog = await fillCertificate(files['co-quan.pfx']!, 'Chứng thư số của cơ quan', files['con-dau-do.png']!);
    await visible(dialog.getByText('Ảnh con dấu', { exact: true }));
    await shot('certificate-add-organization', { dialog: true });
    await clickExpectingMessage(page, dialogButton(dialog, 'Thêm'), 'Đã thêm chứng thư số');
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByTestId('certificates-table').getByRole('row').filter({ hasText: AGENCY_SIGNER });
    await visible(row.getByText('Cơ quan', { exact: true }));
    await shot('certificates-clerk');

    await page.goto(`/van-ban-di/${documentId}`);
    const seal = flowCard().getByRole('button', { name: 'Ký số của cơ quan' });
    await visible(seal);
    // The agency's signature comes first: it numbers the document, then the clerk issues it.
    const buttons = await flowCard().getByRole('button').allTextContents();
    expect(buttons.indexOf('Ký số của cơ quan')).toBeLessThan(buttons.indexOf('Phát hành'));
    await seal.click();
    const sealDialog = page.getByRole('dialog', { name: 'Ký số của cơ quan' });
    await visible(sealDialog.getByText(/Chứng thư số của cơ quan — Ủy ban nhân dân tỉnh An Giang/));
    await sealDialog.getByLabel('Mật khẩu chứng thư số').fill(pki.passphrase);
    // The dialog says what else happens: the number, and the annex signed for the agency too.
    await visible(sealDialog.getByTestId('seal-scope').getByText(/^1 tệp kèm theo \(PDF, DOCX\) cũng được ký số của cơ quan/));
    await shot('seal-dialog', { dialog: true });
    await clickExpectingMessage(page, dialogButton(sealDialog, 'Ký số của cơ quan'), 'Đã thêm chữ ký số của cơ quan');
    await sealDialog.waitFor({ state: 'hidden' });

    const panel = signatures().getByTestId('verification-panel');
    const rows = panel.getByTestId('signature-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    expect(await panel.getAttribute('data-status')).toBe('valid');
    expect(await rows.nth(0).textContent()).toContain(PERSON);
    expect(await rows.nth(1).textContent()).toContain(AGENCY_SIGNER);
    await visible(page.getByTestId('document-timeline').getByText('Ký số của cơ quan', { exact: true }));
    // Sealed once: the step is not offered again; the document has its number, waiting to be issued.
    expect(await flowCard().getByRole('button', { name: 'Ký số của cơ quan' }).count()).toBe(0);
    await visible(page.getByTestId('outgoing-where').getByText(/^Đã ký số của cơ quan và cấp số \d+\/[A-ZĐ-]+; chờ văn thư phát hành\.$/));
    const numberNotation = (await page.getByTestId('outgoing-title').textContent())!.match(/\d+\/[A-ZĐ-]+/)![0];
    // The annex's new version carries the agency's signature: shown on the right, one valid signature.
    const annexes = page.getByTestId('attachments-card').getByTestId('attachment-version');
    expect(await annexes.count()).toBe(2);
    await visible(annexes.first().getByTestId('organization-signed').getByText('Đã ký số của cơ quan'));
    expect(await annexes.nth(1).getByTestId('organization-signed').count()).toBe(0);
    await annexes.first().getByRole('button', { name: 'Xem Phu luc I.pdf, phiên bản 2' }).click();
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    expect(await rows.first().textContent()).toContain(AGENCY_SIGNER);
    expect(await panel.getAttribute('data-status')).toBe('valid');
    await shot('sealed-document');
    // Back to the content for the picture of the seal over the signature.
    await page.getByTestId('versions-card').getByRole('button', { name: 'Xem phiên bản 3' }).click();
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    // The preview scrolled to the signature block at the foot of the page: the seal over the signature.
    const pages = page.getByTestId('pdf-pages');
    await visible(pages.getByRole('img', { name: 'Trang 1/1' }));
    await pages.evaluate((el: { scrollIntoView(): void; parentElement: { scrollTop: number } | null }) => {
      el.scrollIntoView();
      if (el.parentElement) el.parentElement.scrollTop = 100_000;
    });
    await shot('sealed-signature-preview', { dialog: true });

    await flowCard().getByRole('button', { name: 'Phát hành' }).click();
    const issue = page.getByRole('dialog', { name: 'Cấp số và phát hành' });
    // numbered already: no register is asked, the number is kept
    await visible(issue.getByTestId('issue-numbered').getByText(new RegExp(`^Số ${numberNotation} đã được cấp khi ký số của cơ quan`)));
    await clickExpectingMessage(page, dialogButton(issue, 'Cấp số và phát hành'), 'Đã phát hành văn bản');
    const number = page.getByTestId('issued-number');
    await visible(number);
    expect((await number.textContent())!.trim()).toBe(numberNotation);
    await shot('issued-number', { dialog: true });
    await page.locator('.ant-result').getByRole('button', { name: 'Đóng', exact: true }).click();
  });

  it('shows the signed file valid on the verification page, and a copy changed after signing invalid', async () => {
    const detail = await apiAsUser(page, 'GET', `/api/documents/${documentId}`);
    const versions = (detail.body as { outgoing: { versions: { fileId: string; version: number }[] } }).outgoing.versions;
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
    const signed = await page.request.get(`/api/documents/${documentId}/files/${versions[0]!.fileId}/content`);
    expect(signed.status()).toBe(200);
    const bytes = Buffer.from(await signed.body());
    files.signed = path.join(workDir, 'cong-van-da-ky.pdf');
    writeFileSync(files.signed, bytes);
    // One letter of the signed text changed, as someone editing the file by hand would.
    const at = bytes.indexOf('Cong van');
    expect(at).toBeGreaterThan(0);
    const tampered = Buffer.from(bytes);
    tampered.write('CONG', at, 'latin1');
    files.tampered = path.join(workDir, 'cong-van-da-sua.pdf');
    writeFileSync(files.tampered, tampered);

    await openSigningPage('Kiểm tra chữ ký số');
    const input = page.locator('input[type=file]');
    await input.setInputFiles(files.signed);
    const panel = page.getByTestId('verification-panel');
    await visible(panel);
    expect(await panel.getAttribute('data-status')).toBe('valid');
    expect(await panel.getByTestId('signature-row').count()).toBe(2);
    await shot('verify-valid');

    await input.setInputFiles(files.tampered);
    await visible(page.getByText('Kết quả kiểm tra tệp cong-van-da-sua.pdf'));
    await visible(panel.getByText('Không hợp lệ', { exact: true }).first());
    expect(await panel.getAttribute('data-status')).toBe('invalid');
    await visible(panel.getByText('Nội dung đã bị thay đổi sau khi ký').first());
    await shot('verify-tampered');
  });
});
