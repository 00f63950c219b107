// An outgoing document's way: the specialist drafts a công văn with its PDF and passes it to her unit head,
// who submits it to the Chief of Office; he approves and signs; the clerk numbers and issues it. Sở Tài
// chính receives it at once as an electronic incoming document, and when its clerk opens it the sender sees
// "Đã xem". Then the clerk reads the outgoing register and exports it to Excel.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { samplePdf } from '../helpers/fixtures.js';
import { type BrowserFlow, startBrowserFlow } from './browser.js';
import { apiAsUser, choose, clickExpectingMessage, dialogButton, login, screenshotIfFailed, switchUser, visible } from './ui.js';

const DEMO_PASSWORD = 'VanPhongSo@2025';
const SPECIALIST = 'Võ Thị Ngọc Ánh';
const HEAD = 'Trương Văn Phong';
const SIGNER = 'Phạm Thanh Hải';
const SENDER_AGENCY = 'Văn phòng Ủy ban nhân dân tỉnh';
const SUBJECT = 'Về việc báo cáo tình hình giải ngân vốn đầu tư công 6 tháng đầu năm 2026';
const FILE_NAME = 'Du thao cong van giai ngan.pdf';

let flow: BrowserFlow;
let page: Page;
let workDir: string;
let pdfPath: string;
let shot: BrowserFlow['shot'];
let documentId: string;
let numberNotation: string;

const menuItem = (name: string | RegExp) => page.getByRole('menuitem', { name, exact: typeof name === 'string' });
const flowCard = () => page.getByTestId('outgoing-flow-card');
const recipients = () => page.getByTestId('recipients-card');
const timeline = () => page.getByTestId('document-timeline');
const recipientRow = (name: string) => recipients().getByRole('row').filter({ hasText: name });

const signInAs = (username: string) => switchUser(page, username, DEMO_PASSWORD);

/** Opens the document from an outgoing view of the menu, where the count says it is waiting. */
async function openFromMenu(item: string | RegExp) {
  await menuItem(item).click();
  const row = page.getByRole('row').filter({ hasText: SUBJECT });
  await visible(row);
  await row.getByRole('link', { name: SUBJECT }).click();
  await visible(flowCard());
}

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'vps-e2e-outgoing-'));
  pdfPath = path.join(workDir, FILE_NAME);
  writeFileSync(pdfPath, samplePdf('Du thao cong van ve giai ngan von dau tu cong'));
  flow = await startBrowserFlow(30, { acceptDownloads: true });
  ({ page, shot } = flow);
});

afterEach(({ task }) => screenshotIfFailed(page, task));

afterAll(async () => {
  await flow?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('drafting, signing and issuing an outgoing document in the web app', () => {
  it('refuses an empty draft in Vietnamese, then saves a công văn with its PDF and three kinds of recipients', async () => {
    await page.goto('/');
    await login(page, 'chuyenvien', DEMO_PASSWORD);
    await menuItem('Dự thảo của tôi').click();
    await visible(page.getByText('Bạn chưa có dự thảo nào đang xử lý'));
    await page.getByRole('button', { name: 'Soạn dự thảo' }).click();
    await visible(page.getByRole('heading', { name: 'Soạn dự thảo' }));

    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await visible(page.getByText('Chọn người ký', { exact: true }));
    await visible(page.getByText('Bắt buộc nhập', { exact: true }));

    await page.getByLabel('Trích yếu').fill(SUBJECT);
    await choose(page, page.getByLabel('Người ký'), 'thanh hai', SIGNER);
    const to = page.getByLabel('Nơi nhận');
    await choose(page, to, 'tai chinh', 'Sở Tài chính');
    await choose(page, to, 'kinh te', 'Phòng Kinh tế');
    await choose(page, to, 'Bộ Tài chính', 'Nơi nhận ngoài danh mục: “Bộ Tài chính”');
    await page.keyboard.press('Escape');
    await page.locator('input[type=file]').first().setInputFiles(pdfPath);
    await visible(page.getByTestId('content-upload-item').filter({ hasText: FILE_NAME }).locator('.ant-upload-list-item-done'));
    await shot('outgoing-draft-form');

    await clickExpectingMessage(page, page.getByRole('button', { name: 'Lưu dự thảo' }), 'Đã lưu dự thảo');
    await visible(page.getByTestId('outgoing-title').getByText('Dự thảo Công văn'));
    documentId = new URL(page.url()).pathname.split('/').pop()!;
    expect(await recipients().textContent()).toContain('Bộ Tài chính');
    await visible(page.getByTestId('versions-card').getByText(FILE_NAME));
    // pdf.js draws the current version into the preview card
    await visible(page.getByTestId('pdf-pages').getByRole('img', { name: 'Trang 1/1' }));
    await visible(timeline().getByText('Tạo dự thảo', { exact: true }));
    await shot('outgoing-draft-saved');
  });

  it('refuses to pass on a draft without its content file, with the server’s reason', async () => {
    const signer = await apiAsUser(page, 'GET', '/api/people?q=pham%20thanh%20hai');
    const created = await apiAsUser(page, 'POST', '/api/documents/outgoing', {
      typeCode: 'TB',
      subject: 'Thông báo lịch trực Tết (chưa có tệp nội dung)',
      signerId: (signer.body as { items: { id: string }[] }).items[0]!.id,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await page.goto(`/van-ban-di/${(created.body as { id: string }).id}`);
    await flowCard().getByRole('button', { name: 'Chuyển xem xét, trình ký' }).click();
    const dialog = page.getByRole('dialog', { name: 'Chuyển xem xét, trình ký' });
    await choose(page, dialog.getByLabel('Chuyển cho'), 'truong van phong', HEAD);
    await dialogButton(dialog, 'Chuyển').click();
    await visible(dialog.getByRole('alert').getByText('Chưa có tệp nội dung dự thảo'));
    await shot('outgoing-submit-without-content', { dialog: true });
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: 'Hủy' }).click();
    await visible(page.getByTestId('outgoing-where').getByText(`Dự thảo đang ở người soạn: ${SPECIALIST}.`));
  });

  it('passes the draft to the head of her unit', async () => {
    await openFromMenu('Dự thảo của tôi');
    expect(new URL(page.url()).pathname).toBe(`/van-ban-di/${documentId}`);
    await flowCard().getByRole('button', { name: 'Chuyển xem xét, trình ký' }).click();
    const dialog = page.getByRole('dialog', { name: 'Chuyển xem xét, trình ký' });
    await choose(page, dialog.getByLabel('Chuyển cho'), 'truong van phong', HEAD);
    await dialog.getByLabel('Ý kiến').fill('Kính trình Trưởng phòng xem xét.');
    await shot('outgoing-submit-dialog', { dialog: true });
    await clickExpectingMessage(page, dialogButton(dialog, 'Chuyển'), 'Đã chuyển dự thảo');
    await dialog.waitFor({ state: 'hidden' });
    await visible(page.getByTestId('outgoing-where').getByText(`Đang chờ xem xét: ${HEAD}.`));
    // Passed on, it is no longer hers to change.
    expect(await flowCard().getByRole('button', { name: 'Sửa dự thảo' }).count()).toBe(0);
  });

  it('lets the head find it waiting and submit it to the signer', async () => {
    await signInAs('truongphong');
    await visible(menuItem('Chờ tôi xem xét, ký 1'));
    await menuItem('Chờ tôi xem xét, ký 1').click();
    const row = page.getByRole('row').filter({ hasText: SUBJECT });
    await visible(row);
    expect(await row.textContent()).toContain('Đang xem xét');
    await shot('outgoing-review-list');
    await row.getByRole('link', { name: SUBJECT }).click();
    await visible(flowCard());

    await flowCard().getByRole('button', { name: 'Chuyển xem xét, trình ký' }).click();
    const dialog = page.getByRole('dialog', { name: 'Chuyển xem xét, trình ký' });
    await dialog.getByRole('button', { name: 'Trình người ký' }).click();
    // Passing it to the signer is submitting it for signature: the dialog says so.
    const signing = page.getByRole('dialog', { name: 'Trình ký' });
    await visible(dialogButton(signing, 'Trình ký'));
    await signing.getByLabel('Ý kiến').fill('Phòng Tổng hợp đã rà soát số liệu, kính trình Chánh Văn phòng ký.');
    await shot('outgoing-submit-to-signer', { dialog: true });
    await clickExpectingMessage(page, dialogButton(signing, 'Trình ký'), 'Đã trình ký');
    await signing.waitFor({ state: 'hidden' });
    await visible(page.getByTestId('outgoing-where').getByText(`Đang chờ xem xét: ${SIGNER}.`));
    await visible(menuItem('Chờ tôi xem xét, ký'));
  });

  it('lets the Chief of Office approve and sign it', async () => {
    await signInAs('chanhvanphong');
    await openFromMenu('Chờ tôi xem xét, ký 1');
    await flowCard().getByRole('button', { name: 'Duyệt', exact: true }).click();
    const approve = page.getByRole('dialog', { name: 'Duyệt dự thảo' });
    await clickExpectingMessage(page, dialogButton(approve, 'Duyệt'), 'Đã duyệt dự thảo');
    await approve.waitFor({ state: 'hidden' });

    await flowCard().getByRole('button', { name: 'Ký ban hành (xác nhận đã ký)' }).click();
    const sign = page.getByRole('dialog', { name: 'Ký ban hành (xác nhận đã ký)' });
    await visible(sign.getByText(`Văn bản được ký: phiên bản 1, tệp ${FILE_NAME}.`));
    await shot('outgoing-sign-dialog', { dialog: true });
    await clickExpectingMessage(page, dialogButton(sign, 'Xác nhận đã ký'), 'Đã ký; văn bản chờ văn thư phát hành');
    await sign.waitFor({ state: 'hidden' });
    await visible(page.getByTestId('outgoing-where').getByText('Đã ký, chờ văn thư cấp số và phát hành.'));
    const steps = await timeline().locator('.ant-timeline-item strong').allTextContents();
    expect(steps.filter((s) => !['Xem tệp', 'Đã xem'].includes(s))).toEqual(['Tạo dự thảo', 'Chuyển dự thảo', 'Chuyển dự thảo', 'Duyệt', 'Ký']);
    await shot('outgoing-signed');
  });

  it('lets the clerk number and issue it, and shows the number large', async () => {
    await signInAs('vanthu');
    await menuItem('Chờ phát hành 1').click();
    const row = page.getByRole('row').filter({ hasText: SUBJECT });
    await visible(row);
    expect(await row.textContent()).toContain('Đã ký');
    await shot('outgoing-to-issue');
    await row.getByRole('link', { name: SUBJECT }).click();

    await flowCard().getByRole('button', { name: 'Phát hành' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cấp số và phát hành' });
    await visible(dialog.getByText(/1 cơ quan trong tỉnh nhận ngay/));
    await shot('outgoing-issue-dialog', { dialog: true });
    await clickExpectingMessage(page, dialogButton(dialog, 'Cấp số và phát hành'), 'Đã phát hành văn bản');
    const number = page.getByTestId('issued-number');
    await visible(number);
    numberNotation = (await number.textContent())!.trim();
    expect(numberNotation).toMatch(/^01\/VP-TH$/);
    await shot('outgoing-issued-number', { dialog: true });
    await page.locator('.ant-result').getByRole('button', { name: 'Đóng', exact: true }).click();

    await visible(page.getByTestId('outgoing-title').getByText(`Công văn số ${numberNotation}`));
    await visible(page.getByTestId('outgoing-number').getByText(numberNotation));
    await visible(recipientRow('Sở Tài chính').getByText('Đã nhận', { exact: true }));
    await visible(recipientRow('Phòng Kinh tế').getByText('Đã nhận', { exact: true }));
    // Typed without an identifier code: the clerk sends it on paper.
    await visible(recipientRow('Bộ Tài chính').getByText('Gửi bản giấy', { exact: true }));
    await shot('outgoing-issued');
  });

  it('delivers it to Sở Tài chính as an electronic incoming document', async () => {
    await signInAs('vanthuso');
    await menuItem('Văn bản đến').click();
    const row = page.getByRole('row').filter({ hasText: SUBJECT });
    await visible(row);
    const text = await row.textContent();
    expect(text).toContain(numberNotation);
    expect(text).toContain(SENDER_AGENCY);
    await shot('incoming-delivered-list');
    // Nobody has routed it yet: it waits under "Chưa giao" too.
    await visible(menuItem(/^Chưa giao [1-9]/));
    await row.getByRole('cell', { name: SENDER_AGENCY }).click();
    await visible(page.getByRole('heading', { name: /^Văn bản đến số \d+\/\d{4}/ }));
    await visible(timeline().getByText('Nhận văn bản điện tử', { exact: true }));
    await visible(page.getByText('Điện tử', { exact: true }).first());
    // The PDF came with it: drawn on the recipient's page like any incoming document's.
    await visible(page.getByTestId('pdf-pages').getByRole('img', { name: 'Trang 1/1' }));
    await shot('incoming-delivered-detail');
  });

  it('shows the sender that Sở Tài chính has read it', async () => {
    await signInAs('chuyenvien');
    await openFromMenu('Đã phát hành');
    await visible(recipientRow('Sở Tài chính').getByText('Đã xem', { exact: true }));
    expect(await recipientRow('Sở Tài chính').textContent()).toMatch(/Xem lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await shot('outgoing-recipient-read');
  });

  it('lists it in the outgoing register and exports the register to Excel', async () => {
    await signInAs('vanthu');
    await menuItem('Sổ văn bản').click();
    await visible(page.getByRole('heading', { name: 'Sổ văn bản' }));
    await choose(page, page.getByLabel('Sổ', { exact: true }), 'so van ban di', 'Sổ văn bản đi');
    const book = page.getByTestId('register-book');
    await visible(book.getByText('SỔ ĐĂNG KÝ VĂN BẢN ĐI'));
    const entry = book.getByRole('row').filter({ hasText: numberNotation });
    await visible(entry);
    expect(await entry.textContent()).toContain(`Công văn: ${SUBJECT}`);
    await shot('register-outgoing');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Xuất Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^so-dang-ky-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const saved = path.join(workDir, download.suggestedFilename());
    await download.saveAs(saved);
  });

  it('finds it by a search without accents, and shows this month’s figures on the home page', async () => {
    await menuItem('Tra cứu văn bản').click();
    await page.getByLabel('Từ khóa tra cứu').fill('giai ngan von dau tu');
    await page.getByLabel('Từ khóa tra cứu').press('Enter');
    const hit = page.getByRole('row').filter({ hasText: SUBJECT }).filter({ hasText: numberNotation });
    await visible(hit);
    expect(await hit.textContent()).toContain('Đã phát hành');
    expect(new URL(page.url()).searchParams.get('q')).toBe('giai ngan von dau tu');
    await shot('search-results');

    await menuItem('Trang chủ').click();
    const stats = page.getByTestId('stats-card');
    await visible(stats.getByText('Văn bản đi đã phát hành'));
    await shot('home-stats');
  });
});
