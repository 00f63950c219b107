// An outgoing document for a recipient outside the province: the specialist drafts a công văn for Văn
// phòng UBND tỉnh Cà Mau with its identifier code (a wrong code is refused on its field), the draft is
// approved and signed, and the clerk issues it. No exchange connection reaches Cà Mau, so the exchange job
// says so on the recipient's line ("where is my document"), and the clerk exports the edXML file instead.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { samplePdf } from '../helpers/fixtures.js';
import { type BrowserFlow, SCREENSHOT_DIR, startBrowserFlow } from './browser.js';
import { apiAsUser, choose, clickExpectingMessage, dialogButton, login, screenshotIfFailed, switchUser, visible } from './ui.js';

const DEMO_PASSWORD = 'VanPhongSo@2025';
const SIGNER = 'Phạm Thanh Hải';
const SUBJECT = 'Về việc phối hợp tổ chức Hội nghị xúc tiến đầu tư vùng Đồng bằng sông Cửu Long năm 2026';
const OUTSIDE = 'Văn phòng UBND tỉnh Cà Mau';
const CODE = '000.00.00.H12';
const FILE_NAME = 'Cong van phoi hop hoi nghi.pdf';

let flow: BrowserFlow;
let page: Page;
let workDir: string;
let pdfPath: string;
let shot: BrowserFlow['shot'];
let documentId: string;

const menuItem = (name: string) => page.getByRole('menuitem', { name, exact: true });
const flowCard = () => page.getByTestId('outgoing-flow-card');
const recipients = () => page.getByTestId('recipients-card');
const recipientRow = (name: string) => recipients().getByRole('row').filter({ hasText: name });
const codeField = () => page.getByLabel(`Mã định danh của ${OUTSIDE}`);
const exportButton = () => recipients().getByRole('button', { name: 'Xuất tệp edXML' });

const signInAs = (username: string) => switchUser(page, username, DEMO_PASSWORD);

/** A step of the way through the API, as the person who takes it; the web app's dialogs are proven in outgoing.e2e.ts. */
async function step(path: string, body: unknown) {
  const res = await apiAsUser(page, 'POST', `/api/documents/outgoing/${documentId}/${path}`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'vps-e2e-exchange-outgoing-'));
  pdfPath = path.join(workDir, FILE_NAME);
  writeFileSync(pdfPath, samplePdf('Cong van phoi hop to chuc hoi nghi xuc tien dau tu'));
  flow = await startBrowserFlow(80, { acceptDownloads: true });
  ({ page, shot } = flow);
});

afterEach(({ task }) => screenshotIfFailed(page, task));

afterAll(async () => {
  await flow?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('sending an outgoing document outside the province through the exchange', () => {
  it('drafts a công văn for an outside recipient with its identifier code, refusing a wrong code on the field', async () => {
    await page.goto('/');
    await login(page, 'chuyenvien', DEMO_PASSWORD);
    await menuItem('Dự thảo của tôi').click();
    await page.getByRole('button', { name: 'Soạn dự thảo' }).click();
    await visible(page.getByRole('heading', { name: 'Soạn dự thảo' }));

    await page.getByLabel('Trích yếu').fill(SUBJECT);
    await choose(page, page.getByLabel('Người ký'), 'thanh hai', SIGNER);
    const to = page.getByLabel('Nơi nhận');
    await choose(page, to, 'tai chinh', 'Sở Tài chính');
    await choose(page, to, OUTSIDE, `Nơi nhận ngoài danh mục: “${OUTSIDE}”`);
    await page.keyboard.press('Escape');

    // The code is checked on leaving its field, in Vietnamese.
    await codeField().fill('000.00.H12');
    await codeField().press('Tab');
    await visible(page.getByText(/^Mã định danh chưa đúng: có dạng 000\.00\.00\.H41/));
    await shot('exchange-draft-wrong-code');

    // Typed in small letters, it is kept as the server wants it.
    await codeField().fill(CODE.toLowerCase());
    await codeField().press('Tab');
    expect(await codeField().inputValue()).toBe(CODE);
    await page.getByText(/^Mã định danh chưa đúng/).waitFor({ state: 'hidden' });
    // The chosen recipient shows its code beside its name.
    await visible(page.locator('.ant-select-selection-item, .ant-tag').filter({ hasText: `${OUTSIDE} · ${CODE}` }).first());
    await page.locator('input[type=file]').first().setInputFiles(pdfPath);
    await visible(page.getByTestId('content-upload-item').filter({ hasText: FILE_NAME }).locator('.ant-upload-list-item-done'));
    await shot('exchange-draft-form');

    await clickExpectingMessage(page, page.getByRole('button', { name: 'Lưu dự thảo' }), 'Đã lưu dự thảo');
    await visible(page.getByTestId('outgoing-title').getByText('Dự thảo Công văn'));
    documentId = new URL(page.url()).pathname.split('/').pop()!;
    await visible(recipientRow(OUTSIDE).getByText(`Mã định danh ${CODE}`, { exact: false }));
  });

  it('keeps the code when the draft is edited', async () => {
    await flowCard().getByRole('button', { name: 'Sửa dự thảo' }).click();
    await visible(codeField());
    expect(await codeField().inputValue()).toBe(CODE);
    await shot('exchange-draft-edit');
    await clickExpectingMessage(page, page.getByRole('button', { name: 'Lưu thay đổi' }), 'Đã lưu thay đổi của dự thảo');
    await visible(flowCard());
    const detail = await apiAsUser(page, 'GET', `/api/documents/${documentId}`);
    const saved = (detail.body as { outgoing: { recipients: { name: string; organId: string | null }[] } }).outgoing.recipients;
    expect(saved.find((r) => r.name === OUTSIDE)?.organId).toBe(CODE);
    expect(saved.find((r) => r.name === 'Sở Tài chính')?.organId).toBeNull();
  });

  it('is submitted, approved and signed', async () => {
    const people = await apiAsUser(page, 'GET', '/api/people?q=pham%20thanh%20hai');
    await step('submit', { toUserId: (people.body as { items: { id: string }[] }).items[0]!.id });
    await signInAs('chanhvanphong');
    await step('approve', {});
    await step('sign', {});
  });

  it('lets the clerk issue it, saying the outside recipient goes through the exchange', async () => {
    await signInAs('vanthu');
    await page.goto(`/van-ban-di/${documentId}`);
    await flowCard().getByRole('button', { name: 'Phát hành' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cấp số và phát hành' });
    await visible(dialog.getByText(/1 nơi nhận ngoài tỉnh gửi qua trục liên thông/));
    await shot('exchange-issue-dialog', { dialog: true });
    await clickExpectingMessage(page, dialogButton(dialog, 'Cấp số và phát hành'), 'Đã phát hành văn bản');
    await visible(page.getByTestId('issued-number'));
    await page.locator('.ant-result').getByRole('button', { name: 'Đóng', exact: true }).click();
    await visible(recipientRow('Sở Tài chính').getByText('Đã nhận', { exact: true }));
    await visible(recipientRow(OUTSIDE).getByText('Chờ gửi liên thông', { exact: true }));
  });

  it('shows the clerk where it is at the outside recipient: no connection reaches it yet', async () => {
    // The exchange job looks at issued documents every 15 s; the page shows what it found once reloaded.
    const note = recipientRow(OUTSIDE).getByText(`Chưa có kết nối liên thông tới mã định danh ${CODE}; `);
    const deadline = Date.now() + 40_000;
    while (!(await note.isVisible())) {
      if (Date.now() > deadline) throw new Error('the exchange job left no note on the outside recipient');
      await page.waitForTimeout(3_000);
      await page.reload();
      await visible(recipients());
    }
    const row = await recipientRow(OUTSIDE).textContent();
    expect(row).toContain(`Mã định danh ${CODE}`);
    expect(row).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await shot('exchange-recipient-note');
    // The card alone, at the size a person reads it.
    await recipients().screenshot({ path: path.join(SCREENSHOT_DIR, '84-exchange-recipient-note-card.png') });
  });

  it('exports the edXML file for the outside recipient', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton().click()]);
    expect(download.suggestedFilename()).toMatch(/\.edxml\.xml$/);
    const saved = path.join(workDir, download.suggestedFilename());
    await download.saveAs(saved);
    const xml = readFileSync(saved, 'utf8');
    expect(xml).toContain('<edXML:DocumentId>');
    expect(xml).toContain(CODE);
    await visible(page.locator('.ant-message').getByText(`Đã xuất tệp ${download.suggestedFilename()}`));
  });

  it('does not offer the export to the drafter, who is no clerk', async () => {
    await signInAs('chuyenvien');
    await page.goto(`/van-ban-di/${documentId}`);
    // The drafter follows her document too: the exchange's note is on its line.
    await visible(recipientRow(OUTSIDE).getByText(`Chưa có kết nối liên thông tới mã định danh ${CODE}; `));
    expect(await exportButton().count()).toBe(0);
  });
});
