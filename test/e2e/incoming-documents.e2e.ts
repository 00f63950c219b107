// A clerk's morning: register an incoming document with its scanned PDF, see the arrival number, find it
// again without typing accents, read it, and register a second copy only after the duplicate warning.
// Then a leader of the same office sees it, and a specialist (no document rights yet) sees nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../helpers/fixtures.js';
import { type BrowserFlow, startBrowserFlow } from './browser.js';
import { isFocused, login, logout, screenshotIfFailed, visible } from './ui.js';

const DEMO_PASSWORD = 'VanPhongSo@2025';
const DOC = {
  senderSearch: 'so tai chinh',
  sender: 'Sở Tài chính',
  numberNotation: '125/STC-NS',
  type: 'Công văn',
  subject: 'Về việc báo cáo tình hình thực hiện dự toán ngân sách nhà nước năm 2026',
  signerName: 'Trần Văn Bình',
  signerPosition: 'Phó Giám đốc',
};
// The document is dated today (Vietnam time): it cannot be dated after its receipt.
const TODAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

let flow: BrowserFlow;
let page: Page;
let shot: (name: string) => Promise<void>;
let workDir: string;
let pdfPath: string;
let fakePdfPath: string;
let firstNumber: number;

const arrivalNumber = async () => {
  const number = page.getByTestId('arrival-number');
  await visible(number);
  return Number(await number.textContent());
};

/** Fills the document's fields as a clerk does, from the keyboard, starting in the focused sender field. */
async function fillDocument() {
  expect(await isFocused(page.getByLabel('Nơi gửi'))).toBe(true);
  await page.keyboard.type(DOC.senderSearch);
  await visible(page.locator('.ant-select-dropdown:has([id="sender_list"]) .ant-select-item-option-active').filter({ hasText: DOC.sender }));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type(DOC.numberNotation);
  await page.keyboard.press('Tab');
  await page.keyboard.type(TODAY);
  await page.keyboard.press('Tab');
  await page.getByLabel('Trích yếu').fill(DOC.subject);
}

async function submitAndExpectNumber(): Promise<number> {
  await page.getByLabel('Số, ký hiệu').press('Enter');
  return arrivalNumber();
}

/** Registers a document through the API (as the signed-in clerk), to give the list some variety. */
async function registerViaApi(body: Record<string, unknown>) {
  const me = await page.request.get('/api/auth/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await page.request.post('/api/documents/incoming', { data: { channel: 'electronic', issuedDate: new Date().toISOString().slice(0, 10), ...body }, headers: { 'x-csrf-token': csrfToken } });
  expect(res.status(), await res.text()).toBe(201);
}

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'vps-e2e-files-'));
  pdfPath = path.join(workDir, 'Công văn 125-STC-NS.pdf');
  writeFileSync(pdfPath, samplePdf('Cong van 125/STC-NS'));
  fakePdfPath = path.join(workDir, 'khong-phai-pdf.pdf');
  writeFileSync(fakePdfPath, 'Day khong phai la tep PDF');
  flow = await startBrowserFlow(10);
  ({ page, shot } = flow);
});

afterEach(({ task }) => screenshotIfFailed(page, task));

afterAll(async () => {
  await flow?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('incoming documents through the web app', () => {
  it('lets the clerk open the registration form from Văn bản đến', async () => {
    await page.goto('/');
    await login(page, 'vanthu', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'Văn bản đến', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Văn bản đến', exact: true }));
    await visible(page.getByText('Chưa có văn bản đến'));
    await page.getByRole('button', { name: 'Đăng ký văn bản đến' }).click();
    await visible(page.getByRole('heading', { name: 'Đăng ký văn bản đến' }));
    expect(new URL(page.url()).pathname).toBe('/van-ban-den/dang-ky');
  });

  it('registers a document with its PDF and shows the arrival number', async () => {
    await fillDocument();
    await page.getByLabel('Loại văn bản').fill('cong van');
    await page.keyboard.press('Enter');
    await page.getByLabel('Người ký', { exact: true }).fill(DOC.signerName);
    await page.getByLabel('Chức vụ người ký').fill(DOC.signerPosition);
    await page.locator('label').filter({ hasText: /^Khẩn$/ }).click();
    await page.locator('label').filter({ hasText: /^Số ngày làm việc$/ }).click();
    await page.getByRole('spinbutton', { name: 'Số ngày làm việc' }).fill('5');

    // A file that only pretends to be a PDF is refused by the server, with its reason under the file.
    await page.locator('input[type=file]').setInputFiles(fakePdfPath);
    await visible(page.getByTestId('upload-item').filter({ hasText: 'khong-phai-pdf.pdf' }).getByRole('alert'));
    expect(await page.getByTestId('upload-item').getByRole('alert').textContent()).toContain('Chỉ nhận tệp');
    await page.getByTestId('upload-item').filter({ hasText: 'khong-phai-pdf.pdf' }).getByRole('button', { name: 'Gỡ bỏ tập tin' }).click();
    // the removed file leaves the list with an animation: wait until it is gone before counting
    await page.getByTestId('upload-item').filter({ hasText: 'khong-phai-pdf.pdf' }).waitFor({ state: 'detached', timeout: 15_000 });

    await page.locator('input[type=file]').setInputFiles(pdfPath);
    await visible(page.getByTestId('upload-item').filter({ hasText: 'Công văn 125-STC-NS.pdf' }).locator('.ant-upload-list-item-done'));
    expect(await page.getByTestId('upload-item').count()).toBe(1);
    expect(await page.getByTestId('upload-item').textContent()).toContain('Văn bản chính');
    await shot('incoming-form-filled');

    firstNumber = await submitAndExpectNumber();
    expect(firstNumber).toBeGreaterThan(0);
    await visible(page.getByText(`${DOC.numberNotation} · ${TODAY} · ${DOC.sender}`));
    await shot('incoming-registered');
  });

  it('starts the next document from Enter, keeping the channel and type', async () => {
    await page.keyboard.press('Enter');
    await visible(page.getByLabel('Nơi gửi'));
    expect(await isFocused(page.getByLabel('Nơi gửi'))).toBe(true);
    expect(await page.getByLabel('Số, ký hiệu').inputValue()).toBe('');
    expect(await page.locator('.ant-form-item').filter({ hasText: 'Loại văn bản' }).textContent()).toContain(DOC.type);
  });

  it('registers secret documents without files, for named readers only', async () => {
    await page.locator('label').filter({ hasText: /^Mật$/ }).click();
    await visible(page.getByTestId('secret-no-files').filter({ hasText: 'Văn bản mật chỉ đăng ký thông tin, không lưu tệp' }));
    expect(await page.locator('input[type=file]').count()).toBe(0);
    await page.getByLabel('Người được xem').click();
    await page.keyboard.type('thanh hai');
    const leader = page.locator('.ant-select-dropdown:has([id="viewers_list"]) .ant-select-item-option').filter({ hasText: 'Phạm Thanh Hải' });
    await visible(leader);
    await leader.click();
    await page.keyboard.press('Escape');
    await shot('incoming-secret-form');

    await page.locator('.ant-form-item').filter({ hasText: 'Độ mật' }).locator('label').filter({ hasText: /^Thường$/ }).click();
    await visible(page.getByText('Kéo thả tệp vào đây hoặc bấm để chọn tệp'));
    expect(await page.getByLabel('Người được xem').count()).toBe(0);
    await page.getByLabel('Nơi gửi').focus();
  });

  it('warns about the same document registered twice, then registers it on confirmation', async () => {
    await fillDocument();
    await page.getByLabel('Số, ký hiệu').press('Enter');
    const warning = page.getByTestId('duplicate-warning');
    await visible(warning);
    expect(await warning.textContent()).toContain('Văn bản này có thể đã được đăng ký');
    await visible(warning.getByRole('link', { name: new RegExp(`^Số đến ${firstNumber}/\\d{4}`) }));
    await shot('incoming-duplicate-warning');

    await warning.getByRole('button', { name: 'Vẫn đăng ký' }).click();
    expect(await arrivalNumber()).toBe(firstNumber + 1);
  });

  it('lists the documents and finds them by a search without accents', async () => {
    await registerViaApi({ senderName: 'Bộ Nội vụ', numberNotation: '5512/BNV-CQĐP', typeCode: 'CĐ', subject: 'Công điện về việc triển khai phòng, chống bão số 15', urgency: 'flash' });
    await registerViaApi({ senderName: 'Ủy ban nhân dân phường Rạch Giá', numberNotation: '87/UBND-VP', typeCode: 'TTr', subject: 'Tờ trình đề nghị hỗ trợ kinh phí sửa chữa trường học bị ảnh hưởng do mưa lũ', urgency: 'very_urgent', dueInWorkingDays: 3 });
    await registerViaApi({ senderName: 'Sở Xây dựng', numberNotation: '301/SXD-QLN', typeCode: 'KH', subject: 'Kế hoạch kiểm tra công tác quản lý nhà ở năm 2026', urgency: 'normal' });

    await page.getByRole('button', { name: 'Về danh sách' }).click();
    await visible(page.getByRole('heading', { name: 'Văn bản đến', exact: true }));
    await visible(page.getByRole('row').filter({ hasText: '5512/BNV-CQĐP' }));
    await visible(page.getByText('5 văn bản'));
    await shot('incoming-list');

    await page.getByLabel('Tìm văn bản đến').fill('bao cao tinh hinh thuc hien du toan');
    await page.getByLabel('Tìm văn bản đến').press('Enter');
    await visible(page.getByText('2 văn bản'));
    const rows = page.getByRole('row').filter({ hasText: DOC.subject });
    expect(await rows.count()).toBe(2);
    const original = rows.filter({ has: page.getByRole('link', { name: String(firstNumber), exact: true }) });
    expect(await original.textContent()).toContain('Khẩn');
  });

  it('opens the document with its PDF preview and timeline', async () => {
    const preview = page.waitForResponse((r) => r.url().includes('/content?inline=true'));
    // A click anywhere on the row opens the document.
    await page.getByRole('row').filter({ hasText: DOC.subject }).filter({ has: page.getByRole('link', { name: String(firstNumber), exact: true }) }).getByText(DOC.sender).click();
    await visible(page.getByRole('heading', { name: new RegExp(`^Văn bản đến số ${firstNumber}/`) }));
    // pdf.js draws the pages into the card
    await visible(page.getByTestId('pdf-pages').getByRole('img', { name: 'Trang 1/1' }));
    const response = await preview;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');

    const timeline = page.getByTestId('document-timeline');
    await visible(timeline.getByText('Vào sổ', { exact: true }));
    // Opening the preview is recorded, and the page refreshes its timeline to show it.
    await visible(timeline.getByText('Xem tệp', { exact: true }));
    expect(await timeline.textContent()).toContain('Nguyễn Thị Văn Thư');
    await visible(page.getByRole('link', { name: 'Tải về Công văn 125-STC-NS.pdf' }));
    await shot('incoming-detail');
  });

  it('shows the document to a leader of the office, without the register button', async () => {
    await logout(page);
    await login(page, 'chanhvanphong', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'Văn bản đến', exact: true }).click();
    await visible(page.getByRole('row').filter({ hasText: DOC.subject }).first());
    expect(await page.getByRole('button', { name: 'Đăng ký văn bản đến' }).count()).toBe(0);
  });

  it('shows a specialist no incoming documents and no registration form', async () => {
    await logout(page);
    await login(page, 'chuyenvien', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'Văn bản đến', exact: true }).click();
    await visible(page.getByText('Chưa có văn bản đến'));
    expect(await page.getByRole('row').filter({ hasText: DOC.subject }).count()).toBe(0);
    await page.goto('/van-ban-den/dang-ky');
    await visible(page.getByText('Bạn không có quyền xem trang này'));
  });
});
