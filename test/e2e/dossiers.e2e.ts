// A one-stop dossier from the counter to the citizen's rating: the Center's officer finds the procedure (typed
// without accents), checks the components, receives the dossier and prints the receipt; Sở Tài chính's unit head
// passes it to the handler, who asks for one supplement (the clock stops); the officer records the papers
// brought; the unit head reviews, the director signs, the clerk issues (processed); the officer returns the
// result; and the applicant, without an account, looks the dossier up by its code and rates it.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserFlow, startBrowserFlow } from './browser.js';
import { choose, clickExpectingMessage, dialogButton, login, screenshotIfFailed, switchUser, visible } from './ui.js';

const DEMO_PASSWORD = 'VanPhongSo@2025';
const APPLICANT = 'Trần Thị Mỹ Duyên';
const PHONE = '0918234567';
const SUPPLEMENT = 'Bản sao Nghị quyết của Hội đồng thành viên có chữ ký đầy đủ';

let flow: BrowserFlow;
let page: Page;
let shot: BrowserFlow['shot'];
let code = '';
let dossierUrl = '';

const action = (name: string) => page.getByRole('button', { name, exact: true });
const openDossier = async (username: string) => {
  await switchUser(page, username, DEMO_PASSWORD);
  await page.goto(dossierUrl);
  await visible(page.getByRole('heading', { name: code }));
};
/** Finishes the current step and hands the dossier to the one person who fits the next step. */
async function advance(username: string, nextPerson: string | null) {
  await openDossier(username);
  await action('Chuyển bước tiếp').click();
  const dialog = page.getByRole('dialog', { name: 'Chuyển bước tiếp' });
  await visible(dialog);
  if (nextPerson) await choose(page, dialog.getByLabel('Người nhận ở bước tiếp theo'), nextPerson.split(' ').pop()!, nextPerson);
  await clickExpectingMessage(page, dialogButton(dialog, 'Chuyển bước tiếp'), 'Đã chuyển hồ sơ sang bước tiếp theo');
}

beforeAll(async () => {
  flow = await startBrowserFlow(160);
  ({ page, shot } = flow);
});

afterEach(({ task }) => screenshotIfFailed(page, task));

afterAll(async () => {
  await flow?.close();
});

describe('a one-stop dossier from the counter to the citizen’s rating', () => {
  it('lets the Center’s officer find the procedure without accents, receive the dossier and print the receipt', async () => {
    await page.goto('/');
    await login(page, 'motcua', DEMO_PASSWORD);
    await page.locator('.ant-menu-submenu-title').filter({ hasText: 'Hồ sơ một cửa' }).click();
    await page.getByRole('menuitem', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Tiếp nhận hồ sơ', exact: true }));

    await choose(page, page.getByLabel('Thủ tục hành chính'), 'tam ngung kinh doanh', 'Thông báo tạm ngừng kinh doanh');
    await visible(page.getByText('Sở Tài chính', { exact: true }).first());
    await page.getByLabel('Họ và tên').fill(APPLICANT);
    await page.getByLabel('Số CCCD/định danh').fill('089186001234');
    await page.getByLabel('Số điện thoại').fill(PHONE);
    await page.getByLabel('Địa chỉ').fill('25 Nguyễn Trung Trực, phường Rạch Giá');
    const components = page.locator('.ant-table-row .ant-checkbox-wrapper');
    for (let i = 0; i < (await components.count()); i++) await components.nth(i).click();
    await shot('dossier-counter');
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();

    await visible(page.getByText('Đã tiếp nhận hồ sơ', { exact: true }));
    code = (await page.getByTestId('dossier-code').textContent())!.trim();
    expect(code).toMatch(/^000\.01\.20\.Z01-\d{6}-\d{4}$/);
    await visible(page.getByText('Hẹn trả kết quả').first());
    await shot('dossier-received');
    const dossierId = (await page.getByRole('link', { name: 'Xem hồ sơ' }).getAttribute('href'))!.split('/').pop()!;
    dossierUrl = `/ho-so-mot-cua/${dossierId}`;

    // the receipt (form 01 of Circular 03/2025) with the dossier's code, as "In giấy tiếp nhận" opens it
    await visible(page.getByRole('button', { name: 'In giấy tiếp nhận' }));
    const receipt = await page.request.get(`/api/dossiers/${dossierId}/forms/receipt`);
    expect(receipt.status()).toBe(200);
    expect(receipt.headers()['content-type']).toContain('application/pdf');
    expect((await receipt.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('passes through Sở Tài chính: the unit head gives it to the handler, who asks for one supplement', async () => {
    await advance('truongphongso', 'Đặng Thu Trang');
    await openDossier('so');
    await action('Yêu cầu bổ sung').click();
    const dialog = page.getByRole('dialog', { name: 'Yêu cầu bổ sung' });
    await visible(dialog);
    await dialog.getByLabel('Lý do').fill('Nghị quyết nộp kèm thiếu chữ ký của thành viên');
    await dialog.getByLabel('Nội dung cần bổ sung, hoàn thiện').fill(SUPPLEMENT);
    await clickExpectingMessage(page, dialogButton(dialog, 'Yêu cầu bổ sung'), 'Đã yêu cầu bổ sung; thời gian giải quyết tạm dừng');
    await visible(page.getByText('Chờ bổ sung', { exact: true }).first());
    await shot('dossier-supplement-requested');
  });

  it('records the papers the applicant brings; the clock runs again and the dossier goes on to the signature', async () => {
    await openDossier('motcua');
    await action('Đã bổ sung').click();
    const dialog = page.getByRole('dialog', { name: 'Đã bổ sung' });
    await visible(dialog);
    await clickExpectingMessage(page, dialogButton(dialog, 'Đã bổ sung'), 'Đã ghi nhận hồ sơ được bổ sung; tiếp tục tính thời gian');

    await advance('so', 'Nguyễn Hữu Phước');
    await advance('truongphongso', 'Trần Quốc Bảo');
    await advance('giamdocso', 'Lê Thị Thu');
    await advance('vanthuso', null);
    await visible(page.getByText('Đã xử lý xong').first());
    await shot('dossier-processed');
  });

  it('returns the result at the Center, with the whole control slip on the dossier', async () => {
    await openDossier('motcua');
    await action('Trả kết quả').click();
    const dialog = page.getByRole('dialog', { name: 'Trả kết quả' });
    await visible(dialog);
    await dialog.getByLabel('Kết quả giải quyết (số, ký hiệu, nội dung)').fill('Giấy xác nhận về việc doanh nghiệp đăng ký tạm ngừng kinh doanh');
    await clickExpectingMessage(page, dialogButton(dialog, 'Trả kết quả'), 'Đã trả kết quả');
    await visible(page.getByText('Đã trả kết quả').first());
    const slip = page.locator('.ant-card').filter({ hasText: 'Phiếu kiểm soát quá trình giải quyết' });
    await visible(slip.getByText('Đặng Thu Trang').first());
    await visible(slip.getByText('Trần Quốc Bảo').first());
    await shot('dossier-returned');
    const control = await page.request.get(`${dossierUrl.replace('/ho-so-mot-cua/', '/api/dossiers/')}/forms/control`);
    expect(control.status()).toBe(200);
  });

  it('lets the applicant look the dossier up by its code and phone, without an account, and rate it once', async () => {
    await switchUser(page, 'motcua', DEMO_PASSWORD);
    const me = await page.request.get('/api/auth/me');
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    await page.request.post('/api/auth/logout', { headers: { 'x-csrf-token': csrfToken } });

    // the receipt's QR code opens this address with the code filled in
    await page.goto(`/cong-khai/dich-vu-cong/an-giang/tra-cuu?ma=${encodeURIComponent(code)}`);
    await visible(page.getByLabel('Mã hồ sơ'));
    await expect.poll(() => page.getByLabel('Mã hồ sơ').inputValue()).toBe(code);
    await page.getByLabel('Số điện thoại hoặc số CCCD').fill(PHONE);
    await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await visible(page.getByText('Thông báo tạm ngừng kinh doanh').first());
    await visible(page.getByText('Đã trả kết quả').first());
    await visible(page.getByText(SUPPLEMENT).first());
    // officers' names never reach the public page
    expect(await page.getByText('Đặng Thu Trang').count()).toBe(0);
    await shot('dossier-public-lookup');

    await page.getByText('Hài lòng', { exact: true }).first().click();
    await page.getByLabel('Góp ý thêm').fill('Cán bộ hướng dẫn tận tình, trả kết quả đúng hẹn.');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await visible(page.getByText(/^Bạn đã đánh giá hồ sơ này ngày/));
    // once: the form is gone, also after looking it up again
    expect(await page.getByRole('button', { name: 'Gửi đánh giá' }).count()).toBe(0);
    await page.reload();
    await page.getByLabel('Số điện thoại hoặc số CCCD').fill(PHONE);
    await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await visible(page.getByText(/^Bạn đã đánh giá hồ sơ này ngày/));
    expect(await page.getByRole('button', { name: 'Gửi đánh giá' }).count()).toBe(0);
    await shot('dossier-rated');
  });
});
