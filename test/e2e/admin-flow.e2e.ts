/// <reference lib="dom" />
// The administrator's first day: sign in, add a unit and a person to it, then that person signs in and sees
// only what a specialist may see. Every admin page is opened on the way and photographed for review.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserFlow, startBrowserFlow } from './browser.js';
import { screenshotIfFailed } from './ui.js';

const DEMO_PASSWORD = 'VanPhongSo@2025';
const UNIT_NAME = 'Phòng Thử nghiệm Tự động';
const NEW_USER = { username: 'thunghiem.e2e', fullName: 'Nguyễn Văn Thử Nghiệm', password: 'Mk@2025-ThuNghiem' };
const ADMIN_ONLY_MENU = ['Cơ quan', 'Đơn vị', 'Nhật ký hệ thống', 'Mã truy cập API'];
const MODULE_MENU = [
  'Trang chủ',
  'Văn bản đến',
  'Văn bản đi',
  'Ký số',
  'Liên thông văn bản',
  'Lịch công tác và họp',
  'Nhiệm vụ',
  'Thủ tục hành chính',
  'Thống kê và Chỉ số 766',
];

let flow: BrowserFlow;
let page: Page;
let shot: (name: string) => Promise<void>;

const menuItem = (name: string) => page.getByRole('menuitem', { name, exact: true });
const visible = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 15_000 });

/**
 * Types into an antd select and clicks the matching option. The options live in a portal outside the
 * field; the field's id names its listbox, which finds the right dropdown among those kept in the DOM.
 * Typing first also matters: long lists are virtualised and render only the options in view.
 */
async function choose(field: Locator, search: string, option: string) {
  const id = await field.getAttribute('id');
  // A click that lands while another dropdown is still animating away can be lost: check, and retry.
  // Taken = a single select closed its dropdown, or a multiple select marked the option selected.
  for (let attempt = 1; ; attempt++) {
    await field.click();
    await field.fill(search);
    const item = page.locator(`.ant-select-dropdown:has([id="${id}_list"]) .ant-select-item-option`).filter({ hasText: option }).first();
    await visible(item);
    await item.click();
    const taken = await item
      .evaluate(
        (el) =>
          new Promise<boolean>((resolve) => {
            const done = () => el.classList.contains('ant-select-item-option-selected') || !el.isConnected || el.getBoundingClientRect().height === 0 || getComputedStyle(el.closest('.ant-select-dropdown') ?? el).visibility === 'hidden' || (el.closest('.ant-select-dropdown') as HTMLElement | null)?.classList.contains('ant-select-dropdown-hidden') === true;
            const started = Date.now();
            const tick = () => (done() ? resolve(true) : Date.now() - started > 3000 ? resolve(false) : setTimeout(tick, 50));
            tick();
          }),
      )
      .catch(() => true); // the option left the DOM: the dropdown closed on a selection
    if (taken) return;
    if (attempt >= 3) throw new Error(`could not choose "${option}"`);
  }
}

async function login(username: string, password: string) {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

async function openAdminPage(menu: string, heading: string) {
  await menuItem(menu).click();
  await visible(page.getByRole('heading', { name: heading, exact: true }));
}

beforeAll(async () => {
  flow = await startBrowserFlow(1);
  ({ page, shot } = flow);
});

afterEach(({ task }) => screenshotIfFailed(page, task));

afterAll(async () => {
  await flow?.close();
});

describe('administration through the web app', () => {
  it('refuses a wrong password with the server’s Vietnamese message, then signs the admin in', async () => {
    await page.goto('/');
    await visible(page.getByRole('button', { name: 'Đăng nhập' }));
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    await shot('login');

    await login('admin', 'sai-mat-khau');
    await visible(page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng' }));

    await login('admin', DEMO_PASSWORD);
    await visible(page.getByRole('heading', { name: 'Xin chào, Trần Quản Trị' }));
    expect(await page.getByTestId('tenant-name').textContent()).toBe('Tỉnh An Giang');
    // Administrators keep the system and draft no documents: outgoing documents are not offered to them.
    // of the one-stop pages, the administrator has the statistics only: one item instead of the group
    for (const name of [...MODULE_MENU.filter((m) => m !== 'Văn bản đi'), ...ADMIN_ONLY_MENU, 'Người dùng', 'Lịch làm việc', 'Thống kê hồ sơ']) {
      expect(await menuItem(name).count(), name).toBe(1);
    }
    expect(await menuItem('Văn bản đi').count()).toBe(0);
    // The demo admin still has the password it was seeded with.
    await visible(page.getByText('Bạn đang dùng mật khẩu được cấp ban đầu'));
    await shot('home');
  });

  it('lists and searches agencies without accents', async () => {
    await openAdminPage('Cơ quan', 'Cơ quan');
    await visible(page.getByRole('cell', { name: /^Văn phòng Ủy ban nhân dân tỉnh/ }));
    await page.getByLabel('Tìm cơ quan').fill('so tai chinh');
    await page.getByLabel('Tìm cơ quan').press('Enter');
    // Sở Tài chính is on the unfiltered first page too: the search has answered once the Office is gone.
    await page.getByRole('cell', { name: /^Văn phòng Ủy ban nhân dân tỉnh/ }).waitFor({ state: 'detached', timeout: 15_000 });
    await visible(page.getByRole('cell', { name: 'Sở Tài chính' }));
    await page.getByLabel('Tìm cơ quan').fill('');
    await page.getByLabel('Tìm cơ quan').press('Enter');
    await visible(page.getByRole('cell', { name: /^Văn phòng Ủy ban nhân dân tỉnh/ }));
    await shot('agencies');
  });

  it('creates a unit in the provincial office', async () => {
    await openAdminPage('Đơn vị', 'Đơn vị');
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    const dialog = page.getByRole('dialog');
    await choose(dialog.getByLabel('Thuộc cơ quan'), 'Văn phòng Ủy ban', 'Văn phòng Ủy ban nhân dân tỉnh');
    await dialog.getByLabel('Tên đơn vị').fill(UNIT_NAME);
    await dialog.getByLabel('Viết tắt').fill('TNTĐ');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await choose(page.getByLabel('Lọc theo cơ quan'), 'van phong uy ban', 'Văn phòng Ủy ban nhân dân tỉnh');
    await visible(page.getByRole('cell', { name: UNIT_NAME }));
    await shot('units');
  });

  it('creates a specialist in that unit', async () => {
    await openAdminPage('Người dùng', 'Người dùng');
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên đăng nhập').fill(NEW_USER.username);
    await dialog.getByLabel('Họ và tên').fill(NEW_USER.fullName);
    await dialog.getByLabel('Thư điện tử').fill('thunghiem.e2e@example.vn');
    await choose(dialog.getByLabel('Đơn vị'), 'thu nghiem tu dong', UNIT_NAME);
    await choose(dialog.getByLabel('Chức vụ'), 'Chuyên viên', 'Chuyên viên');
    await choose(dialog.getByLabel('Vai trò'), 'Chuyên', 'Chuyên viên');
    await dialog.getByText('Thêm người dùng', { exact: true }).click(); // closes the roles dropdown, not the dialog
    await dialog.getByLabel('Mật khẩu ban đầu').fill(NEW_USER.password);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByLabel('Tìm người dùng').fill('thu nghiem');
    await page.getByLabel('Tìm người dùng').press('Enter');
    const row = page.getByRole('row').filter({ hasText: NEW_USER.fullName });
    await visible(row);
    expect(await row.textContent()).toContain(UNIT_NAME);
    expect(await row.textContent()).toContain('Chuyên viên');
    await shot('users');
  });

  it('shows the work calendar with the year’s holidays and tools', async () => {
    await openAdminPage('Lịch làm việc', 'Lịch làm việc');
    await visible(page.getByRole('cell', { name: 'Tết Dương lịch' }));
    await visible(page.getByRole('region', { name: 'Tháng 12' }));
    await visible(page.getByTestId('add-days-result'));
    await visible(page.getByTestId('lunar-result'));
    await shot('calendar');
  });

  it('shows the audit log with the new user and its hash chain', async () => {
    await openAdminPage('Nhật ký hệ thống', 'Nhật ký hệ thống');
    const created = page.getByRole('row').filter({ hasText: `Thêm người dùng ${NEW_USER.fullName}` });
    await visible(created);
    await created.getByRole('button').first().click();
    await visible(page.getByText('Mã băm', { exact: true }));
    await shot('audit-log');
  });

  it('opens the province’s dashboard from the statistics menu', async () => {
    await page.locator('.ant-menu-submenu-title').filter({ hasText: 'Thống kê và Chỉ số 766' }).click();
    await menuItem('Bảng điều hành').click();
    await visible(page.getByRole('heading', { name: 'Bảng điều hành', exact: true }));
    await visible(page.getByTestId('period-line').getByText('· Toàn tỉnh', { exact: false }));
    await menuItem('Chỉ số 766').click();
    await visible(page.getByRole('heading', { name: 'Chỉ số phục vụ người dân, doanh nghiệp' }));
  });

  it('lets the new specialist sign in without the admin menu', async () => {
    await page.getByRole('button', { name: 'Tài khoản của tôi' }).click();
    await page.getByRole('menuitem', { name: 'Đăng xuất', exact: true }).click();
    await visible(page.getByText('Bạn đã đăng xuất.'));

    await login(NEW_USER.username, NEW_USER.password);
    await visible(page.getByRole('heading', { name: `Xin chào, ${NEW_USER.fullName}` }));
    expect(await page.getByTestId('current-user-name').textContent()).toBe(NEW_USER.fullName);
    // a specialist neither signs nor keeps the seal: of digital signatures, only the checking page; the
    // exchange with other agencies is the clerks' work; the dashboard is the leaders'
    const notHers = ['Ký số', 'Liên thông văn bản', 'Thống kê và Chỉ số 766'];
    for (const name of MODULE_MENU.filter((m) => !notHers.includes(m))) expect(await menuItem(name).count(), name).toBe(1);
    for (const name of notHers) expect(await menuItem(name).count(), name).toBe(0);
    // the Office's specialist neither receives nor processes one-stop dossiers
    expect(await menuItem('Hồ sơ một cửa').count()).toBe(0);
    expect(await menuItem('Kiểm tra chữ ký số').count()).toBe(1);
    for (const name of ADMIN_ONLY_MENU) expect(await menuItem(name).count(), name).toBe(0);
    // A specialist holds user.read (own unit) and calendar.read, so those two stay, read-only, under "Tra cứu".
    expect(await menuItem('Người dùng').count()).toBe(1);
    expect(await menuItem('Lịch làm việc').count()).toBe(1);
    expect(await page.getByRole('complementary').getByText('Quản trị', { exact: true }).count()).toBe(0);
    await shot('new-user-home');

    // every module is built now: the one she may not open says so when its address is typed
    await page.goto('/thong-ke');
    await visible(page.getByText('Bạn không có quyền xem trang này'));
    await shot('stats-forbidden');

    await page.goto('/quan-tri/nhat-ky');
    await visible(page.getByText('Bạn không có quyền xem trang này'));
  });
});
